#include "diagnosis/diagnosisrun.h"
#include "diagnosisfindings.h"
#include "fakeencoder.h"
#include "freeport.h"
#include "media/framegrabber.h"
#include "memorysecretstore.h"
#include "mockclock.h"
#include "requirefixture.h"
#include "session/sitesession.h"
#include "session/siteworkspace.h"
#include "settings.h"
#include "site/sitecheck.h"
#include "siteruns.h"
#include "sitesimulator.h"
#include "soundsite.h"
#include "streamstack.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

const QString kLoud = SoundSite::loudKey;
const QString kSilent = SoundSite::silentKey;
const QString kMute = SoundSite::muteKey;

using Run = test::CommandRun;

} // namespace

// Silent lives found and explained against the site simulator fed by real streams (nginx-rtmp, ffmpeg):
// publishers with sound, with digital silence, without audio and with a sine that stops. `check` says which
// live is silent (one check hears one segment), the diagnosis over a workspace follows the silence across
// checks and says for how long, and a site whose lives have sound gets no sound finding.
class TestLiveSilence : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    MockClock m_clock;
    SoundSite m_sound;
    StreamStack& m_stack = m_sound.stack;
    std::unique_ptr<SiteSimulator>& m_site = m_sound.site;
    MemorySecretStore m_secrets;
    QNetworkAccessManager m_network;

    QUrl playerServer() const { return m_sound.playerServer(); }

    SiteProfile profile() const {
        SiteProfile p;
        p.id = QStringLiteral("silence-test");
        p.siteUrl = m_site->siteUrl();
        p.statUrl = m_stack.statUrl();
        p.playerServer = playerServer();
        return p;
    }

    std::unique_ptr<Settings> settings() const {
        auto s = std::make_unique<Settings>(
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        s->set(Setting::LivesRefreshSeconds, 3600);
        s->set(Setting::GeneratorListenAddress, QStringLiteral("127.0.0.1"));
        s->set(Setting::GeneratorPort, int(freeLoopbackPort()));
        return s;
    }

    SiteCheckReport runCheck() {
        SiteClient client(m_network, profile(), m_clock);
        FrameGrabber grabber(m_network);
        SiteCheck check(client, grabber);
        std::optional<SiteCheckReport> report;
        check.run([&](SiteCheckReport r) { report = std::move(r); });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), 60000); }();
        return report.value_or(SiteCheckReport{});
    }

    // The fake encoder answers a stream's first request with its placeholder and grabs a frame meanwhile:
    // checks until every live's thumbnail is a real frame, so that the sound is the only thing said.
    bool warmUp() {
        for (int attempt = 0; attempt < 20; ++attempt) {
            const SiteCheckReport report = runCheck();
            if (!report.lives.isEmpty() && report.count(ThumbnailClass::RealFrame) == report.lives.size())
                return true;
            m_clock.advanceMs(16 * 60 * 1000); // what AVideo cached expires
            QTest::qWait(1000);
        }
        return false;
    }

    QStringList checkArguments() const {
        return {QStringLiteral("check"),  QStringLiteral("--site"),     m_site->siteUrl().toString(),
                QStringLiteral("--stat"), m_stack.statUrl().toString(), QStringLiteral("--player-server"),
                playerServer().toString()};
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
        QVERIFY2(warmUp(), "the site's thumbnails never became real frames");
    }

    // One check hears the segment each picture came from: the silent live is a WARNING with what to do, the
    // others are not, and each row says what was heard.
    void checkSaysWhichLiveIsSilent() {
        const Run run = test::runProgramAt(m_dir.path(), QStringLiteral(AVLD_PROGRAM), checkArguments());
        qInfo().noquote() << "check printed:\n" + run.out;
        QCOMPARE(run.exitCode, 1);
        const QRegularExpression silentLine(
            QStringLiteral(
                "^WARNING: Silent live: silent — its newest segment \\(\\d\\.\\d s\\) stays below -60 "
                "dBFS; check the streamer's microphone or audio source in OBS \\(the stream itself is "
                "running\\)$"),
            QRegularExpression::MultilineOption);
        QVERIFY2(silentLine.match(run.out).hasMatch(), qPrintable(run.out));
        QCOMPARE(run.out.count(QStringLiteral("WARNING:")), 1);
        QVERIFY2(QRegularExpression(QStringLiteral("sound: silent \\d\\.\\d s$"))
                     .match(test::tableRow(run.out, QStringLiteral("Silent live")))
                     .hasMatch(),
                 qPrintable(run.out));
        QVERIFY2(QRegularExpression(QStringLiteral("sound: peak -1[78]\\.\\d dBFS, -2[12]\\.\\d LUFS$"))
                     .match(test::tableRow(run.out, QStringLiteral("Loud live")))
                     .hasMatch(),
                 qPrintable(run.out));
        QVERIFY2(
            test::tableRow(run.out, QStringLiteral("Mute live")).endsWith(QStringLiteral("sound: no audio")),
            qPrintable(run.out));

        const Run json = test::runProgramAt(m_dir.path(), QStringLiteral(AVLD_PROGRAM),
                                            checkArguments() << QStringLiteral("--json"));
        QCOMPARE(json.exitCode, 1);
        const QJsonDocument document = QJsonDocument::fromJson(json.out.toUtf8());
        QVERIFY2(document.isObject(), qPrintable(json.out));
        QHash<QString, QJsonObject> sounds;
        for (const QJsonValue& live : document[QStringLiteral("lives")].toArray())
            sounds.insert(live[QStringLiteral("key")].toString(), live[QStringLiteral("sound")].toObject());
        QCOMPARE(sounds.value(kSilent).value(QStringLiteral("state")).toString(), QStringLiteral("silent"));
        QVERIFY(sounds.value(kSilent).value(QStringLiteral("peakDbfs")).isNull());
        QCOMPARE(sounds.value(kLoud).value(QStringLiteral("state")).toString(), QStringLiteral("sound"));
        QVERIFY(sounds.value(kLoud).value(QStringLiteral("rmsDbfs")).toDouble() < -19);
        QCOMPARE(sounds.value(kMute).value(QStringLiteral("state")).toString(), QStringLiteral("no-audio"));
    }

    // `diagnose` checks once: the silent live is its own WARNING, with the action and the levels as evidence.
    void diagnoseCommandSaysWhichLiveIsSilent() {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("AVLD_PASSWORD"), QStringLiteral("admin123"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config-cli")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data-cli")));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(AVLD_PROGRAM),
                      {QStringLiteral("diagnose"), QStringLiteral("--site"), m_site->siteUrl().toString(),
                       QStringLiteral("--user"), QStringLiteral("admin"), QStringLiteral("--stat"),
                       m_stack.statUrl().toString(), QStringLiteral("--player-server"),
                       playerServer().toString()});
        QVERIFY(QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 180000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        qInfo().noquote() << "diagnose printed:\n" + out;
        QCOMPARE(process.exitCode(), 1);
        const QString block = out.section(QStringLiteral("WARNING [live-silent] "), 1).section(u'\n', 0, 2);
        QVERIFY2(QRegularExpression(
                     QStringLiteral("^“Silent live” is silent: its newest segment \\(\\d\\.\\d s\\) "
                                    "has no sound above -60 dBFS\\.\\n"
                                    "  → Check the streamer's microphone or audio source in OBS "
                                    "\\(muted, unplugged or the wrong device\\); the stream "
                                    "itself is running\\n"
                                    "    Silent live: newest segment: silent \\(below -60 dBFS for "
                                    "the whole \\d\\.\\d s segment\\)$"))
                     .match(block)
                     .hasMatch(),
                 qPrintable(out));
        QCOMPARE(out.count(QStringLiteral("[live-silent]")), 1);
        QVERIFY2(!block.contains(QStringLiteral("Loud live")) && !block.contains(QStringLiteral("Mute live")),
                 qPrintable(out));
    }

    // The window's diagnosis follows the silence from check to check: at first the newest segment is silent,
    // later the live "has been silent for" as long as the checks heard nothing. Only the silent live.
    void diagnosisSaysHowLongALiveHasBeenSilent() {
        auto s = settings();
        SiteWorkspace site(*s, profile(), m_secrets);
        site.startWatching(); // no check before the diagnosis's own: it hears one segment
        std::optional<Diagnosis> d = test::diagnoseOnce(site);
        QVERIFY(d);
        const Finding* silent = findingWithId(*d, QStringLiteral("live-silent"));
        QVERIFY2(silent, qPrintable(describe(*d)));
        QCOMPARE(silent->severity, Severity::Warning);
        QCOMPARE(silent->liveKey, kSilent);
        QCOMPARE(silent->action.kind, FindingAction::Kind::FixStreams);
        QVERIFY(silent->action.text.contains(QStringLiteral("microphone or audio source in OBS")));
        QVERIFY2(QRegularExpression(
                     QStringLiteral("^“Silent live” is silent: its newest segment \\(\\d\\.\\d s\\) "
                                    "has no sound above -60 dBFS\\.$"))
                     .match(silent->sentence)
                     .hasMatch(),
                 qPrintable(silent->sentence));
        QCOMPARE(silent->evidence.size(), 1);
        QVERIFY(
            silent->evidence.first().value.startsWith(QStringLiteral("newest segment: silent (below -60")));
        QCOMPARE(d->exitCode(), 1);

        const QDateTime firstHeard = site.silence().sound(kSilent).heardAt;
        QTest::qWait(12000);
        d = test::diagnoseOnce(site);
        QVERIFY(d);
        silent = findingWithId(*d, QStringLiteral("live-silent"));
        QVERIFY2(silent, qPrintable(describe(*d)));
        const QRegularExpressionMatch longer =
            QRegularExpression(
                QStringLiteral("^“Silent live” has been silent for (\\d+ (s|min)): no sound above "
                               "-60 dBFS in any check since \\d\\d:\\d\\d\\.$"))
                .match(silent->sentence);
        QVERIFY2(longer.hasMatch(), qPrintable(silent->sentence));
        qInfo().noquote() << "followed:" << silent->sentence << "/" << silent->evidence.first().value;
        const LiveSound followed = site.silence().sound(kSilent);
        const qint64 between = firstHeard.msecsTo(followed.heardAt);
        QVERIFY2(between >= 12000, qPrintable(QString::number(between)));
        QCOMPARE(longer.captured(1), durationWords(followed.silentForMs()));
        QVERIFY(followed.silentForMs() >= between);
        QVERIFY(silent->evidence.first().value.startsWith(QStringLiteral("silent for ")));
        // The others: heard, without a finding of their own.
        QCOMPARE(site.silence().sound(kLoud).state, LiveSound::State::Sound);
        QCOMPARE(site.silence().sound(kMute).state, LiveSound::State::NoAudio);
        for (const Finding& f : d->findings)
            QVERIFY2(f.id == QStringLiteral("live-silent") || !f.sentence.contains(QStringLiteral("silent")),
                     qPrintable(describe(*d)));
    }

    // A sine that stops: heard at first, then silent from about when it stopped, never before.
    void soundThatStopsIsFollowed() {
        const QString key = QStringLiteral("stops-key");
        const QDateTime publishedAt = QDateTime::currentDateTimeUtc();
        if (const Status failed = m_stack.publish(
                {.key = key, .size = QSize(320, 180), .soundStopsAfterSeconds = 10}, 20000, 2);
            !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        m_site->addLive(
            {.key = key, .user = QStringLiteral("sto"), .title = QStringLiteral("Stopping live")});
        auto s = settings();
        SiteWorkspace site(*s, profile(), m_secrets);
        site.open({}, std::nullopt);
        QDateTime lastHeardSound;
        bool silentSeen = false;
        QElapsedTimer waited;
        waited.start();
        while (!silentSeen && waited.elapsed() < 60000) {
            QVERIFY(test::checkOnceMore(site));
            const LiveSound sound = site.silence().sound(key);
            if (sound.state == LiveSound::State::Sound && sound.silentForMs() == 0)
                lastHeardSound = sound.heardAt;
            silentSeen = sound.silent();
            if (!silentSeen)
                QTest::qWait(1500);
        }
        m_site->removeLive(key);
        m_stack.stopPublisher(key);
        QVERIFY2(lastHeardSound.isValid(), "the sine was never heard before it stopped");
        QVERIFY2(silentSeen, "the sine stopped but the live never became silent");
        const LiveSound silent = site.silence().sound(key);
        // The sine stopped 10 s into the publisher's run. The checks place it from a segment's silent tail
        // and the check's moment, which comes after the segment's end: never before it stopped, and not later
        // than ffmpeg's start, a segment and its publishing delay after.
        const qint64 stoppedAfterMs = publishedAt.msecsTo(silent.silentSince);
        QVERIFY2(stoppedAfterMs >= 9500 && stoppedAfterMs <= 17000,
                 qPrintable(QString::number(stoppedAfterMs)));
        QVERIFY(silent.silentForMs() >= silent.levels->measuredMs);
    }

    // Lives with sound, and one without audio: no sound finding, OK, and the sound's word among what passed.
    void livesWithSoundAreFine() {
        m_site->removeLive(kSilent);
        m_stack.stopPublisher(kSilent);
        m_clock.advanceMs(90 * 1000); // the site's stats cache forgets the lives gone (the thumbnails stay)
        const Run run = test::runProgramAt(m_dir.path(), QStringLiteral(AVLD_PROGRAM), checkArguments());
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(!run.out.contains(QStringLiteral("silent")), qPrintable(run.out));

        auto s = settings();
        SiteWorkspace site(*s, profile(), m_secrets);
        site.open(QStringLiteral("admin"), QStringLiteral("admin123"));
        const std::optional<Diagnosis> d = test::diagnoseOnce(site);
        QVERIFY(d);
        QVERIFY2(!findingWithId(*d, QStringLiteral("live-silent")), qPrintable(describe(*d)));
        const Finding* heard = findingWithId(*d, QStringLiteral("lives-sound"));
        QVERIFY2(heard, qPrintable(describe(*d)));
        QCOMPARE(heard->severity, Severity::Ok);
        QCOMPARE(heard->sentence,
                 QStringLiteral("1 live has sound; 1 live has no audio, which is not a fault: "
                                "many lives carry none."));
    }
};

QTEST_GUILESS_MAIN(TestLiveSilence)
#include "tst_livesilence.moc"
