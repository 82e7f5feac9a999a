#include "bitmapqt/qimagebridge.h"
#include "drawnclock.h"
#include "freeport.h"
#include "generator/streamallowlist.h"
#include "media/framegrabber.h"
#include "media/grabtask.h"
#include "scriptedhttpserver.h"
#include "streamstack.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace avld;
using namespace avld::test;

namespace {

Result<GrabResult> grab(const QUrl& url, int timeoutMs = 8000, std::function<void(GrabOptions&)> tweak = {}) {
    GrabOptions options;
    options.timeoutMs = timeoutMs;
    if (tweak)
        tweak(options);
    return FrameGrabber::grabAndWait(url, options);
}

// Mean brightness spread: a test pattern is colourful, a black or grey failure is not.
int colourSpread(const Bitmap& frame) {
    const QImage image = toQImage(frame);
    int lo = 255, hi = 0;
    for (int y = 0; y < image.height(); y += image.height() / 8)
        for (int x = 0; x < image.width(); x += image.width() / 8) {
            const int g = qGray(image.pixel(x, y));
            lo = qMin(lo, g);
            hi = qMax(hi, g);
        }
    return hi - lo;
}

QSize sizeOf(const Bitmap& image) {
    return {image.width(), image.height()};
}

// A whole segment of the stream: the newest complete one (back 1: the newest file may still be being
// written), or one before it.
QByteArray completeSegment(const StreamStack& stack, const QString& key, int back = 1) {
    QDir dir(QFileInfo(stack.playlistPath(key)).path());
    const QStringList segments = dir.entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Time);
    if (segments.size() < back + 1)
        return {};
    QFile file(dir.filePath(segments.at(back)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray newestSegment(const StreamStack& stack, const QString& key) {
    return completeSegment(stack, key, 1);
}

} // namespace

class TestFrameGrabber : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    ScriptedHttpServer m_server;

    void expectError(const Result<GrabResult>& result, const QStringList& codes) {
        QVERIFY2(!result.ok(), "the grab succeeded but should have failed");
        QVERIFY2(codes.contains(result.error().code),
                 qPrintable(result.error().code + QStringLiteral(": ") + result.error().toString()));
        QVERIFY(!result.error().message.isEmpty());
    }

private Q_SLOTS:
    void initTestCase() {
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        for (const StreamSpec& spec : {StreamSpec{.key = QStringLiteral("main")},
                                       StreamSpec{.key = QStringLiteral("small"), .size = QSize(640, 360)},
                                       StreamSpec{.key = QStringLiteral("vertical"), .size = QSize(360, 640)},
                                       StreamSpec{.key = QStringLiteral("radio"), .video = false},
                                       StreamSpec{.key = QStringLiteral("clocked"),
                                       .size = QSize(640, 360),
                                       .audio = false,
                                       .drawnClock = true}}) {
            if (const Status failed = m_stack.publish(spec, 20000, 2); !failed.ok())
                QFAIL(qPrintable(failed.error().toString()));
        }
        QVERIFY(m_server.listen());
    }

    void hlsStartsAtTheLiveEdge() {
        const auto result = grab(m_stack.hlsUrl(QStringLiteral("main")));
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        const GrabReport& report = result->report;
        QCOMPARE(report.method, QStringLiteral("hls-segment"));
        QCOMPARE(sizeOf(result->frame().image), QSize(1280, 720));
        QCOMPARE(result->frame().displaySize(), QSize(1280, 720));
        QCOMPARE(report.codec, QStringLiteral("h264"));
        QVERIFY(report.hasAudio);
        QVERIFY(result->frame().keyFrame);
        QVERIFY(colourSpread(result->frame().image) > 60);
        // Newest segment only: its duration plus the playlist's age (HTTP dates have 1 s resolution).
        QVERIFY(report.segmentSeconds > 0.5 && report.segmentSeconds < 4.5);
        QVERIFY2(report.frameAgeMs >= 0 && report.frameAgeMs <= report.segmentSeconds * 1000 + 2000,
                 qPrintable(QString::number(report.frameAgeMs)));
        QVERIFY(report.bytesDownloaded > 10'000);
        QVERIFY2(report.bytesDownloaded < 2'000'000, qPrintable(QString::number(report.bytesDownloaded)));
        QVERIFY(report.mediaUrl.path().endsWith(QStringLiteral(".ts")));
    }

    // The newest picture of a segment is about a segment younger than its first keyframe, and the age in the
    // report says so; a segment cut short still gives its last picture that decodes.
    void newestFrameOfTheSegment_data() {
        QTest::addColumn<double>("keep"); // share of the segment served
        QTest::newRow("whole segment") << 1.0;
        QTest::newRow("cut at 60 %") << 0.6;
    }
    void newestFrameOfTheSegment() {
        QFETCH(double, keep);
        QByteArray segment = newestSegment(m_stack, QStringLiteral("main"));
        QVERIFY(segment.size() > 50'000);
        segment.truncate(qsizetype(segment.size() * keep) / 188 * 188);
        const QString base = QStringLiteral("/newest-%1").arg(int(keep * 100));
        m_server.respond(base + QStringLiteral("/index.m3u8"), 200, "application/vnd.apple.mpegurl",
                         "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n0.ts\n");
        m_server.respond(base + QStringLiteral("/0.ts"), 200, "video/mp2t", segment);
        const QUrl url = m_server.url(base + QStringLiteral("/index.m3u8"));
        const auto first = grab(url);
        const auto newest = grab(url, 8000, [](GrabOptions& o) { o.newestFrame = true; });
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().toString()));
        QVERIFY2(newest.ok(), newest.ok() ? "" : qPrintable(newest.error().toString()));
        const qint64 younger = newest->report.framePtsMs - first->report.framePtsMs;
        QVERIFY2(younger >= qint64(2000 * keep) - 700, qPrintable(QString::number(younger)));
        QCOMPARE(first->report.frameAgeMs - newest->report.frameAgeMs, younger);
        QCOMPARE(sizeOf(newest->frame().image), QSize(1280, 720));
        QVERIFY(colourSpread(newest->frame().image) > 60);
        QVERIFY(newest->frame().image != first->frame().image);
    }

    // The newest picture there is over HLS: the media server writes the segment after the newest listed one
    // in place (nginx-rtmp: 8.ts grows while 7.ts is the newest listed), so its bytes so far are read after
    // the listed segment's. Without it (404), the listed segment's newest picture.
    void newestFrameFromTheSegmentBeingWritten_data() {
        QTest::addColumn<bool>("beingWritten");
        QTest::newRow("next segment there") << true;
        QTest::newRow("next segment missing") << false;
    }
    void newestFrameFromTheSegmentBeingWritten() {
        QFETCH(bool, beingWritten);
        const QByteArray listed = completeSegment(m_stack, QStringLiteral("main"), 2);
        QByteArray next = completeSegment(m_stack, QStringLiteral("main"), 1);
        QVERIFY(listed.size() > 50'000 && next.size() > 50'000);
        next.truncate(next.size() / 2 / 188 * 188); // half written, as the server would serve it now
        const QString base = QStringLiteral("/writing-%1").arg(beingWritten);
        m_server.respond(base + QStringLiteral("/index.m3u8"), 200, "application/vnd.apple.mpegurl",
                         "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:7\n#EXTINF:2.0,\n7.ts\n");
        m_server.respond(base + QStringLiteral("/7.ts"), 200, "video/mp2t", listed);
        if (beingWritten)
            m_server.respond(base + QStringLiteral("/8.ts"), 200, "video/mp2t", next);
        const QUrl url = m_server.url(base + QStringLiteral("/index.m3u8"));
        const auto listedOnly = grab(url, 8000, [](GrabOptions& o) { o.newestFrame = false; });
        const auto newest = grab(url, 8000, [](GrabOptions& o) { o.newestFrame = true; });
        QVERIFY2(newest.ok(), newest.ok() ? "" : qPrintable(newest.error().toString()));
        QVERIFY2(listedOnly.ok(), listedOnly.ok() ? "" : qPrintable(listedOnly.error().toString()));
        const GrabReport& report = newest->report;
        QCOMPARE(report.fromSegmentBeingWritten, beingWritten);
        const qint64 beyondListedStart = report.framePtsMs - listedOnly->report.framePtsMs;
        if (beingWritten) {
            QVERIFY2(beyondListedStart >= 2000, qPrintable(QString::number(beyondListedStart)));
            QCOMPARE(report.frameAgeMs, qint64(0));
            QCOMPARE(report.keyframesInSegment, 0); // two segments' worth: not one segment's count
            QVERIFY(report.keyframeIntervalMs > 1500 && report.keyframeIntervalMs < 2500);
        } else {
            QVERIFY2(beyondListedStart > 1000 && beyondListedStart < 2000,
                     qPrintable(QString::number(beyondListedStart)));
        }
        QCOMPARE(sizeOf(newest->frame().image), QSize(1280, 720));
        QVERIFY(colourSpread(newest->frame().image) > 60);
    }

    // Over RTMP the first picture played is what libavformat buffered while probing, seconds old; the newest
    // is the one at the live edge. Its age is read from the wall clock the publisher draws into it.
    void rtmpNewestFrameIsAtTheLiveEdge() {
        const auto result = grab(m_stack.rtmpUrl(QStringLiteral("clocked")), 8000,
                                 [](GrabOptions& o) { o.newestFrame = true; });
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 made = DrawnClock::read(toQImage(result->frame().image), now);
        QVERIFY2(made > 0, "the clock drawn into the picture cannot be read");
        qInfo() << "RTMP, live edge: the picture is" << now - made << "ms old, the grab took"
                << result->report.elapsedMs << "ms";
        // Before: 3 s and more (the buffered first picture), then 1 s (keyframes only: the GOP's last
        // keyframe). The live edge is a frame or two behind the publisher; generous for a loaded machine.
        QVERIFY2(now - made < 1000, qPrintable(QString::number(now - made)));
    }

    // Callers that keep small pictures get them decoded small, in the colour conversion; the facts keep the
    // stream's own size. Narrower streams are left alone.
    void maxFrameWidth_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("rtmp");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("720p over HLS") << QStringLiteral("main") << false << QSize(640, 360);
        QTest::newRow("vertical, already narrower") << QStringLiteral("vertical") << false << QSize(360, 640);
        QTest::newRow("720p over RTMP") << QStringLiteral("main") << true << QSize(640, 360);
    }

    void maxFrameWidth() {
        QFETCH(QString, key);
        QFETCH(bool, rtmp);
        QFETCH(QSize, expected);
        const QUrl url = rtmp ? m_stack.rtmpUrl(key) : m_stack.hlsUrl(key);
        const auto result = grab(url, 8000, [](GrabOptions& o) { o.maxFrameWidth = 640; });
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QCOMPARE(sizeOf(result->frame().image), expected);
        QVERIFY(colourSpread(result->frame().image) > 60);
        if (key == QStringLiteral("main"))
            QCOMPARE(result->report.codedSize, QSize(1280, 720));
    }

    void rtmp() {
        const auto result = grab(m_stack.rtmpUrl(QStringLiteral("small")));
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QCOMPARE(result->report.method, QStringLiteral("rtmp"));
        QCOMPARE(sizeOf(result->frame().image), QSize(640, 360));
        QVERIFY(colourSpread(result->frame().image) > 60);
    }

    void verticalVideo() {
        const auto result = grab(m_stack.hlsUrl(QStringLiteral("vertical")));
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QCOMPARE(result->frame().displaySize(), QSize(360, 640));
    }

    void audioOnlyIsAClearError() {
        expectError(grab(m_stack.hlsUrl(QStringLiteral("radio"))), {QStringLiteral("no-video")});
        expectError(grab(m_stack.rtmpUrl(QStringLiteral("radio")), 6000), {QStringLiteral("no-video")});
    }

    void clipForAnimatedThumbnails() {
        const auto result = grab(m_stack.hlsUrl(QStringLiteral("small")), 10000, [](GrabOptions& o) {
            o.clipDurationMs = 3000;
            o.clipFps = 10;
        });
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QCOMPARE(result->frames.size(), 30);
        QCOMPARE(result->fps, 10);
        for (qsizetype i = 1; i < result->frames.size(); ++i) {
            const qint64 step = result->frames[i].ptsMs - result->frames[i - 1].ptsMs;
            QVERIFY2(step >= 0 && step <= 200, qPrintable(QString::number(step)));
        }
        const qint64 span = result->frames.last().ptsMs - result->frames.first().ptsMs;
        QVERIFY2(span >= 2700 && span <= 3000, qPrintable(QString::number(span)));
    }

    void masterPlaylistUsesTheBestVariant() {
        const QByteArray master = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=500000,RESOLUTION=640x360\n" +
                                  m_stack.hlsUrl(QStringLiteral("small")).toEncoded() +
                                  "\n#EXT-X-STREAM-INF:BANDWIDTH=1500000,RESOLUTION=1280x720\n" +
                                  m_stack.hlsUrl(QStringLiteral("main")).toEncoded() + "\n";
        m_server.respond(QStringLiteral("/adaptive/key.m3u8"), 200, "application/vnd.apple.mpegurl", master);
        const auto result = grab(m_server.url(QStringLiteral("/adaptive/key.m3u8")));
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QCOMPARE(sizeOf(result->frame().image), QSize(1280, 720));
    }

    void followsRedirectsAndSendsUserAgentAndReferer() {
        m_server.redirect(QStringLiteral("/plugin/Live/m3u8.php"), m_stack.hlsUrl(QStringLiteral("small")));
        const auto result =
            grab(m_server.url(QStringLiteral("/plugin/Live/m3u8.php")), 8000, [](GrabOptions& o) {
                o.userAgent = QStringLiteral("AVideoStreamer_test");
                o.referer = QStringLiteral("https://site.example/");
            });
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QCOMPARE(sizeOf(result->frame().image), QSize(640, 360));
        const auto headers = m_server.lastHeaders(QStringLiteral("/plugin/Live/m3u8.php"));
        QCOMPARE(headers.value("user-agent"), QByteArray("AVideoStreamer_test"));
        QCOMPARE(headers.value("referer"), QByteArray("https://site.example/"));
    }

    void playlistFailures_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");

        QTest::newRow("html instead of a playlist")
            << 200 << QByteArray("text/html")
            << QByteArray("<!DOCTYPE html><html><body>Sign in</body></html>")
            << QStringLiteral("not-a-playlist");
        QTest::newRow("AVideo refusal text")
            << 200 << QByteArray("audio/x-mpegurl") << QByteArray("uuid decrypt error")
            << QStringLiteral("not-a-playlist");
        QTest::newRow("forbidden") << 403 << QByteArray("text/plain") << QByteArray("Invalid Request")
                                   << QStringLiteral("http-403");
        QTest::newRow("server error")
            << 500 << QByteArray("text/plain") << QByteArray("boom") << QStringLiteral("http-500");
        QTest::newRow("playlist without segments")
            << 200 << QByteArray("application/vnd.apple.mpegurl")
            << QByteArray("#EXTM3U\n#EXT-X-TARGETDURATION:2\n") << QStringLiteral("empty-playlist");
    }

    void playlistFailures() {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        const QString path =
            QStringLiteral("/fail/%1.m3u8")
                .arg(
                    QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
        m_server.respond(path, status, contentType, body);
        expectError(grab(m_server.url(path)), {code});
    }

    void missingStreamIs404() {
        expectError(grab(m_stack.hlsUrl(QStringLiteral("nobody-publishes-this"))),
                    {QStringLiteral("http-404")});
    }

    void deadlineIsKept_data() {
        QTest::addColumn<QString>("kind");
        QTest::newRow("silent http server") << QStringLiteral("silent");
        QTest::newRow("playlist dripped a byte at a time") << QStringLiteral("drip");
        QTest::newRow("silent rtmp server") << QStringLiteral("rtmp");
    }

    void deadlineIsKept() {
        QFETCH(QString, kind);
        QUrl url;
        if (kind == QStringLiteral("rtmp")) {
            url = QUrl(QStringLiteral("rtmp://127.0.0.1:%1/live/x").arg(m_server.port()));
        } else {
            ScriptedHttpServer::Route route;
            route.behaviour = kind == QStringLiteral("silent") ? ScriptedHttpServer::Behaviour::Silent
                                                               : ScriptedHttpServer::Behaviour::Drip;
            route.body = "#EXTM3U\n#EXTINF:2.0,\n0.ts\n";
            m_server.setRoute(QStringLiteral("/slow/") + kind, route);
            url = m_server.url(QStringLiteral("/slow/") + kind);
        }
        QElapsedTimer timer;
        timer.start();
        const auto result = grab(url, 1500);
        const qint64 elapsed = timer.elapsed();
        expectError(result, {QStringLiteral("timeout")});
        // Correctness, not speed: the call must end near its deadline, not after a protocol's own timeouts.
        QVERIFY2(elapsed >= 1400 && elapsed < 2500, qPrintable(QString::number(elapsed)));
    }

    void endlessBodyIsCut() {
        ScriptedHttpServer::Route route;
        route.behaviour = ScriptedHttpServer::Behaviour::Endless;
        m_server.setRoute(QStringLiteral("/endless.m3u8"), route);
        expectError(grab(m_server.url(QStringLiteral("/endless.m3u8")), 5000), {QStringLiteral("too-large")});
    }

    void refusedConnections() {
        const quint16 closed = freeLoopbackPort();
        expectError(grab(QUrl(QStringLiteral("http://127.0.0.1:%1/live/a/index.m3u8").arg(closed))),
                    {QStringLiteral("connect-refused")});
        expectError(grab(QUrl(QStringLiteral("rtmp://127.0.0.1:%1/live/a").arg(closed))),
                    {QStringLiteral("connect-refused")});
    }

    void unsupportedUrls_data() {
        QTest::addColumn<QString>("url");
        QTest::newRow("gopher") << QStringLiteral("gopher://127.0.0.1/1");
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/a.ts");
        QTest::newRow("garbage") << QStringLiteral("not a url at all");
    }

    void unsupportedUrls() {
        QFETCH(QString, url);
        expectError(grab(QUrl(url)), {QStringLiteral("unsupported-url")});
    }

    void corruptSegments_data() {
        QTest::addColumn<QString>("damage");
        QTest::newRow("truncated before the first picture ends") << QStringLiteral("truncate");
        QTest::newRow("random bytes") << QStringLiteral("random");
        QTest::newRow("zeros") << QStringLiteral("zeros");
    }

    void corruptSegments() {
        QFETCH(QString, damage);
        QByteArray segment = newestSegment(m_stack, QStringLiteral("main"));
        QVERIFY(segment.size() > 50'000);
        if (damage == QStringLiteral("truncate")) {
            segment.truncate(188 * 12);
        } else if (damage == QStringLiteral("random")) {
            for (char& c : segment)
                c = char(QRandomGenerator::global()->bounded(256));
        } else {
            segment.fill('\0');
        }
        const QString base = QStringLiteral("/corrupt-") + damage;
        m_server.respond(base + QStringLiteral("/index.m3u8"), 200, "application/vnd.apple.mpegurl",
                         "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n0.ts\n");
        m_server.respond(base + QStringLiteral("/0.ts"), 200, "video/mp2t", segment);
        for (const bool newestFrame : {false, true})
            expectError(grab(m_server.url(base + QStringLiteral("/index.m3u8")), 8000,
                             [newestFrame](GrabOptions& o) { o.newestFrame = newestFrame; }),
                        {QStringLiteral("no-keyframe"), QStringLiteral("decode-error"),
                         QStringLiteral("not-media"), QStringLiteral("no-video"),
                         QStringLiteral("corrupt-video")});
    }

    // Issue 15, item 10: a segment whose video packets were destroyed (its audio intact) was reported as
    // "audio but no video" — as if the live were audio-only.
    void destroyedVideoIsACorruptSegmentNotAudioOnly() {
        QByteArray segment = newestSegment(m_stack, QStringLiteral("main"));
        QVERIFY(segment.size() > 50'000 && segment.size() % 188 == 0);
        // The PID with the most TS packets is the 720p video; its payloads become 0xFF (headers kept).
        QHash<int, int> packetsPerPid;
        for (qsizetype at = 0; at + 188 <= segment.size(); at += 188)
            ++packetsPerPid[((uchar(segment[at + 1]) & 0x1f) << 8) | uchar(segment[at + 2])];
        const int videoPid = std::max_element(packetsPerPid.cbegin(), packetsPerPid.cend()).key();
        for (qsizetype at = 0; at + 188 <= segment.size(); at += 188) {
            if ((((uchar(segment[at + 1]) & 0x1f) << 8) | uchar(segment[at + 2])) == videoPid)
                std::fill(segment.begin() + at + 4, segment.begin() + at + 188, char(0xff));
        }
        m_server.respond(QStringLiteral("/novideo/index.m3u8"), 200, "application/vnd.apple.mpegurl",
                         "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n0.ts\n");
        m_server.respond(QStringLiteral("/novideo/0.ts"), 200, "video/mp2t", segment);
        const auto result = grab(m_server.url(QStringLiteral("/novideo/index.m3u8")));
        expectError(result, {QStringLiteral("corrupt-video")});
        QVERIFY2(result.error().message.contains(QStringLiteral("corrupt segment")),
                 qPrintable(result.error().message));
    }

    // Issue 15, item 10: an empty segment was "no such file: " with no name.
    void emptySegmentIsNamed() {
        m_server.respond(QStringLiteral("/empty/index.m3u8"), 200, "application/vnd.apple.mpegurl",
                         "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n0.ts\n");
        m_server.respond(QStringLiteral("/empty/0.ts"), 200, "video/mp2t", QByteArray());
        const auto result = grab(m_server.url(QStringLiteral("/empty/index.m3u8")));
        expectError(result, {QStringLiteral("empty-segment")});
        QVERIFY2(result.error().message.contains(QStringLiteral("/empty/0.ts")),
                 qPrintable(result.error().message));
    }

    void localFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("segment.ts"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(newestSegment(m_stack, QStringLiteral("small")));
        file.close();
        const auto result = grab(FrameGrabber::urlFromUserInput(path));
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QCOMPARE(result->report.method, QStringLiteral("file"));
        QCOMPARE(sizeOf(result->frame().image), QSize(640, 360));
        expectError(grab(FrameGrabber::urlFromUserInput(dir.filePath(QStringLiteral("missing.ts")))),
                    {QStringLiteral("unsupported-url"), QStringLiteral("not-found")});
    }

    void encryptedHlsGoesThroughTheDemuxer() {
        // AVideo's waiting loop is AES-128 HLS (§3.3); make one with the ffmpeg program and serve it.
        QTemporaryDir dir;
        QFile key(dir.filePath(QStringLiteral("enc.key")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(QByteArray::fromHex("00112233445566778899aabbccddeeff"));
        key.close();
        QFile keyInfo(dir.filePath(QStringLiteral("enc.keyinfo")));
        QVERIFY(keyInfo.open(QIODevice::WriteOnly));
        keyInfo.write(m_server.url(QStringLiteral("/loop/enc.key")).toEncoded() + "\n" +
                      key.fileName().toUtf8() + "\n");
        keyInfo.close();
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"), {QStringLiteral("-hide_banner"),
                                                QStringLiteral("-loglevel"),
                                                QStringLiteral("error"),
                                                QStringLiteral("-f"),
                                                QStringLiteral("lavfi"),
                                                QStringLiteral("-i"),
                                                QStringLiteral("testsrc2=size=426x240:rate=10"),
                                                QStringLiteral("-t"),
                                                QStringLiteral("4"),
                                                QStringLiteral("-pix_fmt"),
                                                QStringLiteral("yuv420p"),
                                                QStringLiteral("-c:v"),
                                                QStringLiteral("libx264"),
                                                QStringLiteral("-g"),
                                                QStringLiteral("20"),
                                                QStringLiteral("-hls_time"),
                                                QStringLiteral("2"),
                                                QStringLiteral("-hls_key_info_file"),
                                                keyInfo.fileName(),
                                                QStringLiteral("-hls_playlist_type"),
                                                QStringLiteral("vod"),
                                                QStringLiteral("-hls_segment_filename"),
                                                dir.filePath(QStringLiteral("seg%d.ts")),
                                                dir.filePath(QStringLiteral("index.m3u8"))});
        QVERIFY(ffmpeg.waitForFinished(30000));
        QCOMPARE(ffmpeg.exitCode(), 0);
        for (const QString& name :
             QDir(dir.path())
                 .entryList({QStringLiteral("*.ts"), QStringLiteral("*.m3u8"), QStringLiteral("*.key")})) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            m_server.respond(QStringLiteral("/loop/") + name, 200, "application/octet-stream", f.readAll());
        }
        const auto result = grab(m_server.url(QStringLiteral("/loop/index.m3u8")));
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QCOMPARE(result->report.method, QStringLiteral("hls-demuxer"));
        QCOMPARE(sizeOf(result->frame().image), QSize(426, 240));
        QVERIFY(colourSpread(result->frame().image) > 60);
        QVERIFY(m_server.requestCount(QStringLiteral("/loop/enc.key")) >= 1);

        // The same through the stand-in's checks (every URL the demuxer opens, the key and the encrypted
        // segments included, passes the allow-list): allowed, it still works.
        const int keysBefore = m_server.requestCount(QStringLiteral("/loop/enc.key"));
        const StreamAllowList rules = StreamAllowList::fromEntries({QStringLiteral("127.0.0.1")}).value();
        const auto checked =
            grab(m_server.url(QStringLiteral("/loop/index.m3u8")), 8000, [&](GrabOptions& o) {
                o.verifyUrl = [rules](const QUrl& url, std::function<void(Status)> verdict) {
                    verdict(rules.checkNow(url, 2000));
                };
                o.verifyUrlNow = [rules](const QUrl& url) { return rules.checkNow(url, 2000); };
            });
        QVERIFY2(checked.ok(), checked.ok() ? "" : qPrintable(checked.error().toString()));
        QCOMPARE(checked->report.method, QStringLiteral("hls-demuxer"));
        QVERIFY(m_server.requestCount(QStringLiteral("/loop/enc.key")) > keysBefore);
    }

    void cancelStopsAtOnce() {
        ScriptedHttpServer::Route route;
        route.behaviour = ScriptedHttpServer::Behaviour::Silent;
        m_server.setRoute(QStringLiteral("/cancel-me.m3u8"), route);
        QNetworkAccessManager network;
        FrameGrabber grabber(network);
        std::optional<Result<GrabResult>> outcome;
        GrabOptions options;
        options.timeoutMs = 10000;
        QElapsedTimer timer;
        timer.start();
        QPointer<GrabTask> task = grabber.grab(m_server.url(QStringLiteral("/cancel-me.m3u8")), options,
                                               [&](Result<GrabResult> r) { outcome = std::move(r); });
        QTest::qWait(200);
        QVERIFY(task);
        task->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 2000);
        QVERIFY(timer.elapsed() < 2000);
        expectError(*outcome, {QStringLiteral("cancelled")});
    }

    void stoppedPublisherIsStaleNotAHang() {
        QVERIFY(m_stack.publish({.key = QStringLiteral("ephemeral"), .size = QSize(320, 180)}).ok());
        QVERIFY(grab(m_stack.hlsUrl(QStringLiteral("ephemeral"))).ok());
        m_stack.stopPublisher(QStringLiteral("ephemeral"));
        // nginx-rtmp keeps serving the last playlist; once it is older than three target durations it is
        // stale.
        QElapsedTimer timer;
        timer.start();
        std::optional<Result<GrabResult>> last;
        while (timer.elapsed() < 20000) {
            last = grab(m_stack.hlsUrl(QStringLiteral("ephemeral")), 3000);
            if (!last->ok())
                break;
            QTest::qWait(1000);
        }
        QVERIFY(last.has_value());
        expectError(*last, {QStringLiteral("stale"), QStringLiteral("http-404")});
    }
};

QTEST_GUILESS_MAIN(TestFrameGrabber)
#include "tst_framegrabber.moc"
