#include "alerts/alertlifecycle.h"
#include "alerts/livealerts.h"
#include "mockclock.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace avld;
using namespace avld::test;

// A site check's lives as alerts: black, still and silent past their thresholds; resolved when they move,
// sound again or end; the stream key (a secret) never shown.
class LiveAlertsTest : public QObject {
    Q_OBJECT
private:
    static constexpr auto kSite = "https://site.example/";
    static LiveEntry live(const QString& key, const QString& title) {
        LiveEntry e;
        e.key = key;
        SiteLive s;
        s.key = key;
        s.title = title;
        e.site = s;
        GrabResult grab;
        GrabbedFrame frame;
        frame.image = Bitmap(320, 180);
        frame.image.fill(rgb(0x00, 0x80, 0x80)); // Qt::darkCyan
        grab.frames.append(frame);
        e.ourGrab = Result<GrabResult>(grab);
        return e;
    }
    static SiteCheckReport report(const QList<LiveEntry>& lives) {
        SiteCheckReport r;
        r.startedAt = QDateTime(QDate(2026, 6, 1), QTime(20, 0), Qt::UTC);
        r.lives = lives;
        return r;
    }
    static LivePicture stillFor(qint64 ms) {
        LivePicture p;
        p.state = LivePicture::State::Still;
        p.seenAt = QDateTime(QDate(2026, 6, 1), QTime(20, 0), Qt::UTC);
        p.stillSince = p.seenAt.addMSecs(-ms);
        return p;
    }
    static LiveSound silentFor(qint64 ms) {
        LiveSound s;
        s.state = LiveSound::State::Silent;
        s.heardAt = QDateTime(QDate(2026, 6, 1), QTime(20, 0), Qt::UTC);
        s.silentSince = s.heardAt.addMSecs(-ms);
        return s;
    }
    static AlertMessage at(const QSignalSpy& spy, int i) { return spy.at(i).at(0).value<AlertMessage>(); }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<AlertMessage>(); }

    void stillAndSilentPastTheirThresholds() {
        MockClock clock;
        AlertLifecycle lifecycle(clock, AlertPolicy{.remindEveryMs = 0, .flapWindowMs = 0});
        LiveAlerts alerts(lifecycle, {.blackMs = 120'000, .stillMs = 120'000, .silentMs = 120'000});
        QSignalSpy sent(&lifecycle, &AlertLifecycle::message);
        const QString site = QLatin1String(kSite);
        const QList<LiveEntry> lives{live(QStringLiteral("secretkey123"), QStringLiteral("Evening news")),
                                     live(QStringLiteral("otherkey456"), QString())};
        // Under the threshold: nothing.
        alerts.onCheck(QStringLiteral("Site"), site, report(lives),
                       {{QStringLiteral("secretkey123"), stillFor(60'000)}},
                       {{QStringLiteral("otherkey456"), silentFor(60'000)}});
        QCOMPARE(sent.count(), 0);
        alerts.onCheck(QStringLiteral("Site"), site, report(lives),
                       {{QStringLiteral("secretkey123"), stillFor(180'000)}},
                       {{QStringLiteral("otherkey456"), silentFor(180'000)}});
        QCOMPARE(sent.count(), 2);
        const AlertMessage still = at(sent, 0);
        QCOMPARE(still.alert.title, QStringLiteral("\"Evening news\" on Site shows a still picture"));
        QCOMPARE(still.alert.severity, AlertSeverity::Warning);
        QVERIFY(still.alert.text.contains(QStringLiteral("for 3 min")));
        QVERIFY(!still.alert.picture.isEmpty()); // the frame the check grabbed
        QCOMPARE(still.alert.pictureType, QByteArray("image/jpeg"));
        QCOMPARE(QImage::fromData(still.alert.picture).width(), 320);
        const AlertMessage silent = at(sent, 1);
        QVERIFY2(silent.alert.title.startsWith(QStringLiteral("A live (")), qPrintable(silent.alert.title));
        for (const AlertMessage& m : {still, silent}) {
            QVERIFY(!m.alert.key.contains(QStringLiteral("secretkey123")));
            QVERIFY(!m.alert.title.contains(QStringLiteral("otherkey456")));
            QVERIFY(!m.alert.key.contains(QStringLiteral("otherkey456")));
        }
        // The still live moves again; the silent one has ended.
        LivePicture moving;
        moving.state = LivePicture::State::Moving;
        alerts.onCheck(QStringLiteral("Site"), site, report({lives[0]}),
                       {{QStringLiteral("secretkey123"), moving}}, {});
        QCOMPARE(sent.count(), 4);
        QSet<QString> resolutions; // in no particular order
        for (int i : {2, 3}) {
            QCOMPARE(at(sent, i).event, AlertEvent::Resolved);
            resolutions.insert(at(sent, i).alert.text);
        }
        QCOMPARE(resolutions, (QSet<QString>{QStringLiteral("Its picture moves again."),
                                             QStringLiteral("The live has ended.")}));
        QVERIFY(lifecycle.active().isEmpty());
    }

    void aCheckThatCouldNotReadTheLivesChangesNothing() {
        MockClock clock;
        AlertLifecycle lifecycle(clock, AlertPolicy{.remindEveryMs = 0, .flapWindowMs = 0});
        LiveAlerts alerts(lifecycle);
        QSignalSpy sent(&lifecycle, &AlertLifecycle::message);
        const QList<LiveEntry> lives{live(QStringLiteral("k1"), QStringLiteral("Show"))};
        LivePicture black;
        black.state = LivePicture::State::Black;
        black.seenAt = QDateTime(QDate(2026, 6, 1), QTime(20, 0), Qt::UTC);
        black.blackSince = black.seenAt.addSecs(-600);
        alerts.onCheck(QStringLiteral("Site"), QLatin1String(kSite), report(lives),
                       {{QStringLiteral("k1"), black}}, {});
        QCOMPARE(sent.count(), 1);
        QCOMPARE(at(sent, 0).alert.title, QStringLiteral("\"Show\" on Site shows black"));
        SiteCheckReport failed = report({});
        failed.livesError = Error{QStringLiteral("timeout"), QStringLiteral("the site did not answer"), {}};
        alerts.onCheck(QStringLiteral("Site"), QLatin1String(kSite), failed, {}, {});
        QCOMPARE(sent.count(), 1);
        QCOMPARE(lifecycle.active().size(), 1);
    }
};

QTEST_GUILESS_MAIN(LiveAlertsTest)
#include "tst_livealerts.moc"
