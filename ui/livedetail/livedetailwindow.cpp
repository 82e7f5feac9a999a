#include "livedetailwindow.h"

#include "bitmapqt/qimagebridge.h"
#include "livevideoview.h"
#include "media/liveplayer.h"
#include "palettecolours.h"
#include "thumbnailtimestrip.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QShortcut>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace avld {

namespace {

QString orDash(bool known, const QString& text) {
    return known ? text : QStringLiteral("–");
}

// "2.00 s (3 keyframes in a 6.0 s segment)", "≥ 2.0 s (one per segment)", or "–"; with advice when long.
// Our decoder reads the rate from the stream when its headers carry it (HLS's often do not, as we skip
// probing for speed); the media server reports what the publisher announced.
QString frameRateFact(double grabbed, double announced) {
    const double rate = grabbed > 0 ? grabbed : announced;
    if (rate <= 0)
        return QStringLiteral("–");
    const bool whole = qFuzzyCompare(rate, double(qRound(rate)));
    return QStringLiteral("%1 fps").arg(rate, 0, 'f', whole ? 0 : 2);
}

QString keyframeFact(const GrabReport& report) {
    const double segment = report.segmentSeconds;
    QString text;
    double atLeastMs = 0;
    if (report.keyframeIntervalMs >= 0) {
        atLeastMs = double(report.keyframeIntervalMs);
        text = QStringLiteral("%1 s").arg(atLeastMs / 1000.0, 0, 'f', 2);
        if (report.keyframesInSegment >= 2 && segment > 0)
            text += LiveDetailWindow::tr(" (%1 keyframes in a %2 s segment)")
                        .arg(report.keyframesInSegment)
                        .arg(segment, 0, 'f', 1);
        else if (report.keyframesInSegment >= 2)
            text += LiveDetailWindow::tr(" (%1 keyframes)").arg(report.keyframesInSegment);
    } else if (report.keyframesInSegment == 1) {
        atLeastMs = segment * 1000;
        text = segment > 0 ? LiveDetailWindow::tr("≥ %1 s (one per segment)").arg(segment, 0, 'f', 1)
                           : LiveDetailWindow::tr("≥ the segment length (one per segment)");
    } else {
        return QStringLiteral("–");
    }
    // AVideo's thumbnails and HLS players start at a keyframe: past 4 s both wait visibly.
    if (atLeastMs > 4000)
        text += LiveDetailWindow::tr(" — long: thumbnails and playback start slowly; use 2 s");
    return text;
}

// Silence is drawn at ebur128's absolute gate, a little above the bottom of the loudness axis (where it
// would hide in the time axis).
constexpr double kLoudnessFloorLufs = -70;
constexpr double kLoudnessAxisBottom = -80;

// A few words, so that the facts keep their width: "silent for 5 min (since 14:02:10)", "peak -17.7 dBFS,
// RMS -21.1 dBFS, -21.8 LUFS", "no audio", or "–" when not measured (the Lives tile's tooltip says why).
QString soundFact(const LiveSound& sound) {
    switch (sound.state) {
    case LiveSound::State::NotMeasured:
        return QStringLiteral("–");
    case LiveSound::State::NoAudio:
        return LiveDetailWindow::tr("no audio");
    case LiveSound::State::Silent:
        return LiveDetailWindow::tr("silent for %1 (since %2)")
            .arg(durationWords(sound.silentForMs()),
                 sound.silentSince.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    case LiveSound::State::Sound:
        break;
    }
    const SoundLevels& levels = *sound.levels;
    const auto dbfs = [](double value) { return QString::number(value, 'f', 1); };
    QString text =
        LiveDetailWindow::tr("peak %1 dBFS, RMS %2 dBFS").arg(dbfs(levels.peakDbfs), dbfs(levels.rmsDbfs));
    if (std::isfinite(levels.momentaryMaxLufs))
        text += LiveDetailWindow::tr(", %1 LUFS").arg(dbfs(levels.momentaryMaxLufs));
    if (sound.clips())
        text += LiveDetailWindow::tr(", at full scale");
    return text;
}

// A few words, like the sound's: "the same for 5 min (since 14:02:10)", "black for 2 min (since 14:02:10)",
// "moving", or "–" when no picture was seen (the Lives tile's tooltip says why).
QString pictureFact(const LivePicture& picture) {
    const auto since = [](const QDateTime& at) {
        return at.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    };
    switch (picture.state) {
    case LivePicture::State::NotSeen:
        return QStringLiteral("–");
    case LivePicture::State::Moving:
        return LiveDetailWindow::tr("moving");
    case LivePicture::State::Still:
        return LiveDetailWindow::tr("still: the same picture for %1 (since %2)")
            .arg(durationWords(picture.stillForMs()), since(picture.stillSince));
    case LivePicture::State::Black:
        return picture.blackForMs() > 0
                   ? LiveDetailWindow::tr("black for %1 (since %2)")
                         .arg(durationWords(picture.blackForMs()), since(picture.blackSince))
                   : LiveDetailWindow::tr("black");
    }
    return {};
}

qreal maxOf(const QLineSeries* series) {
    qreal most = 0;
    for (const QPointF& point : series->points())
        most = qMax(most, point.y());
    return most;
}

} // namespace

LiveDetailWindow::LiveDetailWindow(QWidget* parent)
    : QWidget(parent, Qt::Window) {
    setObjectName(QStringLiteral("liveDetail"));
    resize(1100, 760);
    // A window of its own, closed the way dialogs are.
    auto* close = new QShortcut(QKeySequence::Cancel, this);
    close->setContext(Qt::WindowShortcut);
    connect(close, &QShortcut::activated, this, &QWidget::close);
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    layout->addWidget(m_title);

    auto* top = new QHBoxLayout;
    m_video = new LiveVideoView(this);
    m_video->setObjectName(QStringLiteral("liveVideo"));
    m_video->setMinimumSize(480, 270);
    m_player = new LivePlayer(this);
    connect(m_player, &LivePlayer::frameReady, m_video, &LiveVideoView::showFrame);
    connect(m_player, &LivePlayer::failed, m_video, [this](const Error& error) {
        m_video->setMessage(tr("The stream cannot be played: %1. Trying again…").arg(error.toString()));
    });
    top->addWidget(m_video, 3);
    auto* factsBox = new QWidget(this);
    m_facts = new QFormLayout(factsBox);
    factsBox->setObjectName(QStringLiteral("liveFacts"));
    top->addWidget(factsBox, 2);
    layout->addLayout(top, 3);

    m_chart = new QChartView(new QChart, this);
    m_chart->setObjectName(QStringLiteral("liveChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(200);
    layout->addWidget(m_chart, 2);

    m_strip = new ThumbnailTimeStrip(this);
    layout->addWidget(m_strip);
}

LiveDetailWindow::~LiveDetailWindow() = default;

void LiveDetailWindow::play(const QUrl& stream) {
    if (stream.isEmpty()) {
        m_player->stop();
        m_video->clear(tr("The site gives no stream address for this live."));
        return;
    }
    m_video->clear(tr("Connecting to the stream…"));
    LivePlayer::Options options;
    options.referer = m_referer;
    m_player->play(stream, options);
}

void LiveDetailWindow::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // Decoded no wider than shown: a 1080p live is converted straight to the view's size.
    m_player->setMaxWidth(int(m_video->width() * m_video->devicePixelRatioF()));
}

void LiveDetailWindow::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_player->source() != m_stream)
        play(m_stream);
}

// A closed window stops its stream: nothing decodes for a window nobody sees.
void LiveDetailWindow::closeEvent(QCloseEvent* event) {
    m_player->stop();
    QWidget::closeEvent(event);
}

QUrl LiveDetailWindow::playing() const {
    return m_player->source();
}

void LiveDetailWindow::setFact(const QString& name, const QString& value) {
    for (int row = 0; row < m_facts->rowCount(); ++row) {
        auto* label = qobject_cast<QLabel*>(m_facts->itemAt(row, QFormLayout::LabelRole)->widget());
        if (label && label->text() == name) {
            qobject_cast<QLabel*>(m_facts->itemAt(row, QFormLayout::FieldRole)->widget())->setText(value);
            return;
        }
    }
    auto* field = new QLabel(value);
    field->setObjectName(QStringLiteral("fact-") +
                         name.toLower().remove(QLatin1Char(' ')).remove(QLatin1Char(':')));
    field->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->addRow(name, field);
}

void LiveDetailWindow::showLive(const LiveEntry& entry, const QList<LiveSample>& samples,
                                const std::optional<LiveSound>& sound,
                                const std::optional<LivePicture>& picture) {
    const bool sameLive = entry.key == m_key;
    m_key = entry.key;
    setWindowTitle(tr("%1 — live detail").arg(entry.title()));
    m_title->setText(entry.title());
    m_stream = entry.hlsUrl;
    if (isVisible() && (!sameLive || m_player->source() != m_stream))
        play(m_stream);

    const bool grabbed = entry.ourGrab && entry.ourGrab->ok();
    const GrabReport report = grabbed ? entry.ourGrab->value().report : GrabReport{};
    setFact(tr("Stream:"), entry.hlsUrl.toString());
    setFact(tr("Codec:"), orDash(grabbed && !report.codec.isEmpty(), report.codec));
    setFact(tr("Resolution:"),
            orDash(grabbed && report.codedSize.isValid(),
                   QStringLiteral("%1×%2").arg(report.codedSize.width()).arg(report.codedSize.height())));
    setFact(tr("Frame rate:"),
            frameRateFact(grabbed ? report.frameRate : 0, entry.media ? entry.media->frameRate : 0));
    setFact(tr("Bitrate:"),
            orDash(entry.media && entry.media->bitrateIn > 0,
                   entry.media ? QStringLiteral("%1 kbit/s").arg(entry.media->bitrateIn / 1000) : QString()));
    setFact(tr("Keyframe interval:"), grabbed ? keyframeFact(report) : QStringLiteral("–"));
    setFact(tr("Segment:"), orDash(grabbed && report.segmentSeconds > 0,
                                   QStringLiteral("%1 s").arg(report.segmentSeconds, 0, 'f', 2)));
    setFact(tr("Playlist age:"),
            orDash(grabbed && report.playlistAgeMs >= 0,
                   QStringLiteral("%1 s").arg(report.playlistAgeMs / 1000.0, 0, 'f', 1)));
    setFact(tr("Behind live:"), orDash(grabbed && report.frameAgeMs >= 0,
                                       QStringLiteral("%1 s").arg(report.frameAgeMs / 1000.0, 0, 'f', 1)));
    setFact(tr("Our grab:"), grabbed         ? tr("ok, %1 ms").arg(report.elapsedMs)
                             : entry.ourGrab ? entry.ourGrab->error().toString()
                                             : tr("not tried"));
    setFact(tr("Visitors see:"),
            entry.siteThumbnail ? thumbnailClassText(entry.siteThumbnail->cls) : tr("–"));
    setFact(tr("Picture:"),
            pictureFact(picture.value_or(LivePicture::of(entry, QDateTime::currentDateTimeUtc()))));
    setFact(tr("Sound:"), soundFact(sound.value_or(LiveSound::of(entry, QDateTime::currentDateTimeUtc()))));
    updateChart(samples);
    updateStrip(samples);
}

void LiveDetailWindow::updateChart(const QList<LiveSample>& samples) {
    auto* chart = new QChart;
    applyPaletteToChart(chart, palette());
    chart->setTitle(tr("Bitrate, frame age and loudness"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto* bitrate = new QLineSeries(chart);
    bitrate->setName(tr("bitrate (kbit/s)"));
    auto* age = new QLineSeries(chart);
    age->setName(tr("behind live (s)"));
    auto* loudness = new QLineSeries(chart);
    loudness->setName(tr("loudness (LUFS)"));
    bool heard = false;
    for (const LiveSample& sample : samples) {
        const qreal x = qreal(sample.at.toMSecsSinceEpoch());
        // nginx-rtmp reports 0 until it has measured a live's first seconds: not a bitrate, no point.
        if (sample.bitrateBps > 0)
            bitrate->append(x, sample.bitrateBps / 1000.0);
        if (sample.frameAgeMs >= 0)
            age->append(x, sample.frameAgeMs / 1000.0);
        // The loudest 400 ms of the segment; silence at the floor. No audio, or not measured: no point.
        if (sample.sound && sample.sound->hasAudio) {
            const double lufs = sample.sound->momentaryMaxLufs;
            loudness->append(x, std::isfinite(lufs) ? std::clamp(lufs, kLoudnessFloorLufs, 0.0)
                                                    : kLoudnessFloorLufs);
            heard = true;
        }
    }
    chart->addSeries(bitrate);
    chart->addSeries(age);
    if (heard)
        chart->addSeries(loudness);
    else
        delete loudness; // a stream without sound gets no empty axis
    auto* time = new QDateTimeAxis(chart);
    time->setFormat(QStringLiteral("HH:mm:ss"));
    m_from = samples.isEmpty() ? QDateTime() : samples.first().at;
    // At least a minute wide: a shorter axis repeats one HH:mm:ss label under every tick.
    m_to = samples.isEmpty() ? QDateTime() : std::max(samples.last().at, m_from.addSecs(60));
    if (!samples.isEmpty())
        time->setRange(m_from, m_to);
    chart->addAxis(time, Qt::AlignBottom);
    auto* kbits = new QValueAxis(chart);
    kbits->setTitleText(tr("kbit/s"));
    auto* seconds = new QValueAxis(chart);
    seconds->setTitleText(tr("s"));
    for (QAbstractAxis* axis : {static_cast<QAbstractAxis*>(time), static_cast<QAbstractAxis*>(kbits),
                                static_cast<QAbstractAxis*>(seconds)})
        axis->setTruncateLabels(false); // QtCharts would cut a label that touches its neighbour's room
    chart->addAxis(kbits, Qt::AlignLeft);
    chart->addAxis(seconds, Qt::AlignRight);
    bitrate->attachAxis(time);
    bitrate->attachAxis(kbits);
    age->attachAxis(time);
    age->attachAxis(seconds);
    if (heard) {
        auto* lufs = new QValueAxis(chart);
        lufs->setObjectName(QStringLiteral("loudnessAxis"));
        lufs->setTitleText(tr("LUFS"));
        lufs->setTruncateLabels(false);
        chart->addAxis(lufs, Qt::AlignRight);
        loudness->attachAxis(time);
        loudness->attachAxis(lufs);
        lufs->setRange(kLoudnessAxisBottom, 0);
        lufs->setTickCount(5);
        lufs->setLabelFormat(QStringLiteral("%.0f"));
    }
    // Attaching a series rescales its axes to the data: from zero is set after, so a dip looks like one.
    // No bitrate yet: a 0–100 scale, whose whole-number labels do not repeat as 0–1's would.
    kbits->setRange(0, qMax(100.0, maxOf(bitrate) * 1.15));
    seconds->setRange(0, qMax(1.0, maxOf(age) * 1.15));
    kbits->applyNiceNumbers();
    kbits->setLabelFormat(QStringLiteral("%.0f"));
    seconds->applyNiceNumbers();
    QChart* old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
    // Queued: the view centres its scene only after the chart inside has been resized.
    connect(chart, &QChart::plotAreaChanged, this, &LiveDetailWindow::alignStrip, Qt::QueuedConnection);
}

void LiveDetailWindow::updateStrip(const QList<LiveSample>& samples) {
    QList<ThumbnailTimeStrip::Thumbnail> thumbnails;
    for (const LiveSample& sample : samples) {
        if (!sample.thumbnail.isNull())
            thumbnails.append({sample.at, toQImage(sample.thumbnail), thumbnailClassText(sample.siteClass)});
    }
    m_strip->setThumbnails(thumbnails);
    alignStrip();
}

void LiveDetailWindow::alignStrip() {
    // The plot area is in the chart's scene; the strip needs it in its own pixels.
    QChart* chart = m_chart->chart();
    const QRectF plot = chart->mapToScene(chart->plotArea()).boundingRect();
    const QPoint left = m_strip->mapFrom(this, m_chart->mapTo(this, m_chart->mapFromScene(plot.topLeft())));
    const QPoint right = m_strip->mapFrom(this, m_chart->mapTo(this, m_chart->mapFromScene(plot.topRight())));
    m_strip->setAxis(m_from, m_to, left.x(), right.x());
}

} // namespace avld
