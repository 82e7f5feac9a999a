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

const QString kMoving = QStringLiteral("moving-key");
const QString kStill = QStringLiteral("still-key");
const QString kBlack = QStringLiteral("black-key");
const QSize kSize(320, 180);

using Run = test::CommandRun;

} // namespace

// Still and black lives found and explained against the site simulator fed by real streams (nginx-rtmp,
// ffmpeg): a publisher whose picture moves (lavfi's testsrc2 and a clock), one whose whole picture is frozen
// (freezeframes over everything drawn, frames still flowing), one black, and one that freezes after 10 s.
// `check` says which live is still from one segment, the diagnosis over a workspace follows it across checks
// and says for how long, and a black live is one finding (live-black-picture), not stream-broken as well.
class TestLiveStill : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    MockClock m_clock;
    StreamStack m_stack;
    std::unique_ptr<FakeEncoder> m_encoder;
    std::unique_ptr<SiteSimulator> m_site;
    MemorySecretStore m_secrets;
    QNetworkAccessManager m_network;

    QUrl playerServer() const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(m_stack.httpPort()));
    }

    SiteProfile profile() const {
        SiteProfile p;
        p.id = QStringLiteral("still-test");
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
    // checks until the site shows a real frame of the lives with a picture (the black one has none).
    bool warmUp() {
        for (int attempt = 0; attempt < 20; ++attempt) {
            const SiteCheckReport report = runCheck();
            int real = 0;
            for (const LiveEntry& live : report.lives)
                real += live.key != kBlack && live.siteThumbnail &&
                        live.siteThumbnail->cls == ThumbnailClass::RealFrame;
            if (real == 2)
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
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        const QList<StreamSpec> specs{
            {.key = kMoving, .size = kSize},
            {.key = kStill, .size = kSize, .pictureFreezesAfterSeconds = 0},
            {.key = kBlack, .size = kSize, .pictureBlackAfterSeconds = 0},
        };
        for (const StreamSpec& spec : specs)
            if (const Status failed = m_stack.publish(spec, 20000, 2); !failed.ok())
                QFAIL(qPrintable(failed.error().toString()));
        m_encoder = std::make_unique<FakeEncoder>(
            FakeEncoder::Options{.referenceImagesDir = QStringLiteral(AVLD_REFERENCE_IMAGES)});
        QVERIFY(m_encoder->listen());
        SiteSimulator::Options options;
        options.statUrl = m_stack.statUrl();
        options.playerServer = playerServer();
        options.encoderUrl = m_encoder->url().toString();
        options.clock = &m_clock;
        options.referenceImagesDir = QStringLiteral(AVLD_REFERENCE_IMAGES);
        m_site = std::make_unique<SiteSimulator>(options);
        QVERIFY(m_site->listen());
        m_site->addLive(
            {.key = kMoving, .user = QStringLiteral("mo"), .title = QStringLiteral("Moving live")});
        m_site->addLive({.key = kStill, .user = QStringLiteral("st"), .title = QStringLiteral("Still live")});
        m_site->addLive({.key = kBlack, .user = QStringLiteral("bl"), .title = QStringLiteral("Black live")});
        QVERIFY2(warmUp(), "the site's thumbnails never became real frames");
    }

    // One check sees the segment each picture came from: the still live is a WARNING with what to do, the
    // moving one is not, and each row says what the picture did.
    void checkSaysWhichLiveIsStill() {
        const Run run = test::runProgramAt(m_dir.path(), QStringLiteral(AVLD_PROGRAM), checkArguments());
        qInfo().noquote() << "check printed:\n" + run.out;
        QCOMPARE(run.exitCode, 1);
        const QRegularExpression stillLine(
            QStringLiteral(
                "^WARNING: Still live: still picture — its newest segment shows the same picture for "
                "\\d\\.\\d s; check the publisher's camera or OBS scene \\(the stream itself is "
                "running\\)$"),
            QRegularExpression::MultilineOption);
        QVERIFY2(stillLine.match(run.out).hasMatch(), qPrintable(run.out));
        QCOMPARE(run.out.count(QStringLiteral("still picture —")), 1);
        QVERIFY2(!run.out.contains(QStringLiteral("WARNING: Moving live")), qPrintable(run.out));
        QVERIFY2(QRegularExpression(QStringLiteral("picture: still \\d\\.\\d s +sound:"))
                     .match(test::tableRow(run.out, QStringLiteral("Still live")))
                     .hasMatch(),
                 qPrintable(run.out));
        QVERIFY2(test::tableRow(run.out, QStringLiteral("Moving live"))
                     .contains(QStringLiteral("picture: moving ")),
                 qPrintable(run.out));
        QVERIFY2(QRegularExpression(QStringLiteral("picture: black( \\d\\.\\d s)? +sound:"))
                     .match(test::tableRow(run.out, QStringLiteral("Black live")))
                     .hasMatch(),
                 qPrintable(run.out));
        // The stream column says what our grab holds, not only that it worked.
        QVERIFY2(test::tableRow(run.out, QStringLiteral("Black live"))
                     .contains(QStringLiteral("stream: black picture, ")),
                 qPrintable(run.out));
        QVERIFY2(test::tableRow(run.out, QStringLiteral("Still live"))
                     .contains(QStringLiteral("stream: real frame, ")),
                 qPrintable(run.out));

        const Run json = test::runProgramAt(m_dir.path(), QStringLiteral(AVLD_PROGRAM),
                                            checkArguments() << QStringLiteral("--json"));
        QCOMPARE(json.exitCode, 1);
        const QJsonDocument document = QJsonDocument::fromJson(json.out.toUtf8());
        QVERIFY2(document.isObject(), qPrintable(json.out));
        QHash<QString, QJsonObject> pictures;
        for (const QJsonValue& live : document[QStringLiteral("lives")].toArray())
            pictures.insert(live[QStringLiteral("key")].toString(),
                            live[QStringLiteral("picture")].toObject());
        qInfo().noquote() << "pictures:"
                          << QJsonDocument(QJsonObject{{kStill, pictures.value(kStill)},
                                                       {kMoving, pictures.value(kMoving)},
                                                       {kBlack, pictures.value(kBlack)}})
                                 .toJson(QJsonDocument::Compact);
        QCOMPARE(pictures.value(kStill).value(QStringLiteral("state")).toString(), QStringLiteral("still"));
        QVERIFY(pictures.value(kStill).value(QStringLiteral("segmentStillMs")).toInteger() >= 2000);
        QCOMPARE(pictures.value(kMoving).value(QStringLiteral("state")).toString(), QStringLiteral("moving"));
        QCOMPARE(pictures.value(kMoving).value(QStringLiteral("segmentStillMs")).toInteger(), 0);
        QCOMPARE(pictures.value(kBlack).value(QStringLiteral("state")).toString(), QStringLiteral("black"));
    }

    // The window's diagnosis follows the picture from check to check: at first the newest segment is still,
    // later the live "has shown the same picture for" as long as the checks saw it. The black live is one
    // finding with its duration, not stream-broken too; the moving live has none.
    void diagnosisSaysHowLongALiveHasBeenStill() {
        auto s = settings();
        SiteWorkspace site(*s, profile(), m_secrets);
        site.startWatching();
        std::optional<Diagnosis> d = test::diagnoseOnce(site);
        QVERIFY(d);
        const Finding* still = findingWithId(*d, QStringLiteral("live-still-picture"));
        QVERIFY2(still, qPrintable(describe(*d)));
        QCOMPARE(still->severity, Severity::Warning);
        QCOMPARE(still->liveKey, kStill);
        QCOMPARE(still->action.kind, FindingAction::Kind::FixStreams);
        QVERIFY2(QRegularExpression(
                     QStringLiteral("^“Still live” has shown the same picture for \\d\\.\\d s of its newest "
                                    "segment while publishing: the publisher's source is frozen — check the "
                                    "camera or the OBS scene\\.$"))
                     .match(still->sentence)
                     .hasMatch(),
                 qPrintable(still->sentence));
        const Finding* black = findingWithId(*d, QStringLiteral("live-black-picture"));
        QVERIFY2(black, qPrintable(describe(*d)));
        QCOMPARE(black->liveKey, kBlack);
        const Finding* broken = findingWithId(*d, QStringLiteral("stream-broken"));
        QVERIFY2(!broken, qPrintable(describe(*d)));

        const QDateTime firstSeen = site.pictures().picture(kStill).seenAt;
        QTest::qWait(12000);
        d = test::diagnoseOnce(site);
        QVERIFY(d);
        still = findingWithId(*d, QStringLiteral("live-still-picture"));
        QVERIFY2(still, qPrintable(describe(*d)));
        const QRegularExpressionMatch longer =
            QRegularExpression(QStringLiteral("^“Still live” has shown the same picture for (\\d+ (s|min)) "
                                              "\\(since \\d\\d:\\d\\d\\) while publishing: "))
                .match(still->sentence);
        QVERIFY2(longer.hasMatch(), qPrintable(still->sentence));
        qInfo().noquote() << "followed:" << still->sentence << "/" << still->evidence.first().value;
        const LivePicture followed = site.pictures().picture(kStill);
        const qint64 between = firstSeen.msecsTo(followed.seenAt);
        QVERIFY2(between >= 12000, qPrintable(QString::number(between)));
        QCOMPARE(longer.captured(1), durationWords(followed.stillForMs()));
        QVERIFY(followed.stillForMs() >= between);
        QVERIFY(still->evidence.first().value.startsWith(QStringLiteral("the same picture for ")));
        black = findingWithId(*d, QStringLiteral("live-black-picture"));
        QVERIFY2(black, qPrintable(describe(*d)));
        QVERIFY2(QRegularExpression(
                     QStringLiteral("^“Black live” has been black for \\d+ s \\(since \\d\\d:\\d\\d\\)"))
                     .match(black->sentence)
                     .hasMatch(),
                 qPrintable(black->sentence));
        QVERIFY(site.pictures().picture(kBlack).blackForMs() >= between);
        QCOMPARE(site.pictures().picture(kMoving).state, LivePicture::State::Moving);
    }

    // A picture that freezes: moving at first, then still from about when it froze, never before.
    void pictureThatFreezesIsFollowed() {
        const QString key = QStringLiteral("freezes-key");
        const QDateTime publishedAt = QDateTime::currentDateTimeUtc();
        if (const Status failed =
                m_stack.publish({.key = key, .size = kSize, .pictureFreezesAfterSeconds = 10}, 20000, 2);
            !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        m_site->addLive({.key = key, .user = QStringLiteral("fr"), .title = QStringLiteral("Freezing live")});
        auto s = settings();
        SiteWorkspace site(*s, profile(), m_secrets);
        site.open({}, std::nullopt);
        QDateTime lastSeenMoving;
        bool stillSeen = false;
        QElapsedTimer waited;
        waited.start();
        while (!stillSeen && waited.elapsed() < 60000) {
            QVERIFY(test::checkOnceMore(site));
            const LivePicture picture = site.pictures().picture(key);
            if (picture.state == LivePicture::State::Moving && picture.stillForMs() == 0)
                lastSeenMoving = picture.seenAt;
            stillSeen = picture.still();
            if (!stillSeen)
                QTest::qWait(1500);
        }
        m_site->removeLive(key);
        m_stack.stopPublisher(key);
        QVERIFY2(lastSeenMoving.isValid(), "the picture was never seen moving before it froze");
        QVERIFY2(stillSeen, "the picture froze but the live never became still");
        const LivePicture still = site.pictures().picture(key);
        qInfo().noquote() << "froze: still since" << publishedAt.msecsTo(still.stillSince)
                          << "ms after publishing;" << still.evidence();
        // It froze 10 s into the publisher's run; the checks place it from a segment's keyframes and the
        // check's moment, which comes after the segment's end: not before it froze (less a frame and the
        // publisher's start), and not later than a few segments after.
        const qint64 frozeAfterMs = publishedAt.msecsTo(still.stillSince);
        QVERIFY2(frozeAfterMs >= 9000 && frozeAfterMs <= 20000, qPrintable(QString::number(frozeAfterMs)));
        QVERIFY(lastSeenMoving < still.seenAt);
    }
};

QTEST_GUILESS_MAIN(TestLiveStill)
#include "tst_livestill.moc"
