// The switch through the window against the real AVideo 11.7: its encoder is down and the gallery shows the
// ONLINE card; the admin starts the stand-in from the dashboard, changes the Encoder URL in the site's admin
// pages (here the fixture's SQL shortcut), says so with "I changed it — check now"; the window reads the new
// URL, offers the cache clear, and after it the tiles show real frames and the verification meets its three
// checks. The same flow as tst_seedscenario, with the real site as the judge.

#include "freeport.h"
#include "generator/standincontroller.h"
#include "livesmodel.h"
#include "mainwindow.h"
#include "memorysecretstore.h"
#include "realsiteactions.h"
#include "realsiteinfo.h"
#include "screenshots.h"
#include "session/sitesession.h"
#include "settings.h"
#include "site/siteclient.h"
#include "switchstepsdialog.h"
#include "workspace.h"

#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace avld;
using namespace avld::test;

namespace {

int realTiles(const QAbstractItemModel* model) {
    int real = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data(LivesModel::SiteClassRole).toInt() == int(ThumbnailClass::RealFrame))
            ++real;
    return real;
}

} // namespace

class TestRealsiteSwitch : public QObject {
    Q_OBJECT
private:
    RealsiteInfo m_site;
    QTemporaryDir m_dir;
    MemorySecretStore m_secrets;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Workspace> m_workspace;

    QPushButton* findingAction() const {
        return m_window->findChild<QPushButton*>(QStringLiteral("findingAction"));
    }
    QLabel* findingLabel() const { return m_window->findChild<QLabel*>(QStringLiteral("findingLabel")); }

private Q_SLOTS:
    void initTestCase() {
        AVLD_REQUIRE_REALSITE(m_site);
        const Status down = m_site.setEncoderUrl(m_site.encoderUrl); // as the fixture starts: encoder down
        QVERIFY2(down.ok(), qPrintable(down.ok() ? QString() : down.error().toString()));
        m_settings = std::make_unique<Settings>(
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        QVERIFY(m_settings->set(Setting::FailuresBeforeDown, 1).ok());
        QVERIFY(m_settings->set(Setting::LivesRefreshSeconds, 3600).ok());
        QVERIFY(m_settings->set(Setting::GeneratorPort, int(freeLoopbackPort())).ok());
        m_window = std::make_unique<MainWindow>(*m_settings);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        SiteProfile profile;
        profile.id = QStringLiteral("real");
        profile.displayName = QStringLiteral("Real AVideo");
        profile.siteUrl = m_site.siteUrl;
        m_workspace = std::make_unique<Workspace>(*m_window, *m_settings, profile, m_secrets);
        m_workspace->open(m_site.adminUser, m_site.adminPassword);
    }

    void cleanupTestCase() {
        if (m_site.siteUrl.isValid())
            (void)m_site.setEncoderUrl(m_site.encoderUrl);
        m_workspace.reset();
        m_window.reset();
    }

    void switchConfirmClearRealFrames() {
        // The encoder is down: the dashboard says so and offers the stand-in.
        QTRY_COMPARE_WITH_TIMEOUT(findingAction()->text(), QStringLiteral("Start the stand-in"), 60000);
        QTest::mouseClick(findingAction(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->standIn().isRunning(), 15000);
        m_window->showPage(MainWindow::Page::Dashboard);
        QTRY_COMPARE_WITH_TIMEOUT(findingAction()->text(), QStringLiteral("Switch the site to it…"), 10000);

        // The admin changes the Encoder URL in the site's admin pages (here SQL, the fixture's shortcut, then
        // the drop of AVideo's cached configuration that saving the form does: Configuration::getEncoderURL()
        // keeps the old value up to 60 s otherwise), then says so in the switch dialog.
        const QUrl standIn = m_workspace->overview().standInUrl;
        QVERIFY(!standIn.isEmpty());
        const Status set = m_site.setEncoderUrl(standIn);
        QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().toString()));
        QNetworkAccessManager network;
        SiteProfile adminProfile;
        adminProfile.siteUrl = m_site.siteUrl;
        SiteClient admin(network, adminProfile);
        QVERIFY(waitFor<LoginInfo>(
            [&](auto done) { admin.login(m_site.adminUser, m_site.adminPassword, done); }));
        QVERIFY(waitFor<CacheClearReport>([&](auto done) { admin.clearCache(CacheClearMode::Full, done); }));
        QTimer::singleShot(300, this, [&] {
            if (auto* dialog = qobject_cast<SwitchStepsDialog*>(QApplication::activeModalWidget()))
                QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("checkNowButton")),
                                  Qt::LeftButton);
        });
        QTest::mouseClick(findingAction(), Qt::LeftButton);

        // The window reads the real site's Encoder URL, sees its stand-in and offers the cache clear.
        QMessageBox* switched = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((switched = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) &&
                                     switched->objectName() == QStringLiteral("switchedDialog"),
                                 30000);
        QVERIFY(m_workspace->siteUsesStandIn());
        QTest::mouseClick(switched->findChild<QPushButton*>(QStringLiteral("clearAfterSwitchButton")),
                          Qt::LeftButton);

        // AVideo's own getImage.php now serves the stand-in's frames: the tiles turn real.
        auto* view = m_window->findChild<QListView*>(QStringLiteral("livesView"));
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(realTiles(view->model()) >= 1, 90000);
        m_window->showPage(MainWindow::Page::Dashboard);
        QTRY_VERIFY2_WITH_TIMEOUT(
            findingLabel()->text().contains(QStringLiteral("from this computer's stand-in")),
            qPrintable(findingLabel()->text()), 30000);
        saveScreenshot(*m_window, QStringLiteral("realsite-dashboard-after-switch"));

        // The verification meets its three checks against the real site.
        m_window->showPage(MainWindow::Page::Generator);
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("verifyButton")), Qt::LeftButton);
        auto* verdict = m_window->findChild<QLabel*>(QStringLiteral("verificationLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(verdict->text().startsWith(QStringLiteral("the site now serves")), 30000);
        QVERIFY2(verdict->text().count(QStringLiteral("✓")) == 3, qPrintable(verdict->text()));
        saveScreenshot(*m_window, QStringLiteral("realsite-standin-verified"));
    }
};

QTEST_MAIN(TestRealsiteSwitch)
#include "tst_realsite_switch.moc"
