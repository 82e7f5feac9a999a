#include "bitmapqt/qimagebridge.h"
#include "colourquadrants.h"
#include "livedetailwindow.h"
#include "livevideoview.h"
#include "requirefixture.h"
#include "screenshots.h"
#include "thumbnailtimestrip.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QPainter>
#include <QScreen>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

using namespace avld;

namespace {

QImage picture(int shift) {
    QImage image(640, 360, QImage::Format_RGB32);
    image.fill(QColor(30 + shift * 20, 80, 140));
    QPainter painter(&image);
    painter.setBrush(Qt::yellow);
    painter.drawEllipse(QPoint(100 + shift * 60, 180), 60, 60);
    return image;
}

SiteCheckReport reportAt(const QDateTime& at, int n, ThumbnailClass cls) {
    LiveEntry entry;
    entry.key = QStringLiteral("cam");
    entry.site = SiteLive{};
    entry.site->title = QStringLiteral("City cam");
    entry.hlsUrl = QUrl(QStringLiteral("http://127.0.0.1:9/live/cam/index.m3u8"));
    NginxStream media;
    media.name = entry.key;
    media.bitrateIn = 1'500'000 + n * 100'000;
    entry.media = media;
    entry.mediaKnown = true;
    SiteThumbnail thumbnail;
    thumbnail.cls = cls;
    thumbnail.image = fromQImage(picture(n));
    entry.siteThumbnail = thumbnail;
    GrabResult grab;
    grab.frames.append(GrabbedFrame{fromQImage(picture(n))});
    grab.report.codec = QStringLiteral("h264");
    grab.report.codedSize = QSize(1280, 720);
    grab.report.frameRate = 25;
    grab.report.segmentSeconds = 2;
    grab.report.playlistAgeMs = 900;
    grab.report.frameAgeMs = 2000 + n * 100;
    grab.report.elapsedMs = 40;
    entry.ourGrab = Result<GrabResult>(grab);
    SiteCheckReport report;
    report.startedAt = at;
    report.lives = {entry};
    return report;
}

} // namespace

class TestLiveDetailWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsFactsChartAndStrip() {
        LiveHistory history;
        const QDateTime t0 = QDateTime::currentDateTime().addSecs(-300);
        SiteCheckReport last;
        for (int n = 0; n < 6; ++n) {
            last = reportAt(t0.addSecs(n * 30), n,
                            n < 3 ? ThumbnailClass::OnlineCard : ThumbnailClass::RealFrame);
            history.add(last);
        }
        QCOMPARE(history.samples(QStringLiteral("cam")).size(), 6);

        LiveDetailWindow window;
        window.showLive(last.lives.first(), history.samples(QStringLiteral("cam")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.liveKey(), QStringLiteral("cam"));
        QCOMPARE(window.playing(), QUrl(QStringLiteral("http://127.0.0.1:9/live/cam/index.m3u8")));
        QCOMPARE(window.findChild<QLabel*>(QStringLiteral("fact-codec"))->text(), QStringLiteral("h264"));
        QCOMPARE(window.findChild<QLabel*>(QStringLiteral("fact-resolution"))->text(),
                 QStringLiteral("1280×720"));
        QCOMPARE(window.findChild<QLabel*>(QStringLiteral("fact-bitrate"))->text(),
                 QStringLiteral("2000 kbit/s"));
        QCOMPARE(window.findChild<QLabel*>(QStringLiteral("fact-behindlive"))->text(),
                 QStringLiteral("2.5 s"));
        auto* chart = window.findChild<QChartView*>(QStringLiteral("liveChart"))->chart();
        QCOMPARE(chart->series().size(), 2);
        QCOMPARE(static_cast<QLineSeries*>(chart->series().first())->count(), 6);
        // The pictures sit on the chart's time axis: the oldest at the plot's left, the newest at its right.
        auto* strip = window.findChild<ThumbnailTimeStrip*>(QStringLiteral("thumbnailStrip"));
        QTRY_COMPARE(strip->placed().size(), 6);
        const QRectF plot = chart->mapToScene(chart->plotArea()).boundingRect();
        auto* view = window.findChild<QChartView*>(QStringLiteral("liveChart"));
        const auto toStrip = [&](QPointF scenePoint) {
            return strip->mapFrom(&window, view->mapTo(&window, view->mapFromScene(scenePoint))).x();
        };
        QVERIFY(qAbs(strip->placed().first().second - toStrip(plot.topLeft())) <= 2);
        QVERIFY(qAbs(strip->placed().last().second - toStrip(plot.topRight())) <= 2);
        for (qsizetype i = 1; i < strip->placed().size(); ++i)
            QVERIFY(strip->placed().at(i).second > strip->placed().at(i - 1).second);
        // Bitrate from zero, not from the lowest value seen.
        QCOMPARE(static_cast<QValueAxis*>(chart->axes(Qt::Vertical).first())->min(), 0.0);
        avld::test::saveScreenshot(window, QStringLiteral("live-detail"));

        // A narrow window keeps the newest pictures where they would overlap.
        window.resize(700, 760);
        const QDateTime newest = history.samples(QStringLiteral("cam")).last().at;
        QTRY_VERIFY(strip->placed().size() < 6 && strip->placed().last().first == newest);
        for (qsizetype i = 1; i < strip->placed().size(); ++i) // none overlaps
            QVERIFY(strip->placed().at(i).second - strip->placed().at(i - 1).second >=
                    ThumbnailTimeStrip::kThumbWidth);
        window.resize(1100, 760);

        // A new check updates the facts in place; the stream keeps playing.
        history.add(reportAt(t0.addSecs(200), 7, ThumbnailClass::RealFrame));
        window.showLive(history.samples(QStringLiteral("cam")).isEmpty()
                            ? LiveEntry{}
                            : reportAt(t0.addSecs(200), 7, ThumbnailClass::RealFrame).lives.first(),
                        history.samples(QStringLiteral("cam")));
        QCOMPARE(window.findChild<QLabel*>(QStringLiteral("fact-bitrate"))->text(),
                 QStringLiteral("2200 kbit/s"));
        QTRY_COMPARE(window.findChild<ThumbnailTimeStrip*>(QStringLiteral("thumbnailStrip"))->placed().size(),
                     7);
    }

    void historyIsBoundedAndForgetsEndedLives() {
        LiveHistory history;
        const QDateTime t0 = QDateTime::currentDateTime();
        for (int n = 0; n < LiveHistory::kMaxSamples + 10; ++n)
            history.add(reportAt(t0.addSecs(n), n % 5, ThumbnailClass::RealFrame));
        QCOMPARE(history.samples(QStringLiteral("cam")).size(), LiveHistory::kMaxSamples);
        history.add(SiteCheckReport{});
        QCOMPARE(history.liveCount(), 0);
    }

    void failedGrabSaysWhy() {
        SiteCheckReport report = reportAt(QDateTime::currentDateTime(), 0, ThumbnailClass::OnlineCard);
        report.lives.first().ourGrab =
            Result<GrabResult>(Error{QStringLiteral("http-404"), QStringLiteral("the playlist is gone"), {}});
        LiveDetailWindow window;
        window.showLive(report.lives.first(), {});
        QCOMPARE(window.findChild<QLabel*>(QStringLiteral("fact-codec"))->text(), QStringLiteral("–"));
        QCOMPARE(window.findChild<QLabel*>(QStringLiteral("fact-ourgrab"))->text(),
                 QStringLiteral("the playlist is gone"));
    }

    // The live plays in the colours it was encoded in (BT.709, as OBS publishes HD): Qt Multimedia 6.4 had
    // shown this red as (254,44,0) and this cyan as (0,210,255). Closing the window stops the stream;
    // opening it again plays it again.
    void videoInTrueColours() {
        if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
            AVLD_FIXTURE_MISSING("the ffmpeg program is missing: run scripts/install-deps.sh");
        QTemporaryDir dir;
        test::ColourQuadrants video;
        video.width = 1280;
        video.height = 720;
        const Result<QString> path = video.write(dir.filePath(QStringLiteral("bt709.ts")));
        QVERIFY2(path.ok(), qPrintable(path.ok() ? QString() : path.error().toString()));
        SiteCheckReport report = reportAt(QDateTime::currentDateTime(), 0, ThumbnailClass::RealFrame);
        report.lives.first().hlsUrl = QUrl::fromLocalFile(*path);
        LiveDetailWindow window;
        window.showLive(report.lives.first(), {});
        QVERIFY(window.playing().isEmpty()); // nothing plays for a window nobody sees
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* view = window.findChild<LiveVideoView*>(QStringLiteral("liveVideo"));
        QTRY_VERIFY_WITH_TIMEOUT(!view->frame().isNull(), 10000);
        // Converted at the size it is shown, not at 1280×720.
        QVERIFY(view->frame().image.width() <= view->width() * view->devicePixelRatioF());
        // What is on the screen (offscreen: the window's backing store; under X: the X server's pixels).
        QTest::qWait(200);
        const QPixmap screen = window.screen()->grabWindow(window.winId());
        const qreal ratio = screen.devicePixelRatio();
        const QRect picture(view->mapTo(&window, view->pictureRect().topLeft()) * ratio,
                            view->pictureRect().size() * ratio);
        const QImage shown = screen.toImage().copy(picture);
        QVERIFY(shown.width() > 200);
        const int error = test::ColourQuadrants::worstChannelError(shown);
        qInfo("worst channel error: %d of 255", error);
        QVERIFY2(error <= 10, qPrintable(QStringLiteral("a channel is off by %1 on the screen").arg(error)));
        avld::test::saveScreenshot(window, QStringLiteral("live-detail-video"));

        window.close();
        QVERIFY(window.playing().isEmpty());
        window.show();
        QCOMPARE(window.playing(), QUrl::fromLocalFile(*path));
    }

    // A stream that cannot be played says why on the picture, and is tried again.
    void unplayableStreamSaysWhy() {
        SiteCheckReport report = reportAt(QDateTime::currentDateTime(), 0, ThumbnailClass::RealFrame);
        LiveDetailWindow window;
        window.showLive(report.lives.first(), {}); // http://127.0.0.1:9/…: nothing listens there
        window.show();
        auto* view = window.findChild<LiveVideoView*>(QStringLiteral("liveVideo"));
        QTRY_VERIFY_WITH_TIMEOUT(view->message().contains(QStringLiteral("refused")), 10000);
        QVERIFY2(view->message().contains(QStringLiteral("Trying again")), qPrintable(view->message()));
    }

    // Esc closes the live detail, as it closes a dialog.
    void escapeCloses() {
        SiteCheckReport report = reportAt(QDateTime::currentDateTime(), 0, ThumbnailClass::RealFrame);
        LiveDetailWindow window;
        window.showLive(report.lives.first(), {});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 2000);
    }

    // Our grab's rate first; the media server's (what the publisher announced) when the stream's headers
    // do not say, as HLS's often do not.
    void frameRateFact_data() {
        QTest::addColumn<double>("grabbed");
        QTest::addColumn<double>("announced");
        QTest::addColumn<QString>("text");
        QTest::newRow("grabbed") << 25.0 << 0.0 << QStringLiteral("25 fps");
        QTest::newRow("from the media server") << 0.0 << 25.0 << QStringLiteral("25 fps");
        QTest::newRow("ntsc") << 29.97 << 30.0 << QStringLiteral("29.97 fps");
        QTest::newRow("unknown") << 0.0 << 0.0 << QStringLiteral("–");
    }
    void frameRateFact() {
        QFETCH(double, grabbed);
        QFETCH(double, announced);
        QFETCH(QString, text);
        SiteCheckReport report = reportAt(QDateTime::currentDateTime(), 0, ThumbnailClass::RealFrame);
        LiveEntry& entry = report.lives.first();
        GrabResult grab = entry.ourGrab->value();
        grab.report.frameRate = grabbed;
        entry.ourGrab = Result<GrabResult>(grab);
        entry.media->frameRate = announced;
        LiveDetailWindow window;
        window.showLive(entry, {});
        QCOMPARE(window.findChild<QLabel*>(QStringLiteral("fact-framerate"))->text(), text);
    }

    // The first check of a live: one sample, no bitrate measured yet. The axes still read as scales, not
    // "1 1 1 0 0 0" under "22:06:58 22:06:58 22:06:59".
    void firstSampleWithoutBitrateHasReadableAxes() {
        LiveHistory history;
        SiteCheckReport report = reportAt(QDateTime::currentDateTime(), 0, ThumbnailClass::RealFrame);
        report.lives.first().media->bitrateIn = 0;
        history.add(report);
        LiveDetailWindow window;
        window.showLive(report.lives.first(), history.samples(QStringLiteral("cam")));
        auto* chart = window.findChild<QChartView*>(QStringLiteral("liveChart"))->chart();
        QCOMPARE(static_cast<QLineSeries*>(chart->series().first())->count(), 0); // no point at 0 kbit/s
        auto* kbits = static_cast<QValueAxis*>(chart->axes(Qt::Vertical).first());
        QVERIFY(kbits->max() >= 100);
        auto* time = static_cast<QDateTimeAxis*>(chart->axes(Qt::Horizontal).first());
        QVERIFY(time->min().secsTo(time->max()) >= 60);
    }

    void keyframeIntervalFact_data() {
        QTest::addColumn<qint64>("intervalMs");
        QTest::addColumn<int>("keyframes");
        QTest::addColumn<double>("segmentSeconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("measured") << qint64(2000) << 3 << 6.0 << "2.00 s (3 keyframes in a 6.0 s segment)";
        QTest::newRow("one per segment") << qint64(-1) << 1 << 2.0 << "≥ 2.0 s (one per segment)";
        QTest::newRow("long") << qint64(5000) << 2 << 10.0
                              << "5.00 s (2 keyframes in a 10.0 s segment) — long: thumbnails and playback "
                                 "start slowly; use 2 s";
        QTest::newRow("one per long segment")
            << qint64(-1) << 1 << 6.0
            << "≥ 6.0 s (one per segment) — long: thumbnails and playback start "
               "slowly; use 2 s";
        QTest::newRow("not measured (RTMP)") << qint64(-1) << 0 << 0.0 << "–";
    }
    void keyframeIntervalFact() {
        QFETCH(qint64, intervalMs);
        QFETCH(int, keyframes);
        QFETCH(double, segmentSeconds);
        QFETCH(QString, text);
        SiteCheckReport report = reportAt(QDateTime::currentDateTime(), 0, ThumbnailClass::RealFrame);
        GrabResult grab = report.lives.first().ourGrab->value();
        grab.report.keyframeIntervalMs = intervalMs;
        grab.report.keyframesInSegment = keyframes;
        grab.report.segmentSeconds = segmentSeconds;
        report.lives.first().ourGrab = Result<GrabResult>(grab);
        LiveDetailWindow window;
        window.showLive(report.lives.first(), {});
        QCOMPARE(window.findChild<QLabel*>(QStringLiteral("fact-keyframeinterval"))->text(), text);
    }
};

QTEST_MAIN(TestLiveDetailWindow)
#include "tst_livedetailwindow.moc"
