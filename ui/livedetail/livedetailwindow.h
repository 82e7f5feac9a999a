#pragma once

#include "session/livehistory.h"
#include "site/livepicture.h"
#include "site/livesound.h"

#include <QWidget>

class QChartView;
class QFormLayout;
class QLabel;

namespace avld {
class LivePlayer;
class LiveVideoView;
class ThumbnailTimeStrip;
} // namespace avld

namespace avld {

// One live up close: the stream playing, its facts (codec, size, frame rate, bitrate, segments, playlist
// age, sound), a chart of bitrate, frame age and loudness over time, and what visitors saw at each check on
// the same time axis. Plays without sound, in the stream's true colours (LivePlayer): the window is for
// looking.
class LiveDetailWindow : public QWidget {
    Q_OBJECT
public:
    explicit LiveDetailWindow(QWidget* parent = nullptr);
    ~LiveDetailWindow() override;

    // `entry` is the live from the newest check; `samples` its history, oldest first; `sound` and `picture`
    // its sound and its stream's picture followed across the checks (without them, the newest check's alone).
    void showLive(const LiveEntry& entry, const QList<LiveSample>& samples,
                  const std::optional<LiveSound>& sound = std::nullopt,
                  const std::optional<LivePicture>& picture = std::nullopt);
    QString liveKey() const { return m_key; }
    QUrl playing() const;
    // The site's address, sent as Referer with the stream requests (AVideo's key protection checks it).
    void setReferer(const QString& referer) { m_referer = referer; }

private:
    void setFact(const QString& name, const QString& value);
    void updateChart(const QList<LiveSample>& samples);
    void updateStrip(const QList<LiveSample>& samples);
    void alignStrip();
    void play(const QUrl& stream);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    QString m_key;
    QString m_referer;
    QUrl m_stream; // what showLive was given; played while the window is shown
    LivePlayer* m_player = nullptr;
    LiveVideoView* m_video = nullptr;
    QLabel* m_title = nullptr;
    QFormLayout* m_facts = nullptr;
    QChartView* m_chart = nullptr;
    ThumbnailTimeStrip* m_strip = nullptr;
    QDateTime m_from; // the chart's time axis
    QDateTime m_to;
};

} // namespace avld
