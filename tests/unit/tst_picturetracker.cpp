#include "picturefixtures.h"
#include "session/picturetracker.h"
#include "session/silencetracker.h"
#include "site/sitecheck.h"

#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 3, 2), QTime(14, 0), Qt::UTC);

SiteCheckReport reportAt(qint64 seconds, QList<LiveEntry> lives) {
    SiteCheckReport report;
    report.startedAt = kStart.addSecs(seconds);
    report.elapsedMs = 0;
    report.lives = std::move(lives);
    return report;
}

} // namespace

// PictureTracker follows each live's picture across the site's checks (the rows of LivePicture::follow are
// tst_livepicture's): by key, lives gone forgotten, an unreadable site keeping every live, the check's moment
// its end.
class TestPictureTracker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void livesAreFollowedByKeyAndForgottenWhenGone() {
        PictureTracker tracker;
        const QString alice = QStringLiteral("alice-key");
        const QString bob = QStringLiteral("bob-key");
        tracker.add(reportAt(0, {pictureCheckOf(alice, QStringLiteral("a2000")),
                                 pictureCheckOf(bob, QStringLiteral("black"))}));
        tracker.add(reportAt(60, {pictureCheckOf(alice, QStringLiteral("a2000")),
                                  pictureCheckOf(bob, QStringLiteral("black"))}));
        QCOMPARE(tracker.picture(alice).state, LivePicture::State::Still);
        QCOMPARE(tracker.picture(alice).stillForMs(), qint64(62'000));
        QCOMPARE(tracker.picture(bob).state, LivePicture::State::Black);
        QCOMPARE(tracker.picture(bob).blackForMs(), qint64(60'000));
        QCOMPARE(tracker.pictures().size(), 2);

        tracker.add(reportAt(120, {pictureCheckOf(bob, QStringLiteral("black"))}));
        QCOMPARE(tracker.pictures().size(), 1);
        QCOMPARE(tracker.picture(alice).state, LivePicture::State::NotSeen);
        QCOMPARE(tracker.picture(bob).blackForMs(), qint64(120'000));

        tracker.add(reportAt(180, {pictureCheckOf(alice, QStringLiteral("a2000")),
                                   pictureCheckOf(bob, QStringLiteral("b0"))}));
        QCOMPARE(tracker.picture(alice).stillForMs(), qint64(2000)); // back from nothing
        QCOMPARE(tracker.picture(bob).state, LivePicture::State::Moving);
    }

    // A check that could not read the site's lives saw nothing and lost no live: every state is kept, saying
    // why, and the next check goes on from it.
    void anUnreadableSiteKeepsEveryLive() {
        PictureTracker tracker;
        const QString alice = QStringLiteral("alice-key");
        tracker.add(reportAt(0, {pictureCheckOf(alice, QStringLiteral("a2000"))}));
        SiteCheckReport unreadable = reportAt(60, {});
        unreadable.livesError = Error{QStringLiteral("http-503"), QStringLiteral("HTTP 503"), {}};
        tracker.add(unreadable);
        QCOMPARE(tracker.picture(alice).state, LivePicture::State::Still);
        QCOMPARE(tracker.picture(alice).stillForMs(), qint64(2000));
        QVERIFY(tracker.picture(alice).unmeasured.contains(QStringLiteral("could not be read")));
        tracker.add(reportAt(120, {pictureCheckOf(alice, QStringLiteral("a2000"))}));
        QCOMPARE(tracker.picture(alice).stillForMs(), qint64(122'000));
        QVERIFY(tracker.picture(alice).unmeasured.isEmpty());
    }

    // The check's moment is when it ended.
    void timesFollowTheEndOfEachCheck() {
        PictureTracker tracker;
        SiteCheckReport first =
            reportAt(0, {pictureCheckOf(QStringLiteral("alice-key"), QStringLiteral("a2000"))});
        first.elapsedMs = 40'000;
        tracker.add(first);
        tracker.add(reportAt(100, {pictureCheckOf(QStringLiteral("alice-key"), QStringLiteral("a2000"))}));
        QCOMPARE(tracker.picture(QStringLiteral("alice-key")).stillSince, kStart.addSecs(38));
        QCOMPARE(tracker.picture(QStringLiteral("alice-key")).stillForMs(), qint64(62'000));
    }

    // The picture's tracker and the sound's follow the same checks without knowing of each other.
    void theSoundIsFollowedAsBefore() {
        PictureTracker pictures;
        SilenceTracker silence;
        const SiteCheckReport report =
            reportAt(0, {pictureCheckOf(QStringLiteral("alice-key"), QStringLiteral("a2000"))});
        pictures.add(report);
        silence.add(report);
        QCOMPARE(pictures.picture(QStringLiteral("alice-key")).state, LivePicture::State::Still);
        QCOMPARE(silence.sound(QStringLiteral("alice-key")).state, LiveSound::State::NotMeasured);
    }
};

QTEST_GUILESS_MAIN(TestPictureTracker)
#include "tst_picturetracker.moc"
