#pragma once

#include "session/livehistory.h"

#include <QWidget>

class QChartView;
class QFormLayout;
class QLabel;
class QMediaPlayer;
class QVideoWidget;

namespace avld {
class ThumbnailTimeStrip;
}

namespace avld {

// One live up close: the stream playing, its facts (codec, size, frame rate, bitrate, segments, playlist
// age), a chart of bitrate and frame age over time, and what visitors saw at each check on the same time
// axis. Plays without sound: the window is for looking.
class LiveDetailWindow : public QWidget {
    Q_OBJECT
public:
    explicit LiveDetailWindow(QWidget* parent = nullptr);
    ~LiveDetailWindow() override;

    // `entry` is the live from the newest check; `samples` its history, oldest first.
    void showLive(const LiveEntry& entry, const QList<LiveSample>& samples);
    QString liveKey() const { return m_key; }
    QUrl playing() const;

private:
    void setFact(const QString& name, const QString& value);
    void updateChart(const QList<LiveSample>& samples);
    void updateStrip(const QList<LiveSample>& samples);
    void alignStrip();

    QString m_key;
    QMediaPlayer* m_player = nullptr;
    QVideoWidget* m_video = nullptr;
    QLabel* m_title = nullptr;
    QFormLayout* m_facts = nullptr;
    QChartView* m_chart = nullptr;
    ThumbnailTimeStrip* m_strip = nullptr;
    QDateTime m_from; // the chart's time axis
    QDateTime m_to;
};

} // namespace avld
