#include "site/livesound.h"
#include "soundfixtures.h"

#include <QJsonDocument>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {
const QDateTime kAt = QDateTime(QDate(2026, 3, 2), QTime(14, 5), Qt::UTC);
} // namespace

// A live's sound in words and figures: the few words of a column, the evidence line, the JSON, and what one
// check of a live says when it measured nothing.
class TestLiveSound : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void durationsInWords_data() {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("words");
        QTest::newRow("none") << qint64(0) << QStringLiteral("0.0 s");
        QTest::newRow("negative") << qint64(-5) << QStringLiteral("0.0 s");
        QTest::newRow("a segment") << qint64(2000) << QStringLiteral("2.0 s");
        QTest::newRow("a pause") << qint64(870) << QStringLiteral("0.9 s");
        QTest::newRow("seconds") << qint64(45'400) << QStringLiteral("45 s");
        QTest::newRow("just under a minute") << qint64(59'999) << QStringLiteral("59 s");
        QTest::newRow("a minute") << qint64(60'000) << QStringLiteral("1 min");
        QTest::newRow("minutes") << qint64(302'000) << QStringLiteral("5 min");
        QTest::newRow("an hour") << qint64(3'600'000) << QStringLiteral("1 h");
        QTest::newRow("hours and minutes") << qint64(4'830'000) << QStringLiteral("1 h 20 min");
    }
    void durationsInWords() {
        QFETCH(qint64, ms);
        QFETCH(QString, words);
        QCOMPARE(durationWords(ms), words);
    }

    // One check of a live: the grab's sound, or why there is none — never a silence made up from nothing.
    void oneCheckSaysWhyNothingWasMeasured_data() {
        QTest::addColumn<int>("grab"); // 0 none, 1 failed, 2 RTMP, 3 undecodable
        QTest::addColumn<QString>("why");
        QTest::newRow("not grabbed") << 0 << QStringLiteral("the stream was not grabbed");
        QTest::newRow("grab failed") << 1 << QStringLiteral("the stream could not be read (HTTP 404)");
        QTest::newRow("RTMP") << 2
                              << QStringLiteral(
                                     "only HLS segments read whole are measured; this grab went via rtmp");
        QTest::newRow("undecodable") << 3 << QStringLiteral("the segment's audio could not be decoded");
    }
    void oneCheckSaysWhyNothingWasMeasured() {
        QFETCH(int, grab);
        QFETCH(QString, why);
        std::optional<Result<GrabResult>> grabbed;
        if (grab == 1)
            grabbed = Result<GrabResult>(Error{QStringLiteral("http-404"), QStringLiteral("HTTP 404"), {}});
        else if (grab == 2)
            grabbed = grabWithSound(std::nullopt, QStringLiteral("rtmp"));
        else if (grab == 3)
            grabbed = grabWithSound(
                Result<SoundLevels>(Error{QStringLiteral("audio-decode-error"),
                                          QStringLiteral("the segment's audio could not be decoded"),
                                          {}}));
        const LiveSound sound = LiveSound::of(heardLive(QStringLiteral("alice-key"), grabbed), kAt);
        QCOMPARE(sound.state, LiveSound::State::NotMeasured);
        QCOMPARE(sound.unmeasured, why);
        QCOMPARE(sound.evidence(), QStringLiteral("not measured: ") + why);
        QVERIFY(!sound.silent());
    }

    void evidenceSaysHowLongAndWhatTheNewestSegmentHeld() {
        LiveSound sound = LiveSound::follow({}, silence(), kAt);
        QCOMPARE(sound.evidence(),
                 QStringLiteral("newest segment: silent (below -60 dBFS for the whole 2.0 s segment)"));
        sound = LiveSound::follow(sound, silence(), kAt.addSecs(300));
        const QString since = kAt.addMSecs(-2000).toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        QCOMPARE(sound.evidence(),
                 QStringLiteral("silent for 5 min (since %1); newest segment: silent (below -60 dBFS for the "
                                "whole 2.0 s segment)")
                     .arg(since));
        sound = LiveSound::unmeasuredAfter(sound, QStringLiteral("HTTP 404"));
        QVERIFY(sound.evidence().endsWith(QStringLiteral("; the newest check measured nothing: HTTP 404")));
        QCOMPARE(LiveSound::follow({}, noAudio(), kAt).evidence(),
                 QStringLiteral("none (the stream has no audio)"));
    }

    // At full scale the sound may distort: said in the column and the JSON, and only of sound.
    void peaksAtFullScaleClip() {
        const LiveSound loud = LiveSound::follow({}, soundWith(0, -0.4), kAt);
        QVERIFY(loud.clips());
        QCOMPARE(loud.shortText(), QStringLiteral("peak -0.4 dBFS, -4.5 LUFS, clips"));
        QVERIFY(loud.toJson().value(QStringLiteral("clips")).toBool());
        QVERIFY(!LiveSound::follow({}, soundWith(0, -1.2), kAt).clips());
        QVERIFY(!LiveSound::follow({}, silence(), kAt).clips());
    }

    // JSON has no infinity: the levels of silence are null, and the document is valid.
    void jsonOfSilenceIsValid() {
        LiveSound sound = LiveSound::follow({}, silence(), kAt);
        sound = LiveSound::follow(sound, silence(), kAt.addSecs(60));
        const QJsonObject json = sound.toJson();
        QCOMPARE(json.value(QStringLiteral("state")).toString(), QStringLiteral("silent"));
        QVERIFY(json.value(QStringLiteral("peakDbfs")).isNull());
        QCOMPARE(json.value(QStringLiteral("integratedLufs")).toDouble(), -70.0);
        QCOMPARE(json.value(QStringLiteral("silentForMs")).toInteger(), qint64(62'000));
        QCOMPARE(json.value(QStringLiteral("text")).toString(), QStringLiteral("silent 1 min"));
        const QJsonDocument back = QJsonDocument::fromJson(QJsonDocument(json).toJson());
        QVERIFY(back.isObject());
        QCOMPARE(back.object(), json);
        const QJsonObject none = LiveSound::follow({}, noAudio(), kAt).toJson();
        QCOMPARE(none.value(QStringLiteral("state")).toString(), QStringLiteral("no-audio"));
        QVERIFY(!none.contains(QStringLiteral("peakDbfs")));
    }
};

QTEST_GUILESS_MAIN(TestLiveSound)
#include "tst_livesound.moc"
