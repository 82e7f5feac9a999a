#include "clock.h"
#include "countingclock.h"
#include "media/framedecoder.h"
#include "media/soundlevels.h"
#include "requirefixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace avld;
using avld::test::CountingClock;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Range {
    double low = -kInf;
    double high = kInf;
    bool holds(double value) const { return value >= low && value <= high; }
};

enum class Damage { Truncated, Garbled, NotMedia };

Result<SoundLevels> measure(const QByteArray& segment, const Clock& clock = Clock::system(),
                            const CancelFlag& cancel = makeCancelFlag()) {
    const Deadline deadline(clock, 10000);
    return measureSegmentSound(segment, {&deadline, cancel.get()});
}

QString describe(const Result<SoundLevels>& sound) {
    if (!sound.ok())
        return sound.error().toString();
    const SoundLevels& s = *sound;
    return QStringLiteral("peak %1, RMS %2, M %3, I %4, tail %5 of %6 ms")
        .arg(s.peakDbfs)
        .arg(s.rmsDbfs)
        .arg(s.momentaryMaxLufs)
        .arg(s.integratedLufs)
        .arg(s.silentTailMs)
        .arg(s.measuredMs);
}

} // namespace

Q_DECLARE_METATYPE(Range)
Q_DECLARE_METATYPE(Damage)
Q_DECLARE_METATYPE(avld::SoundLevels)

// The sound of an HLS segment from its bytes, against segments the ffmpeg program makes from known signals:
// 2 s of a small test picture (H.264) and AAC at 48 kHz in MPEG-TS, as a packager writes them.
class TestSoundLevels : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    // `audio`: a lavfi source for the sound; empty for a segment without audio.
    QByteArray makeSegment(const QString& name, const QString& audio) {
        const QString path = m_dir.filePath(name + QStringLiteral(".ts"));
        if (!QFile::exists(path)) {
            QStringList args{QStringLiteral("-hide_banner"),
                             QStringLiteral("-loglevel"),
                             QStringLiteral("error"),
                             QStringLiteral("-f"),
                             QStringLiteral("lavfi"),
                             QStringLiteral("-i"),
                             QStringLiteral("testsrc2=size=160x90:rate=25")};
            if (!audio.isEmpty())
                args << QStringLiteral("-f") << QStringLiteral("lavfi") << QStringLiteral("-i") << audio
                     << QStringLiteral("-c:a") << QStringLiteral("aac") << QStringLiteral("-b:a")
                     << QStringLiteral("128k") << QStringLiteral("-ar") << QStringLiteral("48000");
            args << QStringLiteral("-t") << QStringLiteral("2") << QStringLiteral("-pix_fmt")
                 << QStringLiteral("yuv420p") << QStringLiteral("-c:v") << QStringLiteral("libx264")
                 << QStringLiteral("-g") << QStringLiteral("25") << QStringLiteral("-f")
                 << QStringLiteral("mpegts") << path;
            QProcess ffmpeg;
            ffmpeg.start(QStringLiteral("ffmpeg"), args);
            if (!ffmpeg.waitForFinished(60000) || ffmpeg.exitCode() != 0)
                qWarning() << "ffmpeg failed:" << ffmpeg.readAllStandardError();
        }
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QByteArray sineSegment() {
        return makeSegment(QStringLiteral("lavfi sine"),
                           QStringLiteral("sine=frequency=440:sample_rate=48000"));
    }

private Q_SLOTS:
    void initTestCase() {
        if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
            AVLD_FIXTURE_MISSING("the ffmpeg program is missing: run scripts/install-deps.sh");
        QVERIFY(m_dir.isValid());
    }

    void knownSignals_data() {
        QTest::addColumn<QString>("audio");
        QTest::addColumn<bool>("hasAudio");
        QTest::addColumn<Range>("peak");
        QTest::addColumn<Range>("rms");
        QTest::addColumn<Range>("momentary"); // its maximum, LUFS
        QTest::addColumn<Range>("integrated");
        QTest::addColumn<Range>("tailMs");
        QTest::addColumn<bool>("silent");
        QTest::addColumn<bool>("fullScale");

        // A sine peaks at its amplitude and has an RMS 3 dB below it; the coder rings where a sound starts or
        // stops abruptly, so a peak may come out up to 2 dB above the amplitude. Loudness: EBU R128 is
        // calibrated so that a 997 Hz sine at 0 dBFS in one channel is -3 LUFS; two such channels make 0
        // LUFS. Integrated loudness counts 400 ms blocks overlapping by 300 ms: those across an onset or an
        // end are quieter but not gated out, and bring it below the momentary maximum. At full scale FFmpeg's
        // AAC coder gives the sine back about 0.5 dB quieter (the ffmpeg program's astats reads the same).
        QTest::newRow("full-scale sine")
            << QStringLiteral("aevalsrc=sin(2*PI*997*t):s=48000:c=stereo") << true << Range{-1, 2}
            << Range{-4, -2.5} << Range{-1.5, 0.5} << Range{-1.5, 0.5} << Range{0, 0} << false << true;
        QTest::newRow("-20 dB sine") << QStringLiteral("aevalsrc=0.1*sin(2*PI*997*t):s=48000:c=stereo")
                                     << true << Range{-20.5, -18} << Range{-23.5, -22.5}
                                     << Range{-20.5, -19.5} << Range{-20.5, -19.5} << Range{0, 0} << false
                                     << false;
        // lavfi's sine: mono, with an amplitude of 1/8 (-18.1 dBFS).
        QTest::newRow("lavfi sine") << QStringLiteral("sine=frequency=440:sample_rate=48000") << true
                                    << Range{-18.6, -16} << Range{-21.6, -20.6} << Range{-22.5, -21}
                                    << Range{-22.5, -21} << Range{0, 0} << false << false;
        // Either side of silencedetect's -60 dBFS: quiet is not silent, and below it is silence.
        QTest::newRow("-50 dB sine") << QStringLiteral("aevalsrc=0.00316*sin(2*PI*997*t):s=48000:c=stereo")
                                     << true << Range{-50.5, -48} << Range{-53.5, -52.5}
                                     << Range{-50.5, -49.5} << Range{-50.5, -49.5} << Range{0, 0} << false
                                     << false;
        QTest::newRow("-75 dB sine") << QStringLiteral("aevalsrc=0.000178*sin(2*PI*997*t):s=48000:c=stereo")
                                     << true << Range{-77, -72} << Range{-79, -76} << Range{-77, -73}
                                     << Range{-70, -70} << Range{1950, 2100} << true << false;
        QTest::newRow("digital silence")
            << QStringLiteral("anullsrc=r=48000:cl=stereo") << true << Range{-kInf, -60} << Range{-kInf, -60}
            << Range{-kInf, -70} << Range{-70, -70} << Range{1950, 2100} << true << false;
        // RMS over the whole segment: the sine's for a quarter of it, 6 dB less.
        QTest::newRow("sine that stops after 0.5 s")
            << QStringLiteral("sine=frequency=440:sample_rate=48000:duration=0.5,apad") << true
            << Range{-18.6, -16} << Range{-28, -26.3} << Range{-22.5, -21} << Range{-24.5, -21}
            << Range{1400, 1600} << false << false;
        QTest::newRow("sound that comes back after 1.5 s")
            << QStringLiteral("aevalsrc=if(gte(t\\,1.5)\\,0.1*sin(2*PI*997*t)\\,0):s=48000:c=stereo") << true
            << Range{-20.5, -18} << Range{-30, -28.3} << Range{-20.5, -19.5} << Range{-23, -19.5}
            << Range{0, 0} << false << false;
        // Shorter than SoundLevels::kMinSilenceMs: a pause, not a silence.
        QTest::newRow("pause of 0.3 s at the end")
            << QStringLiteral("aevalsrc=if(lt(t\\,1.7)\\,0.1*sin(2*PI*997*t)\\,0):s=48000:c=stereo") << true
            << Range{-20.5, -18} << Range{-24.5, -23} << Range{-20.5, -19.5} << Range{-21.5, -19.5}
            << Range{0, 0} << false << false;
        // A full-scale square: clipped all the time. Its RMS is its peak; coded, it overshoots full scale.
        QTest::newRow("clipped square")
            << QStringLiteral("aevalsrc=sgn(sin(2*PI*440*t)):s=48000:c=stereo") << true << Range{-1, 6}
            << Range{-1.5, 0.5} << Range{-1, 4} << Range{-1, 4} << Range{0, 0} << false << true;
        QTest::newRow("video only") << QString() << false << Range{} << Range{} << Range{} << Range{}
                                    << Range{0, 0} << false << false;
    }
    void knownSignals() {
        QFETCH(QString, audio);
        QFETCH(bool, hasAudio);
        QFETCH(Range, peak);
        QFETCH(Range, rms);
        QFETCH(Range, momentary);
        QFETCH(Range, integrated);
        QFETCH(Range, tailMs);
        QFETCH(bool, silent);
        QFETCH(bool, fullScale);

        const QByteArray segment = makeSegment(QString::fromLatin1(QTest::currentDataTag()), audio);
        QVERIFY(segment.size() > 10'000);
        const Result<SoundLevels> sound = measure(segment);
        QVERIFY2(sound.ok(), qPrintable(describe(sound)));
        const SoundLevels& s = *sound;
        const QByteArray figures = describe(sound).toUtf8();
        QCOMPARE(s.hasAudio, hasAudio);
        QCOMPARE(s.silent(), silent);
        QCOMPARE(s.reachesFullScale(), fullScale);
        if (!hasAudio) {
            QVERIFY(std::isnan(s.peakDbfs) && std::isnan(s.rmsDbfs) && std::isnan(s.momentaryMaxLufs) &&
                    std::isnan(s.integratedLufs));
            QCOMPARE(s.measuredMs, qint64(0));
            QCOMPARE(s.silentTailMs, qint64(0));
            return;
        }
        // 2 s of AAC: whole frames of 1024 samples, and the coder's delay in front.
        QVERIFY2(s.measuredMs >= 1950 && s.measuredMs <= 2100, figures.constData());
        QVERIFY2(peak.holds(s.peakDbfs), figures.constData());
        QVERIFY2(rms.holds(s.rmsDbfs), figures.constData());
        QVERIFY2(tailMs.holds(double(s.silentTailMs)), figures.constData());
        QVERIFY2(s.silentTailMs <= s.measuredMs, figures.constData());
        QVERIFY2(momentary.holds(s.momentaryMaxLufs), figures.constData());
        QVERIFY2(integrated.holds(s.integratedLufs), figures.constData()); // silence: -70, ebur128's gate
        if (!silent)
            QVERIFY2(s.momentaryMaxLufs >= s.integratedLufs - 0.1, figures.constData());
    }

    // The same figures from the pictures' decode, which keeps the audio packets it demuxes anyway, on both of
    // its ways through a segment; nothing when not asked for or when the input is not in memory.
    void measuredAlongWithThePicture_data() {
        QTest::addColumn<bool>("newestFrame");
        QTest::newRow("newest picture") << true;
        QTest::newRow("first keyframe") << false;
    }
    void measuredAlongWithThePicture() {
        QFETCH(bool, newestFrame);
        const QByteArray segment = sineSegment();
        const Result<SoundLevels> alone = measure(segment);
        QVERIFY2(alone.ok(), qPrintable(describe(alone)));

        const auto decode = [&](const DecoderInput& input, bool measureSound) {
            return FrameDecoder::decode(input, {.newestFrame = newestFrame, .measureSound = measureSound},
                                        Deadline(Clock::system(), 10000), makeCancelFlag());
        };
        const Result<DecodedVideo> video = decode({.data = segment}, true);
        QVERIFY2(video.ok(), video.ok() ? "" : qPrintable(video.error().toString()));
        QCOMPARE(video->frames.size(), 1);
        QVERIFY(video->sound.has_value());
        QVERIFY2(video->sound->ok(), qPrintable(describe(*video->sound)));
        const SoundLevels& s = video->sound->value();
        QCOMPARE(s.measuredMs, alone->measuredMs);
        QCOMPARE(s.peakDbfs, alone->peakDbfs);
        QCOMPARE(s.rmsDbfs, alone->rmsDbfs);
        QCOMPARE(s.momentaryMaxLufs, alone->momentaryMaxLufs);
        QCOMPARE(s.integratedLufs, alone->integratedLufs);
        QCOMPARE(s.silentTailMs, alone->silentTailMs);

        const Result<DecodedVideo> unasked = decode({.data = segment}, false);
        QVERIFY(unasked.ok());
        QVERIFY(!unasked->sound.has_value());
        const QString path = m_dir.filePath(QStringLiteral("lavfi sine.ts"));
        const Result<DecodedVideo> fromUrl = decode({.url = path}, true);
        QVERIFY(fromUrl.ok());
        QVERIFY(!fromUrl->sound.has_value());
    }

    // A damaged segment: the measure of what decoded, or an error that says why; never a crash.
    void damagedSegments_data() {
        QTest::addColumn<Damage>("damage");
        QTest::newRow("truncated half way") << Damage::Truncated;
        QTest::newRow("garbled middle") << Damage::Garbled;
        QTest::newRow("not media at all") << Damage::NotMedia;
    }
    void damagedSegments() {
        QFETCH(Damage, damage);
        QByteArray segment = sineSegment();
        QVERIFY(segment.size() > 10'000);
        QRandomGenerator random(17);
        if (damage == Damage::Truncated) {
            segment.truncate(segment.size() / 2 + 77); // mid TS packet
        } else if (damage == Damage::Garbled) {
            for (qsizetype i = segment.size() * 2 / 5; i < segment.size() * 3 / 5; ++i)
                segment[i] = char(random.bounded(256));
        } else {
            for (char& byte : segment)
                byte = char(random.bounded(256));
        }
        const Result<SoundLevels> sound = measure(segment);
        switch (damage) {
        case Damage::Truncated:
            // Audio and video are interleaved: about the first half of the sound is there.
            QVERIFY2(sound.ok(), qPrintable(describe(sound)));
            QVERIFY2(sound->hasAudio && sound->measuredMs > 500 && sound->measuredMs < 1500,
                     qPrintable(describe(sound)));
            QVERIFY2(Range({-18.6, -16}).holds(sound->peakDbfs), qPrintable(describe(sound)));
            break;
        case Damage::Garbled:
            if (sound.ok())
                QVERIFY2(sound->measuredMs <= 2100, qPrintable(describe(sound)));
            else
                QVERIFY(!sound.error().message.isEmpty());
            break;
        case Damage::NotMedia:
            QVERIFY(!sound.ok());
            QVERIFY2(!sound.error().code.isEmpty() && !sound.error().message.isEmpty(),
                     qPrintable(describe(sound)));
            break;
        }
    }

    void emptySegmentIsAnError() {
        const Result<SoundLevels> sound = measure(QByteArray());
        QVERIFY(!sound.ok());
        QCOMPARE(sound.error().code, QStringLiteral("empty-segment"));
    }

    void cancelledMeasureStopsAtOnce() {
        const QByteArray segment = sineSegment();
        const CancelFlag cancel = makeCancelFlag();
        cancel->store(true);
        QElapsedTimer timer;
        timer.start();
        const Result<SoundLevels> sound = measure(segment, Clock::system(), cancel);
        QVERIFY(timer.elapsed() < 500);
        QVERIFY(!sound.ok());
        QCOMPARE(sound.error().code, QStringLiteral("cancelled"));
        QCOMPARE(sound.error().message, QStringLiteral("the sound measure was cancelled"));
    }

    void deadlineStopsTheMeasure() {
        const QByteArray segment = sineSegment();
        CountingClock unlimited;
        QVERIFY(measure(segment, unlimited).ok());
        // Out of time a few checks before the end, inside the decoding of the audio.
        CountingClock late(unlimited.readings() - 3);
        const Result<SoundLevels> sound = measure(segment, late);
        QVERIFY(!sound.ok());
        QCOMPARE(sound.error().code, QStringLiteral("timeout"));
        QVERIFY(sound.error().message.contains(QStringLiteral("sound")));

        // Along with a picture, the picture stands and the sound says why it is missing.
        CountingClock unlimitedGrab;
        const auto decode = [&](const Clock& clock) {
            return FrameDecoder::decode({.data = segment}, {.newestFrame = true, .measureSound = true},
                                        Deadline(clock, 10000), makeCancelFlag());
        };
        QVERIFY(decode(unlimitedGrab).ok());
        CountingClock lateGrab(unlimitedGrab.readings() - 3);
        const Result<DecodedVideo> video = decode(lateGrab);
        QVERIFY2(video.ok(), video.ok() ? "" : qPrintable(video.error().toString()));
        QCOMPARE(video->frames.size(), 1);
        QVERIFY(video->sound.has_value() && !video->sound->ok());
        QCOMPARE(video->sound->error().code, QStringLiteral("timeout"));
    }

    void summary_data() {
        QTest::addColumn<SoundLevels>("levels");
        QTest::addColumn<QString>("text");
        QTest::newRow("no audio") << SoundLevels{} << QStringLiteral("none (the stream has no audio)");
        QTest::newRow("silent") << SoundLevels{true, -kInf, -kInf, -kInf, -70, 2005, 2005}
                                << QStringLiteral("silent (below -60 dBFS for the whole 2.0 s segment)");
        QTest::newRow("went silent")
            << SoundLevels{true, -3.14, -18.16, -16.44, -17.0, 1200, 2005}
            << QStringLiteral(
                   "peak -3.1 dBFS, RMS -18.2 dBFS, loudness -16.4 LUFS (momentary max), silent for "
                   "the last 1.2 s");
        QTest::newRow("sound to the end")
            << SoundLevels{true, -3.14, -18.16, -16.44, -17.0, 0, 2005}
            << QStringLiteral("peak -3.1 dBFS, RMS -18.2 dBFS, loudness -16.4 LUFS (momentary max)");
        QTest::newRow("at full scale") << SoundLevels{true, 0.4, -2.0, 0.5, 0.2, 0, 2005}
                                       << QStringLiteral("peak 0.4 dBFS (at full scale: may clip), RMS -2.0 "
                                                         "dBFS, loudness 0.5 LUFS (momentary max)");
        QTest::newRow("too short for loudness")
            << SoundLevels{true, -6.0, -9.0, kNaN, -10.0, 0, 300}
            << QStringLiteral(
                   "peak -6.0 dBFS, RMS -9.0 dBFS, loudness not measured (less than 0.4 s of audio)");
    }
    void summary() {
        QFETCH(SoundLevels, levels);
        QFETCH(QString, text);
        QCOMPARE(levels.summary(), text);
    }
};

QTEST_GUILESS_MAIN(TestSoundLevels)
#include "tst_soundlevels.moc"
