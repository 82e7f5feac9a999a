#include "clock.h"
#include "countingclock.h"
#include "media/framedecoder.h"
#include "media/keyframescan.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace avld;
using avld::test::CountingClock;

namespace {

enum class Damage { None, Truncated, Garbled };

} // namespace

Q_DECLARE_METATYPE(Damage)

class TestKeyframeScan : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    // An MPEG-TS segment as a packager writes it: H.264 (keyframe every `gop` frames) plus AAC audio.
    QByteArray makeSegment(int fps, int gop, double seconds) {
        const QString path = m_dir.filePath(QStringLiteral("seg-%1-%2-%3.ts").arg(fps).arg(gop).arg(seconds));
        if (!QFile::exists(path)) {
            QProcess ffmpeg;
            ffmpeg.start(QStringLiteral("ffmpeg"), {QStringLiteral("-hide_banner"),
                                                    QStringLiteral("-loglevel"),
                                                    QStringLiteral("error"),
                                                    QStringLiteral("-f"),
                                                    QStringLiteral("lavfi"),
                                                    QStringLiteral("-i"),
                                                    QStringLiteral("testsrc2=size=320x180:rate=%1").arg(fps),
                                                    QStringLiteral("-f"),
                                                    QStringLiteral("lavfi"),
                                                    QStringLiteral("-i"),
                                                    QStringLiteral("sine"),
                                                    QStringLiteral("-t"),
                                                    QString::number(seconds),
                                                    QStringLiteral("-pix_fmt"),
                                                    QStringLiteral("yuv420p"),
                                                    QStringLiteral("-c:v"),
                                                    QStringLiteral("libx264"),
                                                    QStringLiteral("-g"),
                                                    QString::number(gop),
                                                    QStringLiteral("-c:a"),
                                                    QStringLiteral("aac"),
                                                    QStringLiteral("-f"),
                                                    QStringLiteral("mpegts"),
                                                    path});
            if (!ffmpeg.waitForFinished(60000) || ffmpeg.exitCode() != 0)
                qWarning() << "ffmpeg failed:" << ffmpeg.readAllStandardError();
        }
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static Result<DecodedVideo> decode(const QByteArray& data, const Clock& clock = Clock::system(),
                                       const CancelFlag& cancel = makeCancelFlag()) {
        return FrameDecoder::decode({.data = data}, {}, Deadline(clock, 10000), cancel);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void medianOfGaps_data() {
        QTest::addColumn<QList<qint64>>("pts");
        QTest::addColumn<int>("keyframes");
        QTest::addColumn<qint64>("intervalMs");
        QTest::newRow("none") << QList<qint64>{} << 0 << qint64(-1);
        QTest::newRow("one") << QList<qint64>{1400} << 1 << qint64(-1);
        QTest::newRow("two") << QList<qint64>{1400, 3400} << 2 << qint64(2000);
        QTest::newRow("even gaps") << QList<qint64>{0, 1000, 2000, 3000} << 4 << qint64(1000);
        QTest::newRow("a scene cut between")
            << QList<qint64>{0, 2000, 4000, 4360, 6000, 8000} << 6 << qint64(2000);
        QTest::newRow("even count of gaps") << QList<qint64>{0, 1000, 3000} << 3 << qint64(1500);
        QTest::newRow("untimed packets count, not time")
            << QList<qint64>{-1, 0, -1, 2000} << 4 << qint64(2000);
        QTest::newRow("repeated timestamp") << QList<qint64>{0, 0, 2000, 4000} << 4 << qint64(2000);
        QTest::newRow("33-bit wrap") << QList<qint64>{95443000, 5, 2005} << 3 << qint64(2000);
        QTest::newRow("only untimed") << QList<qint64>{-1, -1} << 2 << qint64(-1);
    }
    void medianOfGaps() {
        QFETCH(QList<qint64>, pts);
        QFETCH(int, keyframes);
        QFETCH(qint64, intervalMs);
        const KeyframeScan scan = scanKeyframes(pts, true);
        QCOMPARE(scan.keyframes, keyframes);
        QCOMPARE(scan.intervalMs, intervalMs);
        QVERIFY(scan.complete);
        QVERIFY(!scanKeyframes(pts, false).complete);
    }

    void realSegments_data() {
        QTest::addColumn<int>("fps");
        QTest::addColumn<int>("gop");
        QTest::addColumn<double>("seconds");
        QTest::addColumn<Damage>("damage");
        QTest::addColumn<int>("minKeyframes");
        QTest::addColumn<int>("maxKeyframes");
        QTest::addColumn<qint64>("intervalMs"); // -1: none
        // One frame either way: the encoder may move a keyframe by a frame.
        QTest::newRow("GOP 1 s in a 6 s segment")
            << 25 << 25 << 6.0 << Damage::None << 6 << 6 << qint64(1000);
        QTest::newRow("GOP 2 s in a 6 s segment")
            << 25 << 50 << 6.0 << Damage::None << 3 << 3 << qint64(2000);
        QTest::newRow("GOP 0.5 s in a 6 s segment")
            << 30 << 15 << 6.0 << Damage::None << 12 << 12 << qint64(500);
        QTest::newRow("GOP 2 s in a 2 s segment (nginx-rtmp)")
            << 25 << 50 << 2.0 << Damage::None << 1 << 1 << qint64(-1);
        QTest::newRow("GOP 10 s in a 6 s segment")
            << 25 << 250 << 6.0 << Damage::None << 1 << 1 << qint64(-1);
        QTest::newRow("truncated half way") << 25 << 25 << 6.0 << Damage::Truncated << 3 << 4 << qint64(1000);
        QTest::newRow("garbled middle") << 25 << 25 << 6.0 << Damage::Garbled << 2 << 6 << qint64(1000);
    }
    void realSegments() {
        QFETCH(int, fps);
        QFETCH(int, gop);
        QFETCH(double, seconds);
        QFETCH(Damage, damage);
        QFETCH(int, minKeyframes);
        QFETCH(int, maxKeyframes);
        QFETCH(qint64, intervalMs);
        QByteArray segment = makeSegment(fps, gop, seconds);
        QVERIFY(segment.size() > 10'000);
        if (damage == Damage::Truncated) {
            segment.truncate(segment.size() / 2 + 77); // mid TS packet
        } else if (damage == Damage::Garbled) {
            QRandomGenerator random(7);
            for (qsizetype i = segment.size() * 2 / 5; i < segment.size() * 3 / 5; ++i)
                segment[i] = char(random.bounded(256));
        }

        const auto video = decode(segment);
        QVERIFY2(video.ok(), video.ok() ? "" : qPrintable(video.error().toString()));
        QCOMPARE(video->frames.size(), 1); // the still is what it was
        QVERIFY(video->frames.first().keyFrame);
        const KeyframeScan& scan = video->keyframes;
        QVERIFY(scan.complete);
        QVERIFY2(scan.keyframes >= minKeyframes && scan.keyframes <= maxKeyframes,
                 qPrintable(QString::number(scan.keyframes)));
        if (intervalMs < 0) {
            QCOMPARE(scan.intervalMs, qint64(-1));
        } else {
            const qint64 frameMs = 1000 / fps + 1;
            QVERIFY2(qAbs(scan.intervalMs - intervalMs) <= frameMs,
                     qPrintable(QStringLiteral("%1 ms").arg(scan.intervalMs)));
        }
        QCOMPARE(video->bytesRead, qint64(segment.size())); // the whole segment was demuxed
    }

    void deadlineStopsTheScan() {
        const QByteArray segment = makeSegment(25, 25, 6.0);
        CountingClock unlimited;
        QVERIFY(decode(segment, unlimited).ok());
        const int readings = unlimited.readings();
        // The deadline runs out a few checks before the end: after the picture, inside the demux-only pass.
        CountingClock late(readings - 3);
        const auto video = decode(segment, late);
        QVERIFY2(video.ok(), video.ok() ? "" : qPrintable(video.error().toString()));
        QCOMPARE(video->frames.size(), 1);
        QVERIFY(!video->keyframes.complete);
        // Out of time before the picture: the grab fails as before, no half result.
        CountingClock early(3);
        const auto none = decode(segment, early);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, QStringLiteral("timeout"));
    }

    void cancelledGrabIsCancelled() {
        const CancelFlag cancel = makeCancelFlag();
        cancel->store(true);
        const auto video = decode(makeSegment(25, 25, 6.0), Clock::system(), cancel);
        QVERIFY(!video.ok());
        QCOMPARE(video.error().code, QStringLiteral("cancelled"));
    }

    void urlInputIsNotMeasured() {
        makeSegment(25, 25, 6.0);
        const QString path = m_dir.filePath(QStringLiteral("seg-25-25-6.ts"));
        const auto video =
            FrameDecoder::decode({.url = path}, {}, Deadline(Clock::system(), 10000), makeCancelFlag());
        QVERIFY2(video.ok(), video.ok() ? "" : qPrintable(video.error().toString()));
        QCOMPARE(video->keyframes.keyframes, 0);
        QCOMPARE(video->keyframes.intervalMs, qint64(-1));
        QVERIFY(!video->keyframes.complete);
    }
};

QTEST_GUILESS_MAIN(TestKeyframeScan)
#include "tst_keyframescan.moc"
