#include "media/framegrabber.h"
#include "mockclock.h"
#include "requirefixture.h"
#include "site/sitecheck.h"
#include "siteruns.h"
#include "sitesimulator.h"
#include "soundsite.h"
#include "streamstack.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

using Run = test::CommandRun;

const QRegularExpression kNewestSegment(
    QStringLiteral("^WARNING \\[live-silent\\] “Silent live” is silent: its newest segment \\(\\d\\.\\d s\\) "
                   "has no sound above -60 dBFS\\.$"),
    QRegularExpression::MultilineOption);
const QRegularExpression kSilentFor(QStringLiteral("^WARNING \\[live-silent\\] “Silent live” has been silent "
                                                   "for (\\d+\\.\\d s|\\d+ s|\\d+ min): no sound "
                                                   "above -60 dBFS in any check since \\d\\d:\\d\\d\\.$"),
                                    QRegularExpression::MultilineOption);

} // namespace

// `diagnose` run again and again, as from cron, against the site simulator fed by real streams (SoundSite):
// each run keeps the lives it followed in the app's data directory and the next goes on from them, so the
// second run says how long the silent live has been silent; --no-state judges from one check, and a state
// file that cannot be read is a warning and a fresh start, never a failed run.
class TestFollowedLivesState : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    MockClock m_clock;
    SoundSite m_sound;
    QNetworkAccessManager m_network;

    QUrl playerServer() const { return m_sound.playerServer(); }

    SiteProfile profile() const {
        SiteProfile p;
        p.id = QStringLiteral("state-test");
        p.siteUrl = m_sound.site->siteUrl();
        p.statUrl = m_sound.stack.statUrl();
        p.playerServer = playerServer();
        return p;
    }

    // The fake encoder answers a stream's first request with its placeholder: checks until every live's
    // thumbnail is a real frame and the silent live's segment is heard, so that the program's runs agree.
    bool warmUp() {
        for (int attempt = 0; attempt < 20; ++attempt) {
            SiteClient client(m_network, profile(), m_clock);
            FrameGrabber grabber(m_network);
            SiteCheck check(client, grabber);
            std::optional<SiteCheckReport> report;
            check.run([&](SiteCheckReport r) { report = std::move(r); });
            if (!QTest::qWaitFor([&] { return report.has_value(); }, 60000))
                return false;
            const auto silent =
                std::find_if(report->lives.cbegin(), report->lives.cend(),
                             [](const LiveEntry& l) { return l.key == SoundSite::silentKey; });
            if (!report->lives.isEmpty() &&
                report->count(ThumbnailClass::RealFrame) == report->lives.size() &&
                silent != report->lives.cend() && report->silentNow(*silent))
                return true;
            m_clock.advanceMs(16 * 60 * 1000); // what AVideo cached expires
            QTest::qWait(1000);
        }
        return false;
    }

    QString dataHome() const { return m_dir.filePath(QStringLiteral("data-cli")); }

    // The real program, with its own account under the test's directory (its data home is dataHome()).
    Run diagnose(const QStringList& more = {}) {
        return test::runProgramAt(m_dir.path(), QStringLiteral(AVLD_PROGRAM),
                                  QStringList{QStringLiteral("diagnose"), QStringLiteral("--site"),
                                              m_sound.site->siteUrl().toString(), QStringLiteral("--stat"),
                                              m_sound.stack.statUrl().toString(),
                                              QStringLiteral("--player-server"), playerServer().toString()}
                                      << more,
                                  180000);
    }

    // The site's state file in the child's data directory; empty when there is none.
    QString stateFile() const {
        QDirIterator it(dataHome(), {QStringLiteral("followed-lives-*.json")}, QDir::Files,
                        QDirIterator::Subdirectories);
        return it.hasNext() ? it.next() : QString();
    }

    QByteArray stateBytes() const {
        QFile file(stateFile());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
        QStandardPaths::setTestModeEnabled(true);
        if (!QFile::exists(QStringLiteral(AVLD_REFERENCE_IMAGES "/avideo-OnAir.jpg")))
            AVLD_FIXTURE_MISSING("the shared reference images are not beside this checkout: AVideo's cards "
                                 "cannot be recognised");
        if (const Status failed =
                m_sound.start(QSize(320, 180), &m_clock, QStringLiteral(AVLD_REFERENCE_IMAGES));
            !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        QVERIFY2(warmUp(),
                 "the site's thumbnails never became real frames, or the silent live was not heard");
    }

    // The first run hears one segment; the second goes on from it and says for how long.
    void secondRunSaysHowLongALiveHasBeenSilent() {
        QVERIFY(stateFile().isEmpty());
        const Run first = diagnose();
        qInfo().noquote() << "first diagnose printed:\n" + first.out;
        QCOMPARE(first.exitCode, 1);
        QVERIFY2(kNewestSegment.match(first.out).hasMatch(), qPrintable(first.out + first.err));
        QVERIFY2(!stateFile().isEmpty(), "the first run kept nothing");
        const QJsonObject kept = QJsonDocument::fromJson(stateBytes()).object();
        QCOMPARE(kept.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(kept[QStringLiteral("lives")][SoundSite::silentKey][QStringLiteral("sound")]
                     [QStringLiteral("state")]
                         .toString(),
                 QStringLiteral("silent"));
        QCOMPARE(kept[QStringLiteral("lives")][SoundSite::loudKey][QStringLiteral("sound")]
                     [QStringLiteral("state")]
                         .toString(),
                 QStringLiteral("sound"));

        QTest::qWait(5000);
        const Run second = diagnose();
        qInfo().noquote() << "second diagnose printed:\n" + second.out;
        QCOMPARE(second.exitCode, 1);
        const QRegularExpressionMatch longer = kSilentFor.match(second.out);
        QVERIFY2(longer.hasMatch(), qPrintable(second.out + second.err));
        QCOMPARE(second.out.count(QStringLiteral("[live-silent]")), 1);
        // At least the time between the runs and the first run's segment.
        // durationWords: "9.5 s" under 10 s (so 9 950 ms and more read "10.0 s"), then "45 s", "5 min".
        const double seconds = longer.captured(1).section(u' ', 0, 0).toDouble();
        QVERIFY2(longer.captured(1).endsWith(QStringLiteral("min")) || seconds >= 7,
                 qPrintable(longer.captured(0)));
        QVERIFY2(second.out.contains(QStringLiteral("Silent live: silent for ")), qPrintable(second.out));
    }

    // --no-state: one check alone, and what was kept is left as it was.
    void noStateJudgesFromTheCheckAlone() {
        const QByteArray before = stateBytes();
        QVERIFY(!before.isEmpty());
        const Run run = diagnose({QStringLiteral("--no-state")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(kNewestSegment.match(run.out).hasMatch(), qPrintable(run.out + run.err));
        QCOMPARE(stateBytes(), before);
    }

    // A state file that cannot be read: the run says so on stderr, judges from its own check, and keeps
    // its own state for the next.
    void aCorruptStateFileIsAWarning() {
        const QString path = stateFile();
        QVERIFY(!path.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"version\":1,\"lives\":{\"silent-key\":");
        file.close();
        const Run run = diagnose();
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("the lives followed before cannot be read from")) &&
                     run.err.contains(QStringLiteral("following them afresh")),
                 qPrintable(run.err));
        QVERIFY2(kNewestSegment.match(run.out).hasMatch(), qPrintable(run.out + run.err));
        QCOMPARE(QJsonDocument::fromJson(stateBytes()).object().value(QStringLiteral("version")).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFollowedLivesState)
#include "tst_followedlivesstate.moc"
