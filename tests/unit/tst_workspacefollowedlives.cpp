#include "clock.h"
#include "memorysecretstore.h"
#include "picturefixtures.h"
#include "session/followedlivesstore.h"
#include "session/sitesession.h"
#include "session/siteworkspace.h"
#include "settings.h"
#include "site/sitecheck.h"
#include "soundfixtures.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

const QString kAlice = QStringLiteral("alice-key");

// A check of Alice, silent and still, at `at`.
SiteCheckReport aliceAt(const QDateTime& at) {
    LiveEntry live = heardLive(kAlice, grabWithSound(silence()));
    live.ourGrab->value().frames.first().image = scene('a');
    live.ourGrab->value().report.pictureStillForMs = 2000;
    SiteCheckReport report;
    report.startedAt = at;
    report.elapsedMs = 0;
    report.lives = {live};
    return report;
}

} // namespace

// The window's side (SiteWorkspace::keepFollowedLivesIn): a workspace opened on a site goes on from what the
// site's file kept, and saves each check to it (off its thread) for the next run or restart.
class TestWorkspaceFollowedLives : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    MemorySecretStore m_secrets;

    std::unique_ptr<Settings> settings() const {
        return std::make_unique<Settings>(
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
    }
    static SiteProfile profile() {
        SiteProfile p;
        p.id = QStringLiteral("followed");
        p.siteUrl = QUrl(QStringLiteral("http://127.0.0.1:9/"));
        return p;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
    }

    void goesOnFromTheFileAndSavesEachCheck() {
        const QString path = m_dir.filePath(QStringLiteral("followed.json"));
        const QDateTime now = Clock::system().now();
        // What the window saw before it was closed, four minutes ago.
        {
            auto s = settings();
            SiteWorkspace before(*s, profile(), m_secrets);
            before.keepFollowedLivesIn(path);
            Q_EMIT before.session().reportReady(aliceAt(now.addSecs(-240)));
            QCOMPARE(before.silence().sound(kAlice).silentForMs(), 2000);
        } // closing waits for the save
        auto s = settings();
        SiteWorkspace reopened(*s, profile(), m_secrets);
        QCOMPARE(reopened.followedLivesPath(), QString());
        reopened.keepFollowedLivesIn(path);
        QCOMPARE(reopened.followedLivesPath(), path);
        QCOMPARE(reopened.silence().sound(kAlice).state, LiveSound::State::Silent);
        QCOMPARE(reopened.pictures().picture(kAlice).state, LivePicture::State::Still);
        Q_EMIT reopened.session().reportReady(aliceAt(now));
        QCOMPARE(reopened.silence().sound(kAlice).silentForMs(), 242'000);
        QCOMPARE(reopened.pictures().picture(kAlice).stillForMs(), 242'000);
        reopened.waitForFollowedLivesSaved();
        const FollowedLivesStore::Loaded kept = FollowedLivesStore(path).load(now);
        QCOMPARE(kept.lives.sounds.value(kAlice).heardAt, now);
        QCOMPARE(kept.lives.sounds.value(kAlice).silentSince, now.addSecs(-242));
    }

    // A workspace that keeps nothing (the demo site, a test) neither reads nor writes a file.
    void keepsNothingUnlessAsked() {
        auto s = settings();
        SiteWorkspace workspace(*s, profile(), m_secrets);
        Q_EMIT workspace.session().reportReady(aliceAt(Clock::system().now()));
        QCOMPARE(workspace.silence().sound(kAlice).silentForMs(), 2000);
        QVERIFY(!QFile::exists(FollowedLivesStore::pathFor(profile())));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceFollowedLives)
#include "tst_workspacefollowedlives.moc"
