#include "cachepage.h"
#include "fakeencoder.h"
#include "memorysecretstore.h"
#include "screenshots.h"
#include "session/sitesession.h"
#include "sitesimulator.h"
#include "streamstack.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace avld;
using namespace avld::test;

// The Cache page against the site simulator, real streams and a fake encoder: the click clears, the site's
// answer and the changed lives show; an account that may not clear gets the reason and what to do. The ticked
// lives, and only those, are renewed on the encoder, each with its result.
class TestCachePage : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    std::unique_ptr<FakeEncoder> m_encoder;
    std::unique_ptr<SiteSimulator> m_site;
    MemorySecretStore m_secrets;

    SiteProfile profile() const {
        SiteProfile p;
        p.id = QStringLiteral("cache-page");
        p.siteUrl = m_site->siteUrl();
        p.playerServer = QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(m_stack.httpPort()));
        p.statUrl = m_stack.statUrl();
        return p;
    }

    static void waitForReport(SiteSession& session) {
        QSignalSpy ready(&session, &SiteSession::reportReady);
        session.refresh();
        QVERIFY(ready.wait(30000));
    }

    // Signs in as the admin, who learns the encoder URL, and checks the lives once.
    void signInAdmin(SiteSession& session) {
        session.setCheckOptions({.grabStreams = false});
        QSignalSpy encoderKnown(&session, &SiteSession::encoderUrlChanged);
        signIn(session, QStringLiteral("admin"), QStringLiteral("admin123"));
        QVERIFY(encoderKnown.count() > 0 || encoderKnown.wait(15000));
        waitForReport(session);
    }

    static QListWidgetItem* liveItem(QListWidget* lives, const QString& key) {
        for (int i = 0; i < lives->count(); ++i)
            if (lives->item(i)->data(Qt::UserRole).toString() == key)
                return lives->item(i);
        return nullptr;
    }

    // Ticks a live's check box from the keyboard, as a person would (Space on the current row).
    static void tick(QListWidget* lives, const QString& key) {
        QListWidgetItem* item = liveItem(lives, key);
        QVERIFY2(item, qPrintable(key));
        lives->setFocus();
        lives->setCurrentItem(item);
        QTest::keyClick(lives, Qt::Key_Space);
        QCOMPARE(item->checkState(), Qt::Checked);
    }

    // The streams asked for with renew=1 since `from`, as stream keys.
    QStringList renewedKeys(qsizetype from) const {
        QStringList keys;
        const QList<QUrl> streams = m_encoder->renewedStreams();
        for (qsizetype i = from; i < streams.size(); ++i)
            keys << streams[i].path().section(QLatin1Char('/'), -2, -2); // /live/KEY/index.m3u8
        keys.sort();
        return keys;
    }

    void signIn(SiteSession& session, const QString& user, const QString& password) {
        QSignalSpy signedIn(&session, &SiteSession::signedIn);
        session.signIn(user, password);
        QVERIFY(signedIn.wait(15000));
    }

private Q_SLOTS:
    void initTestCase() {
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        for (const char* key : {"k1", "k2", "k3"})
            if (const Status failed = m_stack.publish(
                    {.key = QString::fromLatin1(key), .size = {320, 180}, .fps = 10, .audio = false});
                !failed.ok())
                QFAIL(qPrintable(failed.error().toString()));
        m_encoder = std::make_unique<FakeEncoder>(FakeEncoder::Options{});
        QVERIFY(m_encoder->listen());
        SiteSimulator::Options options;
        options.statUrl = m_stack.statUrl();
        options.playerServer = QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(m_stack.httpPort()));
        options.encoderUrl = m_encoder->url().toString();
        m_site = std::make_unique<SiteSimulator>(options);
        QVERIFY(m_site->listen());
        m_site->addLive(
            {.key = QStringLiteral("k1"), .user = QStringLiteral("alice"), .title = QStringLiteral("One")});
        m_site->addLive(
            {.key = QStringLiteral("k2"), .user = QStringLiteral("bob"), .title = QStringLiteral("Two")});
        m_site->addLive(
            {.key = QStringLiteral("k3"), .user = QStringLiteral("carol"), .title = QStringLiteral("Three")});
    }

    void cleanupTestCase() {
        m_site.reset();
        m_encoder.reset();
        m_stack.stop();
    }

    void adminClears() {
        SiteSession session(profile(), m_secrets);
        session.setCheckOptions({.grabStreams = false});
        signIn(session, QStringLiteral("admin"), QStringLiteral("admin123"));
        CachePage page(session);
        page.resize(900, 560);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* button = page.findChild<QPushButton*>(QStringLiteral("clearButton"));
        auto* answer = page.findChild<QLabel*>(QStringLiteral("clearAnswer"));
        QVERIFY(button && answer);
        QSignalSpy cleared(&session, &SiteSession::cacheCleared);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(!button->isEnabled());
        QVERIFY(cleared.wait(30000));
        QVERIFY(button->isEnabled());
        QVERIFY2(answer->text().startsWith(QStringLiteral("The site cleared the site cache")),
                 qPrintable(answer->text()));
        avld::test::saveScreenshot(page, QStringLiteral("cache-page"));
    }

    void viewerIsToldWhy() {
        SiteSession session(profile(), m_secrets);
        session.setCheckOptions({.grabStreams = false});
        signIn(session, QStringLiteral("viewer"), QStringLiteral("viewer123"));
        CachePage page(session);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy cleared(&session, &SiteSession::cacheCleared);
        page.findChild<QComboBox*>(QStringLiteral("clearMode"))->setCurrentIndex(0);
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("clearButton")), Qt::LeftButton);
        QVERIFY(cleared.wait(30000));
        const QString text = page.findChild<QLabel*>(QStringLiteral("clearAnswer"))->text();
        QVERIFY2(text.startsWith(QStringLiteral("<b>Not cleared:</b>")), qPrintable(text));
        QCOMPARE(page.findChild<QListWidget*>(QStringLiteral("changedLives"))->count(), 0);
    }

    void renewsOnlyTheTickedLives() {
        m_encoder->setMode(FakeEncoder::Mode::Working);
        SiteSession session(profile(), m_secrets);
        signInAdmin(session);
        CachePage page(session);
        page.resize(960, 760);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* lives = page.findChild<QListWidget*>(QStringLiteral("renewLives"));
        auto* renew = page.findChild<QPushButton*>(QStringLiteral("renewSelected"));
        auto* answer = page.findChild<QLabel*>(QStringLiteral("renewAnswer"));
        QVERIFY(lives && renew && answer);
        QCOMPARE(lives->count(), 3);
        QVERIFY2(liveItem(lives, QStringLiteral("k2"))->text().contains(QStringLiteral("Two — Bob · key k2")),
                 qPrintable(liveItem(lives, QStringLiteral("k2"))->text()));
        QVERIFY(!renew->isEnabled()); // nothing ticked yet

        // Select all, then none, from the buttons.
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("selectAll")), Qt::LeftButton);
        QVERIFY(renew->isEnabled());
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("selectNone")), Qt::LeftButton);
        QVERIFY(!renew->isEnabled());

        tick(lives, QStringLiteral("k1"));
        tick(lives, QStringLiteral("k3"));
        QVERIFY(renew->isEnabled());
        const qsizetype before = m_encoder->renewedStreams().size();
        QSignalSpy finished(&session, &SiteSession::renewFinished);
        QSignalSpy progress(&session, &SiteSession::renewProgress);
        QTest::mouseClick(renew, Qt::LeftButton);
        QVERIFY(!renew->isEnabled());
        QVERIFY(page.findChild<QProgressBar*>(QStringLiteral("renewProgress"))->isVisible());
        QVERIFY(finished.wait(30000));
        QCOMPARE(progress.count(), 2);

        QCOMPARE(renewedKeys(before), (QStringList{QStringLiteral("k1"), QStringLiteral("k3")}));
        QVERIFY(renew->isEnabled());
        QVERIFY2(answer->text().startsWith(QStringLiteral("The encoder served a new image for 2 of 2")),
                 qPrintable(answer->text()));
        for (const char* key : {"k1", "k3"}) {
            const QString text = liveItem(lives, QString::fromLatin1(key))->text();
            QVERIFY2(text.contains(QStringLiteral("Encoder: new image served")), qPrintable(text));
        }
        QVERIFY(!liveItem(lives, QStringLiteral("k2"))->text().contains(QStringLiteral("Encoder:")));
        // The ticks stay for the next renew.
        QCOMPARE(liveItem(lives, QStringLiteral("k1"))->checkState(), Qt::Checked);
        QCOMPARE(liveItem(lives, QStringLiteral("k2"))->checkState(), Qt::Unchecked);
        avld::test::saveScreenshot(page, QStringLiteral("cache-page-renew"));
    }

    void noEncoderUrlSaysWhy() {
        SiteSession session(profile(), m_secrets);
        session.setCheckOptions({.grabStreams = false});
        signIn(session, QStringLiteral("viewer"),
               QStringLiteral("viewer123")); // may not read the encoder URL
        waitForReport(session);
        QVERIFY(session.encoderUrl().isEmpty());
        CachePage page(session);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* lives = page.findChild<QListWidget*>(QStringLiteral("renewLives"));
        auto* renew = page.findChild<QPushButton*>(QStringLiteral("renewSelected"));
        tick(lives, QStringLiteral("k2"));
        QVERIFY(!renew->isEnabled());
        QVERIFY2(renew->toolTip().contains(QStringLiteral("sign in as an admin")),
                 qPrintable(renew->toolTip()));
        const QString text = page.findChild<QLabel*>(QStringLiteral("renewAnswer"))->text();
        QVERIFY2(text.contains(QStringLiteral("encoder address is not known")), qPrintable(text));
    }

    void encoderDownGivesPerLiveErrors() {
        SiteSession session(profile(), m_secrets);
        signInAdmin(session);
        m_encoder->setMode(FakeEncoder::Mode::Down);
        CachePage page(session);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* lives = page.findChild<QListWidget*>(QStringLiteral("renewLives"));
        tick(lives, QStringLiteral("k1"));
        tick(lives, QStringLiteral("k2"));
        QSignalSpy finished(&session, &SiteSession::renewFinished);
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("renewSelected")), Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        for (const char* key : {"k1", "k2"}) {
            const QString text = liveItem(lives, QString::fromLatin1(key))->text();
            QVERIFY2(text.contains(QStringLiteral("Encoder: error: ")) &&
                         text.contains(QStringLiteral("refused")),
                     qPrintable(text));
        }
        const QString text = page.findChild<QLabel*>(QStringLiteral("renewAnswer"))->text();
        QVERIFY2(text.contains(QStringLiteral("2 with an error")), qPrintable(text));
        m_encoder->setMode(FakeEncoder::Mode::Working);
    }
};

QTEST_MAIN(TestCachePage)
#include "tst_cachepage.moc"
