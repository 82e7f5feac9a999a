#pragma once

#include "cancelflag.h"
#include "deadline.h"
#include "framedecoder.h"
#include "grabtypes.h"
#include "hlsplaylist.h"
#include "result.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace avld {

// One grab from start to end: for HLS over HTTP it fetches the playlist (and the best variant), checks that
// the stream is live, fetches the newest segment(s) and decodes them on a worker thread; RTMP, files and
// encrypted or fMP4 HLS go to libavformat directly on the worker. Deletes itself after reporting.
class GrabTask : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(Result<GrabResult>)>;

    GrabTask(QNetworkAccessManager& network, const Clock& clock, QUrl url, GrabOptions options, Done done,
             QObject* parent = nullptr);

    void start();
    // Stops the grab; `done` then reports "cancelled". Safe to call at any time before done ran.
    void cancel();

private:
    using BodyHandler = std::function<void(const QByteArray& body, QNetworkReply& reply)>;
    // Given, a failed fetch (an HTTP error, a refused connection) calls it instead of failing the grab.
    using FailureHandler = std::function<void()>;

    void fetch(const QUrl& url, qint64 maxBytes, const QString& what, BodyHandler handler,
               FailureHandler onFailure = {});
    void get(const QUrl& url, qint64 maxBytes, const QString& what, BodyHandler handler,
             FailureHandler onFailure = {});
    // GrabOptions::verifyUrl: runs `next` once the URL(s) passed, fails the grab otherwise.
    void verifyThen(const QUrl& url, std::function<void()> next);
    void verifyEach(QList<QUrl> urls, std::function<void()> next);
    void onRedirect(QNetworkReply* reply, const QUrl& target);
    void onPlaylist(const QByteArray& body, QNetworkReply& reply);
    void onMediaPlaylist(const HlsPlaylist& playlist, QNetworkReply& reply);
    void fetchSegments();
    // The newest picture may be in the segment the server is writing (HlsPlaylist::segmentBeingWritten):
    // its bytes so far are read after the newest listed segment's, when it can be had.
    void fetchSegmentBeingWritten();
    void decode(DecoderInput input);
    void finish(Result<GrabResult> result);
    void fail(Error error);
    Error deadlineError() const;

    QNetworkAccessManager& m_network;
    const Clock& m_clock;
    QUrl m_url;
    GrabOptions m_options;
    Done m_done;
    Deadline m_deadline;
    CancelFlag m_cancel = makeCancelFlag();
    bool m_cancelledByCaller = false;
    bool m_finished = false;
    int m_verifying = 0; // verifyUrl answers still awaited
    QTimer m_deadlineTimer;
    QPointer<QNetworkReply> m_reply;
    GrabReport m_report;
    QList<HlsPlaylist::Segment> m_segments; // still to fetch, oldest first
    QByteArray m_segmentData;
    std::optional<QUrl> m_beingWritten; // still to fetch
    qint64 m_listedBytes = -1;          // the listed segments' bytes, when the one being written follows
};

} // namespace avld
