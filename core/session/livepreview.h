#pragma once

#include "clock.h"
#include "media/cancelflag.h"
#include "media/framegrabber.h"
#include "recentclips.h"
#include "result.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace avld {

class GrabTask;

// Short animated previews of lives for the Lives page: grabs a clip (2 s at 5 fps by default) from a live's
// HLS stream, scales its frames for the screen and hands them on. One preview at a time: a new request
// cancels the one in flight. Decoding and scaling run on the global thread pool; the calling thread only
// does network I/O. The last few clips are kept, so asking again for the same live answers at once.
class LivePreviewLoader : public QObject {
    Q_OBJECT
public:
    struct Options {
        int clipDurationMs = 2000;
        int fps = 5;
        int timeoutMs = 8000;
        QSize maxFrameSize{320, 180}; // frames are fitted into this (aspect kept, display-corrected)
    };

    explicit LivePreviewLoader(QNetworkAccessManager& network, const Clock& clock = Clock::system(),
                               QObject* parent = nullptr);
    ~LivePreviewLoader() override;

    void setOptions(const Options& options) { m_options = options; }
    const Options& options() const { return m_options; }
    // The size the frames are fitted into, e.g. the tile's picture area in device pixels.
    void setMaxFrameSize(QSize size);

    // Asks for a preview of `key`; `referer` is the site URL (AVideo's key protection wants it). Answers
    // with exactly one clipReady or clipFailed for `key`, after returning, unless cancelled or superseded
    // by another request first. Asking again for the live already in flight changes nothing.
    void request(const QString& key, const QUrl& hlsUrl, const QString& referer = {});
    // Stops the request in flight (if any): no signal follows for it.
    void cancel();

    bool isLoading() const { return !m_key.isEmpty(); }
    QString loadingKey() const { return m_key; }
    // How many stream grabs were started (answers from the recent clips start none).
    int grabCount() const { return m_grabCount; }
    RecentClips& recentClips() { return m_recent; }

Q_SIGNALS:
    void clipReady(const QString& key, const QList<avld::Bitmap>& frames, int fps);
    void clipFailed(const QString& key, const avld::Error& error);

private:
    void onGrabbed(int generation, Result<GrabResult> result);
    void finishWith(int generation, Result<PreviewClip> clip);

    FrameGrabber m_grabber;
    RecentClips m_recent;
    Options m_options;
    int m_generation = 0; // bumped by every request and cancel: older answers are dropped
    int m_grabCount = 0;
    QString m_key; // in flight; empty when idle
    QUrl m_url;
    QSize m_box; // maxFrameSize of the request in flight
    QPointer<GrabTask> m_task;
    CancelFlag m_scaleCancel;
};

} // namespace avld
