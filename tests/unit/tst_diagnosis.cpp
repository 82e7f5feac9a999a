#include "diagnosis/diagnosis.h"
#include "diagnosis/reportsecrets.h"
#include "diagnosisfixtures.h"
#include "picturefixtures.h"
#include "soundfixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace avld;
using namespace avld::test;

Q_DECLARE_METATYPE(avld::test::SeedState)
Q_DECLARE_METATYPE(avld::FindingAction::Kind)

namespace {

// The lives' sound in the seed state where nothing else is wrong: Alice's and Bob's newest segments as
// "silent", "sound", "noaudio", "loud" (at full scale) or "failed" (the grab failed), each live followed
// across checks for `silentMinutes` when more than 0.
DiagnosisInput soundInput(const QString& alice, const QString& bob, int aliceSilentMinutes = 0,
                          int bobSilentMinutes = 0) {
    DiagnosisInput input = seedInput(SeedState::StandinServing);
    const QDateTime at = input.overview.report->checkedAt();
    const auto hear = [&](LiveEntry& live, const QString& what, int silentMinutes) {
        if (what == QStringLiteral("failed")) {
            live.ourGrab =
                Result<GrabResult>(Error{QStringLiteral("http-404"), QStringLiteral("HTTP 404"), {}});
        } else {
            live.ourGrab->value().report.sound = what == QStringLiteral("silent")    ? silence()
                                                 : what == QStringLiteral("noaudio") ? noAudio()
                                                 : what == QStringLiteral("loud")    ? soundWith(0, -0.3)
                                                                                     : soundWith();
        }
        if (silentMinutes > 0) {
            // Checks every minute, all of them silent, the newest the report's own.
            LiveSound followed;
            for (int minute = silentMinutes; minute >= 0; --minute)
                followed = LiveSound::follow(followed, silence(), at.addSecs(-60 * minute));
            input.sounds.insert(live.key, LiveSound::follow(followed, live, at));
        }
    };
    hear(input.overview.report->lives[0], alice, aliceSilentMinutes);
    hear(input.overview.report->lives[1], bob, bobSilentMinutes);
    return input;
}

// The lives' picture in the seed state where nothing else is wrong: Alice's and Bob's newest grabs as
// "moving" (the segment's picture changed), "still" (the same throughout its 2 s), "black" (black throughout
// its 2 s) or "failed" (the grab failed), each followed across checks, one a minute, for `minutes` when more
// than 0 (still or black all along; a failed live was still before).
DiagnosisInput pictureInput(const QString& alice, const QString& bob, int aliceMinutes = 0,
                            int bobMinutes = 0) {
    DiagnosisInput input = seedInput(SeedState::StandinServing);
    const QDateTime at = input.overview.report->checkedAt();
    const auto see = [&](LiveEntry& live, const QString& what, char which, int minutes) {
        if (what == QStringLiteral("failed")) {
            live.ourGrab =
                Result<GrabResult>(Error{QStringLiteral("http-404"), QStringLiteral("HTTP 404"), {}});
        } else {
            GrabResult& grab = live.ourGrab->value();
            grab.frames.first().image = what == QStringLiteral("black") ? blackPicture() : scene(which);
            grab.report.pictureStillForMs = what == QStringLiteral("moving") ? 0 : 2000;
            grab.report.pictureBlackForMs = what == QStringLiteral("black") ? 2000 : 0;
        }
        if (minutes > 0) {
            const QString before = what == QStringLiteral("black")
                                       ? QStringLiteral("black2000")
                                       : QString(QLatin1Char(which)) + QStringLiteral("2000");
            LivePicture followed;
            for (int minute = minutes; minute >= 1; --minute)
                followed =
                    LivePicture::follow(followed, pictureCheckOf(live.key, before), at.addSecs(-60 * minute));
            input.pictures.insert(live.key, LivePicture::follow(followed, live, at));
        }
    };
    see(input.overview.report->lives[0], alice, 'a', aliceMinutes);
    see(input.overview.report->lives[1], bob, 'b', bobMinutes);
    return input;
}

QStringList actionableIds(const Diagnosis& d) {
    QStringList ids;
    for (const Finding& f : d.findings)
        if (f.severity != Severity::Ok)
            ids << f.id;
    return ids;
}

} // namespace

// The checklist over the seed states: which findings, in which order, with which action, and what the
// exit code and the score say.
class TestDiagnosis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findingsInEachSeedState_data() {
        QTest::addColumn<SeedState>("state");
        QTest::addColumn<QStringList>("ids"); // every finding that is not OK, in order
        QTest::addColumn<FindingAction::Kind>("firstAction");
        QTest::addColumn<int>("exitCode");
        using K = FindingAction::Kind;
        QTest::newRow("encoder down") << SeedState::EncoderDown
                                      << QStringList{"live-card", "encoder-down", "backup-available",
                                                     "standin-stopped", "no-redundancy"}
                                      << K::StartStandIn << 2;
        QTest::newRow("stand-in serving") << SeedState::StandinServing << QStringList{} << K::None << 0;
        QTest::newRow("poster") << SeedState::Poster
                                << QStringList{"encoder-down", "live-poster", "backup-available",
                                               "standin-stopped", "no-redundancy"}
                                << K::StartStandIn << 2;
        QTest::newRow("card after a switch")
            << SeedState::CardAfterSwitch
            << QStringList{"standin-not-serving", "live-cached-card", "cached-cards"} << K::ClearCaches << 2;
        QTest::newRow("media server unreachable")
            << SeedState::MediaUnreachable << QStringList{"media-server-unreachable"} << K::CheckAgain << 1;
        QTest::newRow("ghost live") << SeedState::GhostLive << QStringList{"ghost-live"} << K::None << 1;
        QTest::newRow("site unreachable")
            << SeedState::SiteUnreachable
            << QStringList{"site-unreachable", "lives-unknown", "media-server-unknown"} << K::CheckAgain << 2;
    }
    void findingsInEachSeedState() {
        QFETCH(SeedState, state);
        QFETCH(QStringList, ids);
        QFETCH(FindingAction::Kind, firstAction);
        QFETCH(int, exitCode);
        const Diagnosis d = diagnose(seedInput(state));
        QCOMPARE(actionableIds(d), ids);
        QCOMPARE(d.exitCode(), exitCode);
        if (!ids.isEmpty())
            QCOMPARE(d.findings.first().action.kind, firstAction);
        // The whole checklist is walked: every item says something, passed or not.
        for (CheckArea area : allCheckAreas())
            QVERIFY2(!d.findingsIn(area).isEmpty(), qPrintable(checkAreaName(area)));
        for (qsizetype i = 1; i < d.findings.size(); ++i)
            QVERIFY(!findingComesBefore(d.findings[i], d.findings[i - 1]));
        QVERIFY(!d.summary.isEmpty());
    }

    void scoresFollowWhatVisitorsSee_data() {
        QTest::addColumn<SeedState>("state");
        QTest::addColumn<int>("siteAtMost");
        QTest::addColumn<int>("siteAtLeast");
        QTest::addColumn<int>("aliceScore");
        QTest::newRow("stand-in serving") << SeedState::StandinServing << 100 << 100 << 100;
        QTest::newRow("encoder down") << SeedState::EncoderDown << 30 << 0 << 40;
        QTest::newRow("poster") << SeedState::Poster << 50 << 0 << 60;
        QTest::newRow("media server unreachable") << SeedState::MediaUnreachable << 95 << 80 << 80;
    }
    void scoresFollowWhatVisitorsSee() {
        QFETCH(SeedState, state);
        QFETCH(int, siteAtMost);
        QFETCH(int, siteAtLeast);
        QFETCH(int, aliceScore);
        const Diagnosis d = diagnose(seedInput(state));
        QVERIFY2(d.site.value <= siteAtMost && d.site.value >= siteAtLeast,
                 qPrintable(QString::number(d.site.value)));
        QCOMPARE(d.lives.value(QStringLiteral("alice-key")).value, aliceScore);
        int lost = 0;
        for (const HealthScore::Cost& c : d.site.costs)
            lost += c.points;
        QCOMPARE(d.site.value, std::max(0, 100 - lost));
        if (d.site.value < 100)
            QVERIFY(!d.site.costs.isEmpty());
    }

    // The encoder answers, but after AVideo gave up: the figure and the budget are in the sentence.
    void slowEncoderSaysHowSlow() {
        DiagnosisInput input = seedInput(SeedState::EncoderDown);
        EncoderSnapshot slow =
            encoderSnapshot(kSiteEncoderUrl, EncoderOrigin::SiteConfigured, ProbeHealth::Degraded, 3100);
        input.overview.encoders[0] = slow;
        const Diagnosis d = diagnose(input);
        const QList<Finding> encoder = d.findingsIn(CheckArea::Encoder);
        QCOMPARE(encoder.first().id, QStringLiteral("encoder-slow"));
        QVERIFY(encoder.first().sentence.contains(QStringLiteral("3100 ms")));
        QVERIFY(encoder.first().sentence.contains(QStringLiteral("2000 ms")));
    }

    void notSignedInLeavesTheEncoderUnknown() {
        DiagnosisInput input = seedInput(SeedState::EncoderDown);
        input.login.reset();
        input.overview.siteEncoderUrl.clear();
        input.overview.encoders.removeFirst();
        const Diagnosis d = diagnose(input);
        const QList<Finding> encoder = d.findingsIn(CheckArea::Encoder);
        QCOMPARE(encoder.size(), 1);
        QCOMPARE(encoder.first().id, QStringLiteral("encoder-url-unknown"));
        QCOMPARE(encoder.first().severity, Severity::Unknown);
        QCOMPARE(encoder.first().action.kind, FindingAction::Kind::SignIn);
        // The lives still show cards while their streams have pictures: that alone is critical.
        QCOMPARE(d.exitCode(), 2);
    }

    void noMonitoringIsAPreventionWarning() {
        DiagnosisInput input = seedInput(SeedState::StandinServing);
        input.watchRunning = false;
        const Diagnosis d = diagnose(input);
        QCOMPARE(actionableIds(d), QStringList{QStringLiteral("no-monitoring")});
        QCOMPARE(d.findingsIn(CheckArea::Prevention).first().action.kind,
                 FindingAction::Kind::SetUpMonitoring);
    }

    // The encoder's own status page is evidence; a long queue of its own work is a warning, a short one not.
    void encoderOwnStatusIsEvidenceAndALongQueueAWarning_data() {
        QTest::addColumn<int>("queue");
        QTest::addColumn<bool>("busy");
        QTest::newRow("idle") << 0 << false;
        QTest::newRow("a few videos") << 9 << false;
        QTest::newRow("a backlog") << 12 << true;
    }
    void encoderOwnStatusIsEvidenceAndALongQueueAWarning() {
        QFETCH(int, queue);
        QFETCH(bool, busy);
        DiagnosisInput input = seedInput(SeedState::StandinServing);
        EncoderStatusInfo& own = input.overview.encoders[0].last->status;
        own = {.alive = true,
               .readable = true,
               .version = QStringLiteral("8.1"),
               .queueSize = queue,
               .concurrent = 1,
               .memFreeBytes = 1LL << 30,
               .memTotalBytes = 8LL << 30,
               .encoding = queue > 0};
        const Diagnosis d = diagnose(input);
        QCOMPARE(actionableIds(d).contains(QStringLiteral("encoder-busy")), busy);
        const Finding encoder = d.findingsIn(CheckArea::Encoder).first();
        QString said;
        for (const Evidence& e : encoder.evidence)
            if (e.label == QStringLiteral("its own status page says"))
                said = e.value;
        QVERIFY2(said.contains(QStringLiteral("version 8.1")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("1.0 GiB of 8.0 GiB memory free")), qPrintable(said));
        QCOMPARE(said.contains(QStringLiteral("encoding now")), queue > 0);
    }

    // Since 2026-06 the status page answers 403 to strangers: the evidence says why nothing more is known.
    void encoderStatusWithoutCredentialsSaysWhy() {
        DiagnosisInput input = seedInput(SeedState::StandinServing);
        input.overview.encoders[0].last->status = {
            .alive = true, .note = QStringLiteral("alive, no credentials for status")};
        const Finding encoder = diagnose(input).findingsIn(CheckArea::Encoder).first();
        bool explained = false;
        for (const Evidence& e : encoder.evidence)
            explained |= e.label == QStringLiteral("its own status page") &&
                         e.value.contains(QStringLiteral("upload rights"));
        QVERIFY(explained);
    }

    void certificateAboutToEnd() {
        DiagnosisInput input = seedInput(SeedState::StandinServing);
        input.overview.encoders[0].last->certificateDaysLeft = 5;
        const Diagnosis d = diagnose(input);
        QVERIFY(actionableIds(d).contains(QStringLiteral("encoder-certificate-expiring")));
    }

    // Nothing that would let someone else use the stand-in or the account gets out: not in the JSON, not in
    // any sentence or evidence.
    void noSecretInTheJson_data() {
        QTest::addColumn<SeedState>("state");
        QTest::newRow("stand-in serving") << SeedState::StandinServing;
        QTest::newRow("card after a switch") << SeedState::CardAfterSwitch;
    }
    void noSecretInTheJson() {
        QFETCH(SeedState, state);
        const Diagnosis d = diagnose(seedInput(state));
        const QByteArray json = QJsonDocument(d.toJson()).toJson();
        QVERIFY(!json.contains(kStandinPrefix.toUtf8()));
        QVERIFY(!json.contains(kPasswordHash.toUtf8()));
        QCOMPARE(QJsonDocument::fromJson(json)[QStringLiteral("findings")].toArray().size(),
                 d.findings.size());
        QCOMPARE(QJsonDocument::fromJson(json)[QStringLiteral("status")].toString(),
                 severityName(d.overall()));
    }

    void redactsEveryKnownSecret() {
        const DiagnosisInput input = seedInput(SeedState::StandinServing);
        const QStringList secrets = reportSecrets(input);
        QVERIFY(secrets.contains(kStandinPrefix));
        QVERIFY(secrets.contains(kPasswordHash));
        const QString redacted = redactSecrets(
            QStringLiteral("GET /%1/objects/getImage.php hash=%2").arg(kStandinPrefix, kPasswordHash),
            secrets);
        QVERIFY(!redacted.contains(kStandinPrefix));
        QVERIFY(!redacted.contains(kPasswordHash));
        QVERIFY(redacted.contains(QStringLiteral("objects/getImage.php")));
    }

    // A silent live is a warning that says for how long, with what to do; no audio and sound at full scale
    // are not faults (said among what passed), and a live whose stream could not be read is not called
    // silent however long it was before.
    void soundFindings_data() {
        QTest::addColumn<QString>("alice");
        QTest::addColumn<QString>("bob");
        QTest::addColumn<int>("aliceSilentMinutes");
        QTest::addColumn<int>("bobSilentMinutes");
        QTest::addColumn<QStringList>("ids");  // the sound's findings, in order
        QTest::addColumn<QString>("sentence"); // the first one's
        QTest::addColumn<int>("exitCode");
        const QString since = QStringLiteral("\\d\\d:\\d\\d");
        QTest::newRow("newest segment silent")
            << "silent"
            << "sound" << 0 << 0 << QStringList{"live-silent"}
            << QStringLiteral(
                   "^“Alice's morning show” is silent: its newest segment \\(2\\.0 s\\) has no sound "
                   "above -60 dBFS\\.$")
            << 1;
        QTest::newRow("silent for five minutes")
            << "silent"
            << "sound" << 5 << 0 << QStringList{"live-silent"}
            << QStringLiteral(
                   "^“Alice's morning show” has been silent for 5 min: no sound above -60 dBFS in any "
                   "check since %1\\.$")
                   .arg(since)
            << 1;
        QTest::newRow("two silent lives, the longest first")
            << "silent"
            << "silent" << 3 << 12 << QStringList{"live-silent"}
            << QStringLiteral(
                   "^2 lives are silent, the longest “Bob plays” for 12 min: no sound above -60 dBFS\\.$")
            << 1;
        QTest::newRow("sound") << "sound"
                               << "sound" << 0 << 0 << QStringList{"lives-sound"}
                               << QStringLiteral("^2 lives have sound\\.$") << 0;
        QTest::newRow("no audio is not a fault")
            << "sound"
            << "noaudio" << 0 << 0 << QStringList{"lives-sound"}
            << QStringLiteral(
                   "^1 live has sound; 1 live has no audio, which is not a fault: many lives carry "
                   "none\\.$")
            << 0;
        QTest::newRow("sound at full scale is information")
            << "loud"
            << "sound" << 0 << 0 << QStringList{"live-clipping", "lives-sound"}
            << QStringLiteral(
                   "^“Alice's morning show” peaks at full scale \\(-0\\.3 dBFS\\): its sound may "
                   "distort\\. Lower the microphone or music gain in OBS until its meter stays out of "
                   "the red\\.$")
            << 0;
        QTest::newRow("a stream that cannot be read is not called silent")
            << "failed"
            << "sound" << 7 << 0 << QStringList{"lives-sound"} << QStringLiteral("^1 live has sound\\.$")
            << 2;
    }
    void soundFindings() {
        QFETCH(QString, alice);
        QFETCH(QString, bob);
        QFETCH(int, aliceSilentMinutes);
        QFETCH(int, bobSilentMinutes);
        QFETCH(QStringList, ids);
        QFETCH(QString, sentence);
        QFETCH(int, exitCode);
        const Diagnosis d = diagnose(soundInput(alice, bob, aliceSilentMinutes, bobSilentMinutes));
        QList<Finding> sound;
        for (const Finding& f : d.findings)
            if (f.id == QStringLiteral("live-silent") || f.id == QStringLiteral("live-clipping") ||
                f.id == QStringLiteral("lives-sound"))
                sound << f;
        QStringList soundIds;
        for (const Finding& f : sound)
            soundIds << f.id;
        QCOMPARE(soundIds, ids);
        QVERIFY2(QRegularExpression(sentence).match(sound.first().sentence).hasMatch(),
                 qPrintable(sound.first().sentence));
        QCOMPARE(d.exitCode(), exitCode);
        for (const Finding& f : sound) {
            QCOMPARE(f.area, CheckArea::Lives);
            QVERIFY(!f.evidence.isEmpty());
            if (f.id == QStringLiteral("live-silent")) {
                QCOMPARE(f.severity, Severity::Warning);
                QCOMPARE(f.action.kind, FindingAction::Kind::FixStreams);
                QCOMPARE(f.action.text,
                         QStringLiteral("Check the streamer's microphone or audio source in OBS "
                                        "(muted, unplugged or the wrong device); the stream "
                                        "itself is running"));
                QVERIFY(f.scoreCost > 0 && f.scoreCost <= 10);
                QVERIFY(f.evidence.first().value.contains(QStringLiteral("silent")));
            } else {
                QCOMPARE(f.severity, Severity::Ok);
                QCOMPARE(f.scoreCost, 0);
            }
        }
        // A silent newest segment costs the live a little; sound, no audio and full scale nothing.
        if (alice != QStringLiteral("failed"))
            QCOMPARE(d.lives.value(QStringLiteral("alice-key")).value,
                     alice == QStringLiteral("silent") ? 90 : 100);
        // The lives' own finding stays: the pictures are fine.
        QCOMPARE(bool(d.findingsIn(CheckArea::Lives).size() > sound.size()), true);
    }

    // A live whose picture stands still or is black is a warning that says for how long, with what to do;
    // a black live is that finding only (not stream-broken as well); a moving picture says nothing, and a
    // live whose stream could not be read is not called still however long it was before.
    void pictureFindings_data() {
        QTest::addColumn<QString>("alice");
        QTest::addColumn<QString>("bob");
        QTest::addColumn<int>("aliceMinutes");
        QTest::addColumn<int>("bobMinutes");
        QTest::addColumn<QStringList>("ids");  // every finding that is not Ok, in order
        QTest::addColumn<QString>("sentence"); // the picture finding's (the first one)
        QTest::addColumn<int>("exitCode");
        const QString since = QStringLiteral("\\(since \\d\\d:\\d\\d\\)");
        const QString frozen =
            QStringLiteral("the publisher's source is frozen — check the camera or the OBS scene\\.$");
        const QString dark = QStringLiteral(
            "the stream runs but its picture is black — a covered lens, an empty OBS scene or a source that "
            "gives no video\\.$");
        QTest::newRow("moving") << "moving"
                                << "moving" << 0 << 0 << QStringList{} << QString() << 0;
        QTest::newRow("still within the newest segment")
            << "still"
            << "moving" << 0 << 0 << QStringList{"live-still-picture"}
            << QStringLiteral("^“Alice's morning show” has shown the same picture for 2\\.0 s of its newest "
                              "segment while publishing: ") +
                   frozen
            << 1;
        QTest::newRow("still for five minutes")
            << "still"
            << "moving" << 5 << 0 << QStringList{"live-still-picture"}
            << QStringLiteral("^“Alice's morning show” has shown the same picture for 5 min %1 while "
                              "publishing: ")
                       .arg(since) +
                   frozen
            << 1;
        QTest::newRow("two still lives, the longest first")
            << "still"
            << "still" << 3 << 12 << QStringList{"live-still-picture"}
            << QStringLiteral(
                   "^2 lives show the same picture while publishing, the longest “Bob plays” for 12 "
                   "min: their publishers' sources are frozen — check the cameras or the OBS "
                   "scenes\\.$")
            << 1;
        QTest::newRow("black, once and not stream-broken too")
            << "black"
            << "moving" << 0 << 0 << QStringList{"live-black-picture"}
            << QStringLiteral("^“Alice's morning show” has been black for 2\\.0 s of its newest segment: ") +
                   dark
            << 1;
        QTest::newRow("black for two minutes")
            << "black"
            << "moving" << 2 << 0 << QStringList{"live-black-picture"}
            << QStringLiteral("^“Alice's morning show” has been black for 2 min %1: ").arg(since) + dark << 1;
        QTest::newRow("a stream that cannot be read is not called still")
            << "failed"
            << "moving" << 7 << 0 << QStringList{"stream-broken"} << QString() << 2;
    }
    void pictureFindings() {
        QFETCH(QString, alice);
        QFETCH(QString, bob);
        QFETCH(int, aliceMinutes);
        QFETCH(int, bobMinutes);
        QFETCH(QStringList, ids);
        QFETCH(QString, sentence);
        QFETCH(int, exitCode);
        const Diagnosis d = diagnose(pictureInput(alice, bob, aliceMinutes, bobMinutes));
        QCOMPARE(actionableIds(d), ids);
        QCOMPARE(d.exitCode(), exitCode);
        for (const Finding& f : d.findings) {
            const bool still = f.id == QStringLiteral("live-still-picture");
            if (!still && f.id != QStringLiteral("live-black-picture"))
                continue;
            QVERIFY2(QRegularExpression(sentence).match(f.sentence).hasMatch(), qPrintable(f.sentence));
            QCOMPARE(f.severity, Severity::Warning);
            QCOMPARE(f.area, CheckArea::Lives);
            QCOMPARE(f.action.kind, FindingAction::Kind::FixStreams);
            QVERIFY(f.action.text.contains(still ? QStringLiteral("camera or OBS scene")
                                                 : QStringLiteral("the OBS scene's video source")));
            QVERIFY(f.scoreCost > 0 && f.scoreCost <= (still ? 10 : 20));
            QVERIFY(!f.evidence.isEmpty());
            QVERIFY(f.evidence.first().value.contains(still ? QStringLiteral("the same picture")
                                                            : QStringLiteral("black")));
            QCOMPARE(f.liveKey.isEmpty(), f.evidence.size() > 1);
        }
        // A moving site says its lives are fine; a still newest segment costs the live a little.
        if (alice == QStringLiteral("moving"))
            QVERIFY2(d.findingsIn(CheckArea::Lives).size() >= 1 &&
                         d.findingsIn(CheckArea::Lives).first().severity == Severity::Ok,
                     qPrintable(d.findingsIn(CheckArea::Lives).first().id));
        if (alice == QStringLiteral("still"))
            QCOMPARE(d.lives.value(QStringLiteral("alice-key")).value, 90);
    }

    void cancelledBeforeTheSiteIsUnknown() {
        DiagnosisInput input = seedInput(SeedState::StandinServing);
        input.overview.report.reset();
        Diagnosis d = diagnose(input);
        d.cancelled = true;
        QCOMPARE(d.overall(), Severity::Unknown);
        QCOMPARE(d.exitCode(), 3);
    }
};

QTEST_MAIN(TestDiagnosis)
#include "tst_diagnosis.moc"
