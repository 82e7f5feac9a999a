#include "bitmapqt/qimagebridge.h"
#include "colourquadrants.h"
#include "freeport.h"
#include "media/liveplayer.h"
#include "requirefixture.h"
#include "streamstack.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace avld;
using namespace avld::test;

class TestLivePlayer : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() {
        if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
            AVLD_FIXTURE_MISSING("the ffmpeg program is missing: run scripts/install-deps.sh");
        QVERIFY(m_dir.isValid());
    }

    // The picture in the colours the stream was encoded in, whatever its matrix and range, tagged or
    // guessed the usual way by height. Qt Multimedia 6.4 showed the BT.709 row with red at (254,44,0).
    void showsTheStreamsOwnColours_data() {
        QTest::addColumn<QString>("matrix");
        QTest::addColumn<bool>("fullRange");
        QTest::addColumn<bool>("tagged");
        QTest::addColumn<QSize>("size");
        QTest::newRow("BT.709 limited, tagged")
            << QStringLiteral("bt709") << false << true << QSize(640, 360);
        QTest::newRow("BT.601 limited, tagged")
            << QStringLiteral("bt601") << false << true << QSize(640, 360);
        QTest::newRow("BT.709 full range, tagged")
            << QStringLiteral("bt709") << true << true << QSize(640, 360);
        QTest::newRow("untagged HD is BT.709")
            << QStringLiteral("bt709") << false << false << QSize(1280, 720);
        QTest::newRow("untagged SD is BT.601")
            << QStringLiteral("bt601") << false << false << QSize(640, 360);
    }
    void showsTheStreamsOwnColours() {
        QFETCH(QString, matrix);
        QFETCH(bool, fullRange);
        QFETCH(bool, tagged);
        QFETCH(QSize, size);
        ColourQuadrants video;
        video.matrix = matrix;
        video.fullRange = fullRange;
        video.tagged = tagged;
        video.width = size.width();
        video.height = size.height();
        const Result<QString> path =
            video.write(m_dir.filePath(QTest::currentDataTag() + QStringLiteral(".ts")));
        QVERIFY2(path.ok(), qPrintable(path.ok() ? QString() : path.error().toString()));

        LivePlayer player;
        QSignalSpy frames(&player, &LivePlayer::frameReady);
        player.play(QUrl::fromLocalFile(*path));
        QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), 10000);
        const QImage image = toQImage(frames.first().first().value<GrabbedFrame>().image);
        QCOMPARE(image.size(), size);
        const int error = ColourQuadrants::worstChannelError(image);
        qInfo("worst channel error: %d of 255", error);
        QVERIFY2(error <= 8, qPrintable(QStringLiteral("a channel is off by %1").arg(error)));
    }

    // Frames are decoded wider than the view only when asked: a 720p live shown small is converted small.
    void scalesDownWhileConverting() {
        ColourQuadrants video;
        video.width = 1280;
        video.height = 720;
        const Result<QString> path = video.write(m_dir.filePath(QStringLiteral("hd.ts")));
        QVERIFY(path.ok());
        LivePlayer player;
        player.setMaxWidth(320);
        QSignalSpy frames(&player, &LivePlayer::frameReady);
        player.play(QUrl::fromLocalFile(*path));
        QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), 10000);
        const Bitmap image = frames.first().first().value<GrabbedFrame>().image;
        QCOMPARE(image.width(), 320);
        QCOMPARE(image.height(), 180);
    }

    // A live over HLS from nginx-rtmp plays on, in stream time: frames arrive in order and no faster than
    // their timestamps say (the player does not race through the segment it starts with).
    void playsALiveAtItsOwnPace() {
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        if (const Status failed =
                m_stack.publish(StreamSpec{.key = QStringLiteral("cam"), .size = QSize(640, 360)}, 20000, 2);
            !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        LivePlayer player;
        QList<qint64> pts;
        QElapsedTimer wall;
        qint64 firstAt = -1;
        qint64 lastAt = -1;
        connect(&player, &LivePlayer::frameReady, this, [&](const GrabbedFrame& frame) {
            if (firstAt < 0)
                firstAt = wall.elapsed();
            lastAt = wall.elapsed();
            pts.append(frame.ptsMs);
        });
        wall.start();
        player.play(m_stack.hlsUrl(QStringLiteral("cam")));
        QTRY_VERIFY_WITH_TIMEOUT(pts.size() >= 75, 40000);
        player.stop();
        for (qsizetype i = 1; i < pts.size(); ++i)
            QVERIFY2(pts.at(i) > pts.at(i - 1),
                     qPrintable(QStringLiteral("frame %1 went back in time").arg(i)));
        const qint64 streamMs = pts.last() - pts.first();
        QVERIFY2(streamMs >= 2500,
                 qPrintable(QStringLiteral("75 frames span %1 ms of stream").arg(streamMs)));
        QVERIFY2(
            lastAt - firstAt >= streamMs - 600,
            qPrintable(QStringLiteral("%1 ms of stream shown in %2 ms").arg(streamMs).arg(lastAt - firstAt)));
        QCOMPARE(player.framesShown(), int(pts.size()));
        m_stack.stop();
    }

    void aRefusedStreamSaysWhyAndTriesAgain() {
        const quint16 port = freeLoopbackPort();
        LivePlayer player;
        QSignalSpy failures(&player, &LivePlayer::failed);
        LivePlayer::Options options;
        options.retryDelayMs = 200;
        player.play(QUrl(QStringLiteral("http://127.0.0.1:%1/live/cam/index.m3u8").arg(port)), options);
        QTRY_VERIFY_WITH_TIMEOUT(failures.size() >= 2, 10000);
        const auto error = failures.first().first().value<Error>();
        QCOMPARE(error.code, QStringLiteral("connect-refused"));
        QVERIFY(error.message.contains(QStringLiteral("127.0.0.1")));
    }

    // A server that accepts and never answers: stopping, or closing the window, does not wait for it, and
    // nothing is reported after the stop.
    void stoppingNeverWaitsForTheNetwork() {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket*> held;
        connect(&silent, &QTcpServer::newConnection, this,
                [&] { held.append(silent.nextPendingConnection()); });
        auto player = std::make_unique<LivePlayer>();
        QSignalSpy failures(player.get(), &LivePlayer::failed);
        player->play(QUrl(QStringLiteral("http://127.0.0.1:%1/live.m3u8").arg(silent.serverPort())));
        QTRY_VERIFY_WITH_TIMEOUT(!held.isEmpty(), 5000);
        QElapsedTimer timer;
        timer.start();
        player->stop();
        QVERIFY2(timer.elapsed() < 50, qPrintable(QStringLiteral("stop took %1 ms").arg(timer.elapsed())));
        QVERIFY(player->source().isEmpty());
        player->play(QUrl(QStringLiteral("http://127.0.0.1:%1/other.m3u8").arg(silent.serverPort())));
        QTRY_VERIFY_WITH_TIMEOUT(held.size() >= 2, 5000);
        timer.restart();
        player.reset(); // destroyed while its worker waits in a read
        QVERIFY2(timer.elapsed() < 50,
                 qPrintable(QStringLiteral("destruction took %1 ms").arg(timer.elapsed())));
        QTest::qWait(300);
        QCOMPARE(failures.size(), 0);
        qDeleteAll(held);
    }
};

QTEST_GUILESS_MAIN(TestLivePlayer)
#include "tst_liveplayer.moc"
