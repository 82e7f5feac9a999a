#include "picturefixtures.h"
#include "session/followedlivesstore.h"
#include "session/picturetracker.h"
#include "session/silencetracker.h"
#include "session/siteworkspace.h"
#include "site/sitecheck.h"
#include "site/siteprofile.h"
#include "soundfixtures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
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

// Alice silent and still, Bob with sound and moving, as the checks at kStart saw them.
FollowedLives twoLives(const QDateTime& at = kStart) {
    FollowedLives lives;
    lives.sounds.insert(QStringLiteral("alice-key"), LiveSound::follow({}, silence(), at));
    lives.sounds.insert(QStringLiteral("bob-key"), LiveSound::follow({}, soundWith(), at));
    lives.pictures.insert(
        QStringLiteral("alice-key"),
        LivePicture::follow({}, pictureCheckOf(QStringLiteral("a"), QStringLiteral("a2000")), at));
    lives.pictures.insert(
        QStringLiteral("bob-key"),
        LivePicture::follow({}, pictureCheckOf(QStringLiteral("b"), QStringLiteral("b0")), at));
    return lives;
}

} // namespace

// FollowedLivesStore keeps each live's followed sound and picture for one site in a JSON file: written and
// read back the same, what is older than kMaxAgeMs dropped, a file that cannot be used a warning and a
// fresh start (never a failure), and trackers seeded from it going on where the last run stopped.
class TestFollowedLivesStore : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString file(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true); // never the real data directory
    }

    void savesAndLoadsTheSame() {
        FollowedLivesStore store(file(QStringLiteral("sub/dir/same.json"))); // directories made
        const FollowedLives saved = twoLives();
        QVERIFY(store.save(saved, kStart).ok());
        const FollowedLivesStore::Loaded loaded = store.load(kStart.addSecs(60));
        QVERIFY(!loaded.problem);
        QCOMPARE(loaded.dropped, 0);
        QCOMPARE(loaded.lives.sounds.keys().size(), 2);
        QCOMPARE(loaded.lives.pictures.keys().size(), 2);
        for (const QString& key : {QStringLiteral("alice-key"), QStringLiteral("bob-key")}) {
            QCOMPARE(loaded.lives.sounds.value(key).stateJson(), saved.sounds.value(key).stateJson());
            QCOMPARE(loaded.lives.pictures.value(key).stateJson(), saved.pictures.value(key).stateJson());
        }
        QCOMPARE(loaded.lives.sounds.value(QStringLiteral("alice-key")).state, LiveSound::State::Silent);
        QCOMPARE(loaded.lives.pictures.value(QStringLiteral("alice-key")).state, LivePicture::State::Still);

        // The file: a version, when, and the lives; nothing else.
        QFile written(store.path());
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(written.readAll()).object();
        QCOMPARE(json.value(QStringLiteral("version")).toInt(), FollowedLivesStore::kVersion);
        QCOMPARE(json.value(QStringLiteral("savedAt")).toString(),
                 QStringLiteral("2026-03-02T14:00:00.000Z"));
        QCOMPARE(json.keys(), (QStringList{"lives", "savedAt", "version"}));
    }

    void noFileIsNothingFollowedYet() {
        FollowedLivesStore store(file(QStringLiteral("none.json")));
        const FollowedLivesStore::Loaded loaded = store.load(kStart);
        QVERIFY(!loaded.problem);
        QVERIFY(loaded.lives.isEmpty());
    }

    // A live last checked longer ago than kMaxAgeMs is followed afresh: a silence must not span a gap the
    // checks did not see.
    void dropsWhatIsStale_data() {
        QTest::addColumn<qint64>("ageMs");
        QTest::addColumn<bool>("kept");
        QTest::newRow("just now") << 0LL << true;
        QTest::newRow("a cron's 5 min") << 5LL * 60'000 << true;
        QTest::newRow("at the limit") << FollowedLivesStore::kMaxAgeMs << true;
        QTest::newRow("a second over") << FollowedLivesStore::kMaxAgeMs + 1000 << false;
        QTest::newRow("a day later") << 24LL * 3600'000 << false;
    }
    void dropsWhatIsStale() {
        QFETCH(qint64, ageMs);
        QFETCH(bool, kept);
        FollowedLivesStore store(file(QStringLiteral("stale.json")));
        QVERIFY(store.save(twoLives(), kStart).ok());
        const FollowedLivesStore::Loaded loaded = store.load(kStart.addMSecs(ageMs));
        QVERIFY(!loaded.problem);
        QCOMPARE(loaded.lives.sounds.size(), kept ? 2 : 0);
        QCOMPARE(loaded.lives.pictures.size(), kept ? 2 : 0);
        QCOMPARE(loaded.dropped, kept ? 0 : 2);
    }

    // Each live by its own newest check: one that went on being checked stays, one that did not goes.
    void dropsEachLiveByItsOwnCheck() {
        FollowedLives lives = twoLives();
        lives.sounds[QStringLiteral("bob-key")] = LiveSound::follow(
            lives.sounds.value(QStringLiteral("bob-key")), soundWith(), kStart.addSecs(1200));
        lives.pictures[QStringLiteral("bob-key")] = LivePicture::follow(
            lives.pictures.value(QStringLiteral("bob-key")),
            pictureCheckOf(QStringLiteral("b"), QStringLiteral("b0")), kStart.addSecs(1200));
        // Carol's sound was never measured (RTMP): nothing to go on from, and not counted as stale.
        lives.sounds.insert(QStringLiteral("carol-key"),
                            LiveSound::unmeasuredAfter({}, QStringLiteral("this grab went via rtmp")));
        const int dropped = FollowedLivesStore::dropStale(lives, kStart.addSecs(1260));
        QCOMPARE(dropped, 1);
        QCOMPARE(lives.sounds.keys(), QStringList{QStringLiteral("bob-key")});
        QCOMPARE(lives.pictures.keys(), QStringList{QStringLiteral("bob-key")});
    }

    // A file that cannot be used: a warning that names it and says why, nothing kept, and the next save
    // replaces it.
    void aCorruptFileIsAWarningAndAFreshStart_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("why");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not JSON");
        QTest::newRow("cut short") << QByteArray("{\"version\":1,\"lives\":{\"alice-key\":{\"sou")
                                   << QStringLiteral("not JSON");
        QTest::newRow("binary") << QByteArray("\x00\xff\x13garbage", 10) << QStringLiteral("not JSON");
        QTest::newRow("an array") << QByteArray("[1,2]") << QStringLiteral("not a JSON object");
        QTest::newRow("another version") << QByteArray(R"({"version":2,"lives":{}})")
                                         << QStringLiteral("version 2, where this build reads version 1");
        QTest::newRow("no version") << QByteArray(R"({"lives":{}})") << QStringLiteral("version -1");
        QTest::newRow("lives not an object")
            << QByteArray(R"({"version":1,"lives":[]})") << QStringLiteral("no \"lives\" object");
        QTest::newRow("a live's state broken")
            << QByteArray(R"({"version":1,"lives":{"alice-key":{"sound":{"state":"silent"}}}})")
            << QStringLiteral("alice-key: a live's saved sound");
    }
    void aCorruptFileIsAWarningAndAFreshStart() {
        QFETCH(QByteArray, content);
        QFETCH(QString, why);
        const QString path = file(QStringLiteral("corrupt.json"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(content);
        out.close();
        FollowedLivesStore store(path);
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("the lives followed before cannot be read from .*"
                                                            "corrupt\\.json \\(.*%1.*\\): following them "
                                                            "afresh")
                                                 .arg(QRegularExpression::escape(why))));
        const FollowedLivesStore::Loaded loaded = store.load(kStart);
        QVERIFY(loaded.problem);
        QVERIFY(loaded.lives.isEmpty());
        QVERIFY(store.save(twoLives(), kStart).ok());
        QCOMPARE(store.load(kStart).lives.sounds.size(), 2);
    }

    void aFileThatCannotBeOpened() {
        const QString path = file(QStringLiteral("a-directory.json"));
        QVERIFY(QDir().mkpath(path)); // exists, but opening it as a file fails
        FollowedLivesStore store(path);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot be read from .*following "
                                                               "them afresh")));
        const FollowedLivesStore::Loaded loaded = store.load(kStart);
        QVERIFY(loaded.problem);
        QVERIFY(loaded.lives.isEmpty());
        const Status saved = store.save(twoLives(), kStart);
        QVERIFY(!saved.ok());
        QVERIFY2(saved.error().message.contains(QStringLiteral("cannot keep the lives followed")),
                 qPrintable(saved.error().message));
    }

    // Saves in the background follow one another: the newest is what is kept.
    void backgroundSavesKeepTheNewest() {
        FollowedLivesStore store(file(QStringLiteral("background.json")));
        for (int i = 0; i < 20; ++i)
            store.saveInBackground(twoLives(kStart.addSecs(i)), kStart.addSecs(i));
        store.waitForSaved();
        const FollowedLivesStore::Loaded loaded = store.load(kStart.addSecs(30));
        QCOMPARE(loaded.lives.sounds.value(QStringLiteral("alice-key")).heardAt, kStart.addSecs(19));
    }

    // Trackers seeded from what was kept go on as if the earlier run's checks had been theirs.
    void seededTrackersGoOn() {
        const QString path = file(QStringLiteral("trackers.json"));
        const auto silentAndStill = [](qint64 seconds) {
            return reportAt(seconds, {heardLive(QStringLiteral("alice-key"), grabWithSound(silence()))});
        };
        const auto stillPicture = [](qint64 seconds) {
            return reportAt(seconds, {pictureCheckOf(QStringLiteral("alice-key"), QStringLiteral("a2000"))});
        };
        {
            SilenceTracker silence;
            PictureTracker pictures;
            silence.add(silentAndStill(0));
            pictures.add(stillPicture(0));
            QVERIFY(FollowedLivesStore(path).save({silence.sounds(), pictures.pictures()}, kStart).ok());
        }
        // The next run, five minutes later.
        const FollowedLivesStore::Loaded kept = FollowedLivesStore(path).load(kStart.addSecs(300));
        SilenceTracker silence;
        PictureTracker pictures;
        silence.seed(kept.lives.sounds);
        pictures.seed(kept.lives.pictures);
        silence.add(silentAndStill(300));
        pictures.add(stillPicture(300));
        QCOMPARE(silence.sound(QStringLiteral("alice-key")).silentForMs(), 302'000);
        QVERIFY(silence.sound(QStringLiteral("alice-key")).silenceOutlastsSegment());
        QCOMPARE(pictures.picture(QStringLiteral("alice-key")).stillForMs(), 302'000);
        QCOMPARE(pictures.picture(QStringLiteral("alice-key")).state, LivePicture::State::Still);
    }

    // One file per site, beside the site's encoder history, named by the site and not by the profile.
    void onePathPerSite() {
        SiteProfile one;
        one.id = QStringLiteral("profile-1");
        one.siteUrl = QUrl(QStringLiteral("https://site.example/"));
        SiteProfile other = one;
        other.id = QStringLiteral("profile-2");
        const QString path = FollowedLivesStore::pathFor(one);
        QCOMPARE(path, FollowedLivesStore::pathFor(other));
        QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("followed-lives-%1.json").arg(one.siteKey()));
        QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(SiteWorkspace::historyPath(one)).absolutePath());
        SiteProfile elsewhere = one;
        elsewhere.siteUrl = QUrl(QStringLiteral("https://other.example/"));
        QVERIFY(FollowedLivesStore::pathFor(elsewhere) != path);
    }
};

QTEST_GUILESS_MAIN(TestFollowedLivesStore)
#include "tst_followedlivesstore.moc"
