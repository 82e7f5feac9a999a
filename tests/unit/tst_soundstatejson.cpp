#include "site/livesound.h"
#include "soundfixtures.h"

#include <QJsonDocument>
#include <QTest>

#include <cmath>

using namespace avld;
using namespace avld::test;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 3, 2), QTime(14, 0, 0, 250), Qt::UTC);

// The sound after checks "SECONDS:WHAT" (seconds after kStart, from nothing): WHAT is `sound`, `silent`,
// `tailMS` (sound ending in MS of silence), `noaudio`, `failed` (our grab failed), `rtmp` (measured nothing).
LiveSound after(const QStringList& checks) {
    LiveSound sound;
    for (const QString& check : checks) {
        const QDateTime at = kStart.addSecs(check.section(u':', 0, 0).toLongLong());
        const QString what = check.section(u':', 1);
        if (what == QStringLiteral("sound"))
            sound = LiveSound::follow(sound, heardLive(QStringLiteral("k"), grabWithSound(soundWith())), at);
        else if (what == QStringLiteral("silent"))
            sound = LiveSound::follow(sound, heardLive(QStringLiteral("k"), grabWithSound(silence())), at);
        else if (what.startsWith(QStringLiteral("tail")))
            sound = LiveSound::follow(
                sound, heardLive(QStringLiteral("k"), grabWithSound(soundWith(what.mid(4).toLongLong()))),
                at);
        else if (what == QStringLiteral("noaudio"))
            sound = LiveSound::follow(sound, heardLive(QStringLiteral("k"), grabWithSound(noAudio())), at);
        else if (what == QStringLiteral("failed"))
            sound = LiveSound::follow(
                sound,
                heardLive(
                    QStringLiteral("k"),
                    Result<GrabResult>(Error{QStringLiteral("http-404"), QStringLiteral("HTTP 404"), {}})),
                at);
        else if (what == QStringLiteral("rtmp"))
            sound = LiveSound::follow(
                sound, heardLive(QStringLiteral("k"), grabWithSound(std::nullopt, QStringLiteral("rtmp"))),
                at);
        else
            qFatal("unknown check %s", qPrintable(what));
    }
    return sound;
}

// Equal, or both not a number.
bool sameLevel(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

} // namespace

// LiveSound's saved state (stateJson, fromStateJson): what follow() goes on from in another run comes back
// the same, through JSON text, and a state that is not one is refused with the reason.
class TestSoundStateJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data() {
        QTest::addColumn<QStringList>("checks");
        QTest::newRow("never measured") << QStringList{};
        QTest::newRow("sound") << QStringList{"0:sound"};
        QTest::newRow("a silent tail") << QStringList{"0:tail1500"};
        QTest::newRow("one silent segment") << QStringList{"0:silent"};
        QTest::newRow("silent for minutes") << QStringList{"0:tail700", "60:silent", "300:silent"};
        QTest::newRow("no audio") << QStringList{"0:noaudio"};
        QTest::newRow("silent, then a failed grab") << QStringList{"0:silent", "60:failed"};
        QTest::newRow("measured nothing yet") << QStringList{"0:rtmp"};
    }
    void roundTrip() {
        QFETCH(QStringList, checks);
        const LiveSound sound = after(checks);
        // Through text, as the store writes and reads it.
        const QByteArray text = QJsonDocument(sound.stateJson()).toJson();
        const Result<LiveSound> back = LiveSound::fromStateJson(QJsonDocument::fromJson(text).object());
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(back->state, sound.state);
        QCOMPARE(back->heardAt, sound.heardAt);
        QCOMPARE(back->silentSince, sound.silentSince);
        QCOMPARE(back->unmeasured, sound.unmeasured);
        QCOMPARE(back->levels.has_value(), sound.levels.has_value());
        if (sound.levels) {
            QCOMPARE(back->levels->hasAudio, sound.levels->hasAudio);
            QVERIFY(sameLevel(back->levels->peakDbfs, sound.levels->peakDbfs));
            QVERIFY(sameLevel(back->levels->rmsDbfs, sound.levels->rmsDbfs));
            QVERIFY(sameLevel(back->levels->momentaryMaxLufs, sound.levels->momentaryMaxLufs));
            QVERIFY(sameLevel(back->levels->integratedLufs, sound.levels->integratedLufs));
            QCOMPARE(back->levels->silentTailMs, sound.levels->silentTailMs);
            QCOMPARE(back->levels->measuredMs, sound.levels->measuredMs);
        }
        QCOMPARE(back->shortText(), sound.shortText());
        QCOMPARE(back->evidence(), sound.evidence());
        QCOMPARE(back->toJson(), sound.toJson());
        // And the next check follows from it as from the original.
        const QDateTime next = kStart.addSecs(900);
        const auto silent = heardLive(QStringLiteral("k"), grabWithSound(silence()));
        QCOMPARE(LiveSound::follow(*back, silent, next).silentSince,
                 LiveSound::follow(sound, silent, next).silentSince);
    }

    // Times in UTC with their milliseconds, whatever the zone they were taken in.
    void timesAreUtcWithMilliseconds() {
        const LiveSound sound = LiveSound::follow({}, silence(2000), kStart.toOffsetFromUtc(3600));
        const QJsonObject json = sound.stateJson();
        QCOMPARE(json.value(QStringLiteral("heardAt")).toString(),
                 QStringLiteral("2026-03-02T14:00:00.250Z"));
        QCOMPARE(json.value(QStringLiteral("silentSince")).toString(),
                 QStringLiteral("2026-03-02T13:59:58.250Z"));
        // Digital silence's levels are not numbers JSON has.
        QCOMPARE(json.value(QStringLiteral("levels"))[QStringLiteral("peakDbfs")].toString(),
                 QStringLiteral("-inf"));
    }

    void refusesWhatIsNotAState_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unknown state")
            << QByteArray(R"({"state":"loud"})") << QStringLiteral("unknown state");
        QTest::newRow("no state") << QByteArray(R"({})") << QStringLiteral("unknown state");
        QTest::newRow("not a time") << QByteArray(R"({"state":"not-measured","heardAt":"yesterday"})")
                                    << QStringLiteral("heardAt is not a time");
        QTest::newRow("silent without levels")
            << QByteArray(R"({"state":"silent","heardAt":"2026-03-02T14:00:00.000Z"})")
            << QStringLiteral("without its levels");
        QTest::newRow("a level in words")
            << QByteArray(
                   R"({"state":"sound","heardAt":"2026-03-02T14:00:00.000Z","levels":{"hasAudio":true,)"
                   R"("peakDbfs":"loud","rmsDbfs":-20,"momentaryMaxLufs":-20,"integratedLufs":-20,)"
                   R"("silentTailMs":0,"measuredMs":2000}})")
            << QStringLiteral("peakDbfs is not a level");
        QTest::newRow("no durations")
            << QByteArray(
                   R"({"state":"sound","heardAt":"2026-03-02T14:00:00.000Z","levels":{"hasAudio":true,)"
                   R"("peakDbfs":-3,"rmsDbfs":-20,"momentaryMaxLufs":-20,"integratedLufs":-20}})")
            << QStringLiteral("durations");
    }
    void refusesWhatIsNotAState() {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        const Result<LiveSound> sound = LiveSound::fromStateJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!sound.ok());
        QVERIFY2(sound.error().message.contains(reason), qPrintable(sound.error().message));
    }
};

QTEST_GUILESS_MAIN(TestSoundStateJson)
#include "tst_soundstatejson.moc"
