#include "session/silencetracker.h"
#include "site/sitecheck.h"
#include "soundfixtures.h"

#include <QTest>

Q_DECLARE_METATYPE(avld::LiveSound::State)

using namespace avld;
using namespace avld::test;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 3, 2), QTime(14, 0), Qt::UTC);

// One check of a live, as "SECONDS:WHAT" (seconds after kStart): WHAT is `sound`, `silent`, `tailMS` (sound
// ending in MS of silence), `noaudio`, `failed` (our grab failed), `rtmp` (a grab that measures no sound),
// `undecodable` (the segment's audio did not decode).
LiveEntry checkOf(const QString& key, const QString& what) {
    if (what == QStringLiteral("sound"))
        return heardLive(key, grabWithSound(soundWith()));
    if (what == QStringLiteral("silent"))
        return heardLive(key, grabWithSound(silence()));
    if (what.startsWith(QStringLiteral("tail")))
        return heardLive(key, grabWithSound(soundWith(what.mid(4).toLongLong())));
    if (what == QStringLiteral("noaudio"))
        return heardLive(key, grabWithSound(noAudio()));
    if (what == QStringLiteral("failed"))
        return heardLive(
            key, Result<GrabResult>(Error{QStringLiteral("http-404"), QStringLiteral("HTTP 404"), {}}));
    if (what == QStringLiteral("rtmp"))
        return heardLive(key, grabWithSound(std::nullopt, QStringLiteral("rtmp")));
    if (what == QStringLiteral("undecodable"))
        return heardLive(key, grabWithSound(Result<SoundLevels>(
                                  Error{QStringLiteral("audio-decode-error"),
                                        QStringLiteral("the segment's audio could not be decoded"),
                                        {}})));
    qFatal("unknown check %s", qPrintable(what));
}

SiteCheckReport reportAt(qint64 seconds, QList<LiveEntry> lives) {
    SiteCheckReport report;
    report.startedAt = kStart.addSecs(seconds);
    report.elapsedMs = 0;
    report.lives = std::move(lives);
    return report;
}

} // namespace

// SilenceTracker follows each live's sound across the site's checks: since when it has been silent (the
// silent tail of a segment, extended by the checks that follow and hear nothing), sound back ending it, no
// audio as a state of its own, a check that measures nothing keeping the state without extending it.
class TestSilenceTracker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void followsTheChecks_data() {
        QTest::addColumn<QStringList>("checks");
        QTest::addColumn<LiveSound::State>("state");
        QTest::addColumn<qint64>("silentForMs");
        QTest::addColumn<bool>("outlastsSegment");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("measuredLast");
        using S = LiveSound::State;
        QTest::newRow("sound") << QStringList{"0:sound"} << S::Sound << 0LL << false
                               << QStringLiteral("peak -17.7 dBFS, -21.8 LUFS") << true;
        QTest::newRow("one silent segment") << QStringList{"0:silent"} << S::Silent << 2000LL << false
                                            << QStringLiteral("silent 2.0 s") << true;
        QTest::newRow("silent check after check")
            << QStringList{"0:silent", "60:silent", "300:silent"} << S::Silent << 302'000LL << true
            << QStringLiteral("silent 5 min") << true;
        QTest::newRow("from a segment's silent tail")
            << QStringList{"0:tail1500", "30:silent"} << S::Silent << 31'500LL << true
            << QStringLiteral("silent 31 s") << true;
        QTest::newRow("a pause is sound")
            << QStringList{"0:tail1000"} << S::Sound << 1000LL << false
            << QStringLiteral("peak -17.7 dBFS, -21.8 LUFS, silent last 1.0 s") << true;
        QTest::newRow("sound back ends it")
            << QStringList{"0:silent", "60:silent", "90:sound"} << S::Sound << 0LL << false
            << QStringLiteral("peak -17.7 dBFS, -21.8 LUFS") << true;
        QTest::newRow("silent again starts again")
            << QStringList{"0:silent", "60:silent", "90:sound", "120:silent"} << S::Silent << 2000LL << false
            << QStringLiteral("silent 2.0 s") << true;
        QTest::newRow("no audio is not silence")
            << QStringList{"0:silent", "30:silent", "60:noaudio"} << S::NoAudio << 0LL << false
            << QStringLiteral("no audio") << true;
        QTest::newRow("silent after no audio") << QStringList{"0:noaudio", "30:silent"} << S::Silent << 2000LL
                                               << false << QStringLiteral("silent 2.0 s") << true;
        QTest::newRow("a failed grab keeps it, without extending it")
            << QStringList{"0:silent", "60:silent", "120:failed"} << S::Silent << 62'000LL << true
            << QStringLiteral("silent 1 min") << false;
        QTest::newRow("the next silent check spans the failed one")
            << QStringList{"0:silent", "60:failed", "120:silent"} << S::Silent << 122'000LL << true
            << QStringLiteral("silent 2 min") << true;
        QTest::newRow("undecodable audio keeps it")
            << QStringList{"0:tail800", "30:undecodable"} << S::Sound << 800LL << false
            << QStringLiteral("peak -17.7 dBFS, -21.8 LUFS, silent last 0.8 s") << false;
        QTest::newRow("never measured") << QStringList{"0:rtmp", "30:failed"} << S::NotMeasured << 0LL
                                        << false << QStringLiteral("not measured") << false;
        QTest::newRow("over an hour") << QStringList{"0:silent", "1800:silent", "3900:silent"} << S::Silent
                                      << 3'902'000LL << true << QStringLiteral("silent 1 h 5 min") << true;
        QTest::newRow("a report older than the last one extends nothing")
            << QStringList{"600:silent", "0:silent"} << S::Silent << 2000LL << false
            << QStringLiteral("silent 2.0 s") << true;
    }
    void followsTheChecks() {
        QFETCH(QStringList, checks);
        QFETCH(LiveSound::State, state);
        QFETCH(qint64, silentForMs);
        QFETCH(bool, outlastsSegment);
        QFETCH(QString, text);
        QFETCH(bool, measuredLast);
        SilenceTracker tracker;
        for (const QString& check : checks)
            tracker.add(reportAt(check.section(u':', 0, 0).toLongLong(),
                                 {checkOf(QStringLiteral("alice-key"), check.section(u':', 1))}));
        const LiveSound sound = tracker.sound(QStringLiteral("alice-key"));
        QCOMPARE(sound.state, state);
        QCOMPARE(sound.silentForMs(), silentForMs);
        QCOMPARE(sound.silenceOutlastsSegment(), outlastsSegment);
        QCOMPARE(sound.shortText(), text);
        QVERIFY2(sound.unmeasured.isEmpty() == measuredLast, qPrintable(sound.unmeasured));
        if (state == LiveSound::State::Silent)
            QCOMPARE(sound.silentSince.msecsTo(sound.heardAt), silentForMs);
    }

    // Each live on its own; a live gone from the site is forgotten, and starts again when it comes back.
    void livesAreFollowedByKeyAndForgottenWhenGone() {
        SilenceTracker tracker;
        const QString alice = QStringLiteral("alice-key");
        const QString bob = QStringLiteral("bob-key");
        tracker.add(
            reportAt(0, {checkOf(alice, QStringLiteral("silent")), checkOf(bob, QStringLiteral("sound"))}));
        tracker.add(
            reportAt(60, {checkOf(alice, QStringLiteral("silent")), checkOf(bob, QStringLiteral("silent"))}));
        QCOMPARE(tracker.sound(alice).silentForMs(), qint64(62'000));
        QCOMPARE(tracker.sound(bob).silentForMs(), qint64(2000));
        QCOMPARE(tracker.sounds().size(), 2);

        tracker.add(reportAt(120, {checkOf(bob, QStringLiteral("silent"))}));
        QCOMPARE(tracker.sounds().size(), 1);
        QCOMPARE(tracker.sound(alice).state, LiveSound::State::NotMeasured);
        QCOMPARE(tracker.sound(bob).silentForMs(), qint64(62'000));

        tracker.add(reportAt(
            180, {checkOf(alice, QStringLiteral("silent")), checkOf(bob, QStringLiteral("silent"))}));
        QCOMPARE(tracker.sound(alice).silentForMs(), qint64(2000)); // back from nothing
        QCOMPARE(tracker.sound(bob).silentForMs(), qint64(122'000));
    }

    // A check that could not read the site's lives heard nothing and lost no live: every state is kept,
    // saying why it was not measured, and the next check goes on from it.
    void anUnreadableSiteKeepsEveryLive() {
        SilenceTracker tracker;
        const QString alice = QStringLiteral("alice-key");
        tracker.add(reportAt(0, {checkOf(alice, QStringLiteral("silent"))}));
        SiteCheckReport unreadable = reportAt(60, {});
        unreadable.livesError = Error{QStringLiteral("http-503"), QStringLiteral("HTTP 503"), {}};
        tracker.add(unreadable);
        QCOMPARE(tracker.sound(alice).state, LiveSound::State::Silent);
        QCOMPARE(tracker.sound(alice).silentForMs(), qint64(2000));
        QVERIFY(tracker.sound(alice).unmeasured.contains(QStringLiteral("could not be read")));
        tracker.add(reportAt(120, {checkOf(alice, QStringLiteral("silent"))}));
        QCOMPARE(tracker.sound(alice).silentForMs(), qint64(122'000));
        QVERIFY(tracker.sound(alice).unmeasured.isEmpty());
    }

    // The check's moment is when it ended: a check that took 40 s heard its segments near its end.
    void timesFollowTheEndOfEachCheck() {
        SilenceTracker tracker;
        SiteCheckReport first = reportAt(0, {checkOf(QStringLiteral("alice-key"), QStringLiteral("silent"))});
        first.elapsedMs = 40'000;
        tracker.add(first);
        tracker.add(reportAt(100, {checkOf(QStringLiteral("alice-key"), QStringLiteral("silent"))}));
        QCOMPARE(tracker.sound(QStringLiteral("alice-key")).silentSince, kStart.addSecs(38));
        QCOMPARE(tracker.sound(QStringLiteral("alice-key")).silentForMs(), qint64(62'000));
    }
};

QTEST_GUILESS_MAIN(TestSilenceTracker)
#include "tst_silencetracker.moc"
