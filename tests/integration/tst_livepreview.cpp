// The Lives page's animated previews from real streams: nginx-rtmp + ffmpeg on loopback.

#include "freeport.h"
#include "mockclock.h"
#include "scriptedhttpserver.h"
#include "session/livepreview.h"
#include "streamstack.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

const QString kSite = QStringLiteral("https://site.example/");

QString describe(const QSignalSpy& failed) {
    if (failed.isEmpty())
        return QStringLiteral("no failure either");
    return failed.last().at(1).value<Error>().toString();
}

// The stack's playlist of `key` with every segment made an absolute URL on nginx, to serve from elsewhere.
QByteArray absolutePlaylist(const StreamStack& stack, const QString& key) {
    QFile file(stack.playlistPath(key));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray out;
    const QUrl base = stack.hlsUrl(key);
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (!line.isEmpty() && !line.startsWith('#'))
            out += base.resolved(QUrl(QString::fromUtf8(line))).toEncoded();
        else
            out += line;
        out += '\n';
    }
    return out;
}

PreviewClip clipOf(int n) {
    Bitmap image(8, 8);
    image.fill(QColor::fromHsv(n * 30 % 360, 255, 255).rgb());
    return {{image}, 5};
}

QSize sizeOf(const Bitmap& image) {
    return {image.width(), image.height()};
}

} // namespace

class TestLivePreview : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    ScriptedHttpServer m_server;
    QNetworkAccessManager m_network;

    std::unique_ptr<LivePreviewLoader> newLoader(const Clock& clock = Clock::system()) {
        auto loader = std::make_unique<LivePreviewLoader>(m_network, clock);
        LivePreviewLoader::Options options;
        options.maxFrameSize = QSize(320, 180);
        options.timeoutMs = 12000;
        loader->setOptions(options);
        return loader;
    }

private Q_SLOTS:
    void initTestCase() {
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        for (const StreamSpec& spec : {StreamSpec{.key = QStringLiteral("main")},
                                       StreamSpec{.key = QStringLiteral("other"), .size = QSize(640, 360)}}) {
            if (const Status failed = m_stack.publish(spec, 20000, 2); !failed.ok())
                QFAIL(qPrintable(failed.error().toString()));
        }
        QVERIFY(m_server.listen());
    }

    void recentClipsKeepTheNewestFewForAWhile() {
        MockClock clock;
        RecentClips recent(clock, 8, 30'000);
        const QSize box(320, 180);
        for (int i = 0; i < 9; ++i)
            recent.insert(QStringLiteral("k%1").arg(i), box, clipOf(i));
        QCOMPARE(recent.size(), 8);
        QVERIFY(!recent.find(QStringLiteral("k0"), box)); // the oldest went first
        QVERIFY(recent.find(QStringLiteral("k1"), box));  // a use makes it the newest
        recent.insert(QStringLiteral("k9"), box, clipOf(9));
        QVERIFY(recent.find(QStringLiteral("k1"), box));
        QVERIFY(!recent.find(QStringLiteral("k2"), box));
        QVERIFY(!recent.find(QStringLiteral("k1"), QSize(640, 360))); // another size is another clip
        const auto found = recent.find(QStringLiteral("k9"), box);
        QVERIFY(found);
        QCOMPARE(found->frames.first().pixel(0, 0), clipOf(9).frames.first().pixel(0, 0));

        clock.advanceMs(29'000);
        QVERIFY(recent.find(QStringLiteral("k9"), box));
        clock.advanceMs(1'000); // 30 s after it was grabbed: a use does not make it younger
        QVERIFY(!recent.find(QStringLiteral("k9"), box));
        QCOMPARE(recent.size(), 0);
    }

    void aRealClipArrivesScaledAndMoving() {
        auto loader = newLoader();
        QSignalSpy ready(loader.get(), &LivePreviewLoader::clipReady);
        QSignalSpy failed(loader.get(), &LivePreviewLoader::clipFailed);
        QElapsedTimer timer;
        timer.start();
        loader->request(QStringLiteral("main"), m_stack.hlsUrl(QStringLiteral("main")), kSite);
        QVERIFY(loader->isLoading());
        QCOMPARE(ready.size(), 0); // never inside request()
        QVERIFY2(ready.wait(15000), qPrintable(describe(failed)));
        qInfo("clip in %lld ms", timer.elapsed());
        QCOMPARE(ready.size(), 1);
        QCOMPARE(failed.size(), 0);
        QVERIFY(!loader->isLoading());
        QCOMPARE(ready[0][0].toString(), QStringLiteral("main"));
        const auto frames = ready[0][1].value<QList<Bitmap>>();
        QCOMPARE(ready[0][2].toInt(), 5);
        QVERIFY2(frames.size() >= 9 && frames.size() <= 11, qPrintable(QString::number(frames.size())));
        for (const Bitmap& frame : frames)
            QCOMPARE(sizeOf(frame), QSize(320, 180));
        for (qsizetype i = 1; i < frames.size(); ++i)
            QVERIFY2(frames[i] != frames[i - 1],
                     qPrintable(QStringLiteral("frames %1 and %2 are the same").arg(i - 1).arg(i)));
        QCOMPARE(loader->grabCount(), 1);
    }

    void askingForTheSameLiveAgainComesFromTheRecentClips() {
        auto loader = newLoader();
        QSignalSpy ready(loader.get(), &LivePreviewLoader::clipReady);
        QSignalSpy failed(loader.get(), &LivePreviewLoader::clipFailed);
        loader->request(QStringLiteral("main"), m_stack.hlsUrl(QStringLiteral("main")), kSite);
        QVERIFY2(ready.wait(15000), qPrintable(describe(failed)));
        const auto first = ready[0][1].value<QList<Bitmap>>();

        QElapsedTimer timer;
        timer.start();
        loader->request(QStringLiteral("main"), m_stack.hlsUrl(QStringLiteral("main")), kSite);
        QCOMPARE(ready.size(), 1); // after returning, like a grab
        QVERIFY(ready.wait(1000));
        QVERIFY2(timer.elapsed() < 200, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(loader->grabCount(), 1);
        const auto second = ready[1][1].value<QList<Bitmap>>();
        QCOMPARE(second.size(), first.size());
        QVERIFY(second.first().sharesPixelsWith(first.first())); // the very same frames

        // Another frame size is another clip: grabbed again.
        loader->setMaxFrameSize(QSize(160, 90));
        loader->request(QStringLiteral("main"), m_stack.hlsUrl(QStringLiteral("main")), kSite);
        QVERIFY2(ready.wait(15000), qPrintable(describe(failed)));
        QCOMPARE(loader->grabCount(), 2);
        QCOMPARE(sizeOf(ready[2][1].value<QList<Bitmap>>().first()), QSize(160, 90));
    }

    void recentClipsExpire() {
        MockClock clock;
        auto loader = newLoader(clock);
        QSignalSpy ready(loader.get(), &LivePreviewLoader::clipReady);
        QSignalSpy failed(loader.get(), &LivePreviewLoader::clipFailed);
        loader->request(QStringLiteral("other"), m_stack.hlsUrl(QStringLiteral("other")), kSite);
        QVERIFY2(ready.wait(15000), qPrintable(describe(failed)));
        clock.advanceMs(RecentClips::kDefaultMaxAgeMs + 1);
        loader->request(QStringLiteral("other"), m_stack.hlsUrl(QStringLiteral("other")), kSite);
        QVERIFY2(ready.wait(15000), qPrintable(describe(failed)));
        QCOMPARE(loader->grabCount(), 2);
    }

    void aNewRequestCancelsTheOneInFlight() {
        auto loader = newLoader();
        QSignalSpy ready(loader.get(), &LivePreviewLoader::clipReady);
        QSignalSpy failed(loader.get(), &LivePreviewLoader::clipFailed);
        loader->request(QStringLiteral("main"), m_stack.hlsUrl(QStringLiteral("main")), kSite);
        QTest::qWait(30); // the playlist is on its way
        loader->request(QStringLiteral("other"), m_stack.hlsUrl(QStringLiteral("other")), kSite);
        QCOMPARE(loader->loadingKey(), QStringLiteral("other"));
        QVERIFY2(ready.wait(15000), qPrintable(describe(failed)));
        QTest::qWait(3000); // long enough for the first grab to have ended, had it gone on
        QCOMPARE(ready.size(), 1);
        QCOMPARE(ready[0][0].toString(), QStringLiteral("other"));
        QCOMPARE(sizeOf(ready[0][1].value<QList<Bitmap>>().first()), QSize(320, 180));
        QCOMPARE(failed.size(), 0); // the cancelled one says nothing, not even "cancelled"
        QCOMPARE(loader->grabCount(), 2);
    }

    void askingAgainForTheLiveInFlightStartsNothing() {
        auto loader = newLoader();
        QSignalSpy ready(loader.get(), &LivePreviewLoader::clipReady);
        QSignalSpy failed(loader.get(), &LivePreviewLoader::clipFailed);
        loader->request(QStringLiteral("main"), m_stack.hlsUrl(QStringLiteral("main")), kSite);
        loader->request(QStringLiteral("main"), m_stack.hlsUrl(QStringLiteral("main")), kSite);
        QVERIFY2(ready.wait(15000), qPrintable(describe(failed)));
        QTest::qWait(500);
        QCOMPARE(ready.size(), 1);
        QCOMPARE(loader->grabCount(), 1);
    }

    void refusedConnectionIsAClearErrorAtOnce() {
        auto loader = newLoader();
        QSignalSpy ready(loader.get(), &LivePreviewLoader::clipReady);
        QSignalSpy failed(loader.get(), &LivePreviewLoader::clipFailed);
        const quint16 closed = freeLoopbackPort();
        QElapsedTimer timer;
        timer.start();
        loader->request(QStringLiteral("gone"),
                        QUrl(QStringLiteral("http://127.0.0.1:%1/live/gone/index.m3u8").arg(closed)), kSite);
        QVERIFY(failed.wait(5000));
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(failed[0][0].toString(), QStringLiteral("gone"));
        const auto error = failed[0][1].value<Error>();
        QCOMPARE(error.code, QStringLiteral("connect-refused"));
        QVERIFY(!error.message.isEmpty());
        QCOMPARE(ready.size(), 0);
        QVERIFY(!loader->isLoading());
    }

    void silentServerFailsWithinTheTimeout() {
        ScriptedHttpServer::Route route;
        route.behaviour = ScriptedHttpServer::Behaviour::Silent;
        m_server.setRoute(QStringLiteral("/silent/index.m3u8"), route);
        auto loader = newLoader();
        LivePreviewLoader::Options options = loader->options();
        options.timeoutMs = 1500;
        loader->setOptions(options);
        QSignalSpy failed(loader.get(), &LivePreviewLoader::clipFailed);
        QElapsedTimer timer;
        timer.start();
        loader->request(QStringLiteral("silent"), m_server.url(QStringLiteral("/silent/index.m3u8")), kSite);
        QVERIFY(failed.wait(5000));
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(elapsed >= 1400 && elapsed < 2500, qPrintable(QString::number(elapsed)));
        const auto error = failed[0][1].value<Error>();
        QCOMPARE(error.code, QStringLiteral("timeout"));
        QVERIFY2(error.toString().contains(QStringLiteral("1500 ms")), qPrintable(error.toString()));
    }

    void noStreamAddressIsAnError() {
        auto loader = newLoader();
        QSignalSpy failed(loader.get(), &LivePreviewLoader::clipFailed);
        loader->request(QStringLiteral("nourl"), QUrl(), kSite);
        QCOMPARE(failed.size(), 0);
        QVERIFY(failed.wait(1000));
        QCOMPARE(failed[0][1].value<Error>().code, QStringLiteral("no-stream"));
        QCOMPARE(loader->grabCount(), 0);
    }

    void sendsTheSiteAsReferer() {
        const QString path = QStringLiteral("/protected/index.m3u8");
        const QByteArray playlist = absolutePlaylist(m_stack, QStringLiteral("main"));
        QVERIFY(playlist.contains("http://"));
        m_server.respond(path, 200, "application/vnd.apple.mpegurl", playlist);
        auto loader = newLoader();
        QSignalSpy ready(loader.get(), &LivePreviewLoader::clipReady);
        QSignalSpy failed(loader.get(), &LivePreviewLoader::clipFailed);
        loader->request(QStringLiteral("protected"), m_server.url(path), kSite);
        QVERIFY2(ready.wait(15000), qPrintable(describe(failed)));
        QCOMPARE(m_server.lastHeaders(path).value("referer"), kSite.toUtf8());
    }

    void cancelMeansNoSignal() {
        auto loader = newLoader();
        QSignalSpy ready(loader.get(), &LivePreviewLoader::clipReady);
        QSignalSpy failed(loader.get(), &LivePreviewLoader::clipFailed);
        loader->request(QStringLiteral("main"), m_stack.hlsUrl(QStringLiteral("main")), kSite);
        QTest::qWait(50);
        loader->cancel();
        QVERIFY(!loader->isLoading());
        QTest::qWait(4000);
        QCOMPARE(ready.size(), 0);
        QCOMPARE(failed.size(), 0);

        // An answer from the recent clips, too, is called off by cancel().
        loader->request(QStringLiteral("main"), m_stack.hlsUrl(QStringLiteral("main")), kSite);
        QVERIFY2(ready.wait(15000), qPrintable(describe(failed)));
        loader->request(QStringLiteral("main"), m_stack.hlsUrl(QStringLiteral("main")), kSite);
        loader->cancel();
        QTest::qWait(300);
        QCOMPARE(ready.size(), 1);
        QCOMPARE(loader->grabCount(), 2);

        // And a failure that is already decided.
        loader->request(QStringLiteral("nourl"), QUrl(), kSite);
        loader->cancel();
        QTest::qWait(300);
        QCOMPARE(failed.size(), 0);
    }

    void destroyingTheLoaderMidGrabIsSafe() {
        auto loader = newLoader();
        loader->request(QStringLiteral("main"), m_stack.hlsUrl(QStringLiteral("main")), kSite);
        QTest::qWait(100);
        loader.reset();
        QTest::qWait(2000); // a worker still decoding must not call into the dead loader
    }
};

QTEST_GUILESS_MAIN(TestLivePreview)
#include "tst_livepreview.moc"
