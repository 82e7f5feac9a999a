#include "cachepage.h"
#include "memorysecretstore.h"
#include "screenshots.h"
#include "session/sitesession.h"
#include "sitesimulator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace avld;
using namespace avld::test;

// The Cache page against the site simulator: the click clears, the site's answer and the changed lives show;
// an account that may not clear gets the reason and what to do.
class TestCachePage : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<SiteSimulator> m_site;
    MemorySecretStore m_secrets;

    SiteProfile profile() const {
        SiteProfile p;
        p.id = QStringLiteral("cache-page");
        p.siteUrl = m_site->siteUrl();
        return p;
    }

    void signIn(SiteSession& session, const QString& user, const QString& password) {
        QSignalSpy signedIn(&session, &SiteSession::signedIn);
        session.signIn(user, password);
        QVERIFY(signedIn.wait(15000));
    }

private Q_SLOTS:
    void initTestCase() {
        m_site = std::make_unique<SiteSimulator>(SiteSimulator::Options{});
        QVERIFY(m_site->listen());
        m_site->addLive(
            {.key = QStringLiteral("k1"), .user = QStringLiteral("alice"), .title = QStringLiteral("One")});
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
};

QTEST_MAIN(TestCachePage)
#include "tst_cachepage.moc"
