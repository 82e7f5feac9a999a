#include "encoders/encoderwatch.h"
#include "freeport.h"
#include "generator/standincontroller.h"
#include "mainwindow.h"
#include "memorysecretstore.h"
#include "screenshots.h"
#include "session/sitesession.h"
#include "settings.h"
#include "sitesimulator.h"
#include "siteswitcher.h"
#include "sitewizard.h"
#include "workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWizard>

using namespace avld;
using namespace avld::test;

// Several sites in one window: the last one opens, the chooser switches (asking for a password when no kept
// sign-in works), the wizard adds one, and a removed site's profile and kept sign-in are gone.
class TestSiteSwitcher : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<SiteSimulator> m_siteA;
    std::unique_ptr<SiteSimulator> m_siteB;
    MemorySecretStore m_secrets;
    SiteProfile m_profileA;
    SiteProfile m_profileB;

    static std::unique_ptr<SiteSimulator> startSite(int lives, const QString& prefix) {
        auto site = std::make_unique<SiteSimulator>(SiteSimulator::Options{});
        if (!site->listen())
            return nullptr;
        for (int i = 0; i < lives; ++i) {
            const QString n = QString::number(i + 1);
            site->addLive({.key = prefix + n,
                           .user = prefix + QStringLiteral("user") + n,
                           .title = prefix + QStringLiteral(" live ") + n});
        }
        return site;
    }

    static SiteProfile profileOf(const SiteSimulator& site, const QString& name) {
        SiteProfile profile;
        profile.siteUrl = site.siteUrl();
        profile.displayName = name;
        profile.userName = QStringLiteral("admin");
        return profile;
    }

    // Signed in as admin, and the site's lives read (the lives without a stream are not listed).
    static bool siteRead(SiteSwitcher& sites, const SiteSimulator& site) {
        Workspace* workspace = sites.workspace();
        return workspace && workspace->session().profile().siteUrl == site.siteUrl() &&
               workspace->session().login() && workspace->session().login()->isAdmin &&
               workspace->overview().report && !workspace->overview().report->livesError;
    }

    template <typename T> static T* topLevel(const QString& name) {
        for (QWidget* widget : QApplication::topLevelWidgets()) {
            if (auto* found = qobject_cast<T*>(widget);
                found && found->objectName() == name && found->isVisible())
                return found;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_siteA = startSite(1, QStringLiteral("a"));
        m_siteB = startSite(2, QStringLiteral("b"));
        QVERIFY(m_siteA && m_siteB);
        m_profileA = profileOf(*m_siteA, QStringLiteral("Site A"));
        m_profileB = profileOf(*m_siteB, QStringLiteral("Site B"));
        m_profileA.id = QStringLiteral("site-a"); // the kept sign-in is filed under the id
        m_profileB.id = QStringLiteral("site-b");

        // Site A's sign-in is kept (as the wizard leaves it); site B's is not.
        SiteSession session(m_profileA, m_secrets);
        QSignalSpy signedIn(&session, &SiteSession::signedIn);
        session.signIn(QStringLiteral("admin"), QStringLiteral("admin123"));
        QVERIFY(signedIn.wait(10000));
        QTRY_COMPARE(m_secrets.count(QStringLiteral("site/")), 1);
    }

    void switchAddAndRemove() {
        QSettings storage(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        SiteProfileStore store(storage);
        QCOMPARE(store.save(m_profileA), m_profileA.id);
        QCOMPARE(store.save(m_profileB), m_profileB.id);
        Settings settings(
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        QVERIFY(settings.set(Setting::LastProfile, m_profileA.id).ok());

        MainWindow window(settings);
        SiteSwitcher sites(window, settings, storage, m_secrets);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        sites.openStart();
        auto* label = window.findChild<QLabel*>(QStringLiteral("siteLabel"));
        QCOMPARE(sites.currentId(), m_profileA.id);
        QCOMPARE(label->text(), QStringLiteral("Site: Site A"));
        QTRY_VERIFY_WITH_TIMEOUT(siteRead(sites, *m_siteA), 15000);

        // A backup encoder the admin adds for site A is kept with the site.
        EncoderTarget backup;
        backup.id = QStringLiteral("backup-a");
        backup.name = QStringLiteral("Backup of A");
        backup.url = QUrl(QStringLiteral("http://127.0.0.1:9/"));
        sites.workspace()->encoders().addTarget(backup);
        const auto watches = [&sites](const QString& id) {
            if (!sites.workspace())
                return false;
            for (const EncoderSnapshot& snapshot : sites.workspace()->overview().encoders) {
                if (snapshot.target.id == id)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(watches(backup.id), 10000);

        // The chooser lists both sites; the next one is site B, without a kept sign-in.
        QComboBox* chooser = window.siteChooser();
        QCOMPARE(chooser->currentText(), QStringLiteral("Site A"));
        QVERIFY(chooser->findData(m_profileB.id) >= 0);
        QPointer<Workspace> first = sites.workspace();
        chooser->setFocus();
        QTest::keyClick(chooser, Qt::Key_Down);
        QTRY_VERIFY(first.isNull());
        QCOMPARE(sites.currentId(), m_profileB.id);
        QCOMPARE(label->text(), QStringLiteral("Site: Site B"));
        QCOMPARE(settings.get(Setting::LastProfile), m_profileB.id);

        QInputDialog* password = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (password = window.findChild<QInputDialog*>(QStringLiteral("passwordDialog"))) &&
                password->isVisible(),
            15000);
        QVERIFY(password->labelText().contains(m_profileB.siteUrl.toString()));
        avld::test::saveScreenshot(*password, QStringLiteral("site-password"));
        QTest::keyClicks(password->findChild<QLineEdit*>(), QStringLiteral("admin123"));
        QTest::keyClick(password->findChild<QLineEdit*>(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(siteRead(sites, *m_siteB), 15000);
        QTRY_COMPARE(m_secrets.count(QStringLiteral("site/")), 2); // B's sign-in is kept now
        avld::test::saveScreenshot(window, QStringLiteral("site-switched"));

        // Ctrl+Shift+N opens the wizard; cancelling it leaves site B open.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        SiteWizard* wizard = nullptr;
        QTRY_VERIFY((wizard = window.findChild<SiteWizard*>()) && wizard->isVisible());
        wizard->reject();
        QTRY_VERIFY(!window.findChild<SiteWizard*>());
        QCOMPARE(sites.currentId(), m_profileB.id);
        QCOMPARE(chooser->currentText(), QStringLiteral("Site B"));

        // Removing site B asks first, then forgets it and its kept sign-in and opens site A.
        QAction* remove = window.siteMenu()->findChild<QAction*>(QStringLiteral("removeSiteAction"));
        QVERIFY(remove && remove->isEnabled());
        remove->trigger();
        QMessageBox* confirm = nullptr;
        QTRY_VERIFY((confirm = window.findChild<QMessageBox*>(QStringLiteral("removeSiteDialog"))) &&
                    confirm->isVisible());
        QTest::mouseClick(confirm->findChild<QPushButton*>(QStringLiteral("removeButton")), Qt::LeftButton);
        QTRY_COMPARE(sites.currentId(), m_profileA.id);
        QCOMPARE(sites.profiles().size(), 1);
        QCOMPARE(chooser->findData(m_profileB.id), -1);
        QTRY_COMPARE(m_secrets.count(QStringLiteral("site/")), 1);
        QTRY_VERIFY_WITH_TIMEOUT(siteRead(sites, *m_siteA), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(watches(backup.id), 10000); // back with site A
        sites.closeSite();
        QCOMPARE(label->text(), QStringLiteral("No site configured"));
    }

    // A site added with the wizard opens with the sign-in the wizard just tested: no password asked again,
    // even on a machine without a keychain, where the site's hash cannot be kept.
    void siteAddedWithTheWizardIsNotAskedForItsPasswordAgain() {
        MemorySecretStore noKeychain;
        noKeychain.setUnavailable(true);
        std::unique_ptr<SiteSimulator> siteC = startSite(1, QStringLiteral("c"));
        QVERIFY(siteC);
        QTemporaryDir dir;
        QSettings storage(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Settings settings(
            std::make_unique<QSettings>(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        MainWindow window(settings);
        SiteSwitcher sites(window, settings, storage, noKeychain);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        sites.addSite();
        SiteWizard* wizard = nullptr;
        QTRY_VERIFY((wizard = window.findChild<SiteWizard*>()) && wizard->isVisible());
        QTest::keyClicks(wizard->findChild<QLineEdit*>(QStringLiteral("siteUrl")),
                         siteC->siteUrl().toString());
        QTest::keyClicks(wizard->findChild<QLineEdit*>(QStringLiteral("siteName")), QStringLiteral("Site C"));
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        QTest::keyClicks(wizard->findChild<QLineEdit*>(QStringLiteral("siteUser")), QStringLiteral("admin"));
        QTest::keyClicks(wizard->findChild<QLineEdit*>(QStringLiteral("sitePassword")),
                         QStringLiteral("admin123"));
        QSignalSpy tested(wizard, &SiteWizard::connectionTested);
        QTest::mouseClick(wizard->findChild<QPushButton*>(QStringLiteral("testButton")), Qt::LeftButton);
        QVERIFY(tested.wait(15000));
        QVERIFY(tested.first().at(0).toBool());
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(siteRead(sites, *siteC), 15000);
        QVERIFY(!window.findChild<QInputDialog*>(QStringLiteral("passwordDialog")));
        sites.closeSite();
    }

    // Encoders added to the demo site are not kept (the demo is not saved): leaving it says so.
    void leavingTheDemoSaysItsEncodersAreNotKept() {
        QTemporaryDir dir;
        QSettings storage(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        QVERIFY(!SiteProfileStore(storage).save(m_profileA).isEmpty());
        Settings settings(
            std::make_unique<QSettings>(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        MainWindow window(settings);
        SiteLogin demo{profileOf(*m_siteB, QStringLiteral("Demo")), QStringLiteral("admin"),
                       QStringLiteral("admin123")};
        SiteSwitcher sites(window, settings, storage, m_secrets, demo);
        QSignalSpy notices(&sites, &SiteSwitcher::notice);
        sites.openDemo();
        QVERIFY(sites.workspace());
        EncoderTarget added;
        added.id = QStringLiteral("demo-extra");
        added.name = QStringLiteral("Extra");
        added.url = QUrl(QStringLiteral("http://127.0.0.1:9/"));
        added.origin = EncoderOrigin::AdminAdded;
        sites.workspace()->encoders().addTarget(added);
        QTRY_VERIFY_WITH_TIMEOUT(!sites.workspace()->overview().encoders.isEmpty(), 10000);
        sites.openProfile(m_profileA.id);
        QString said;
        for (const QList<QVariant>& notice : notices)
            if (notice.at(0).toString() == QStringLiteral("Demo encoders not kept"))
                said = notice.at(1).toString();
        QVERIFY2(said.startsWith(QStringLiteral("The encoder you added to the demo site is not kept")),
                 qPrintable(said));
        sites.closeSite();
    }

    // The stand-in keeps its Encoder URL for a site: across a switch to another site and back, and across
    // a restart of the app (new window, same settings and keychain). Another site has its own.
    void standinUrlIsKeptPerSite() {
        const QString ini = m_dir.filePath(QStringLiteral("standin.ini"));
        const QString files = m_dir.filePath(QStringLiteral("standin-files"));
        QSettings storage(ini, QSettings::IniFormat);
        SiteProfileStore store(storage);
        QCOMPARE(store.save(m_profileA), m_profileA.id);
        QCOMPARE(store.save(m_profileB), m_profileB.id);

        // Opens `id` in a fresh window, starts its stand-in, returns the URL it serves at.
        const auto standinUrlOf = [&](const QString& id, SiteSwitcher& sites) -> QUrl {
            if (sites.currentId() != id)
                sites.openProfile(id); // as the site chooser does
            if (!QTest::qWaitFor(
                    [&] {
                        return sites.currentId() == id && sites.workspace() &&
                               !sites.workspace()->standinKeptIn().isEmpty();
                    },
                    10000))
                return {};
            Workspace& workspace = *sites.workspace();
            workspace.startStandIn();
            if (!QTest::qWaitFor([&] { return workspace.standIn().isRunning(); }, 10000))
                return {};
            return workspace.standIn().baseUrl();
        };

        // The app as it starts: settings, window and site switcher over the same files and keychain.
        struct App {
            Settings settings;
            MainWindow window{settings};
            SiteSwitcher sites;
            App(const QString& ini, QSettings& storage, SecretStore& secrets, const QString& files)
                : settings(std::make_unique<QSettings>(ini, QSettings::IniFormat))
                , sites(window, settings, storage, secrets) {
                sites.setStandinFileDirectory(files);
                window.show();
            }
        };

        QUrl firstA;
        QUrl firstB;
        {
            Settings settings(std::make_unique<QSettings>(ini, QSettings::IniFormat));
            QVERIFY(settings.set(Setting::LastProfile, m_profileA.id).ok());
            QVERIFY(settings.set(Setting::GeneratorPort, int(freeLoopbackPort())).ok());
        }
        {
            App app(ini, storage, m_secrets, files);
            QVERIFY(QTest::qWaitForWindowExposed(&app.window));
            app.sites.openStart();
            firstA = standinUrlOf(m_profileA.id, app.sites);
            QVERIFY2(firstA.isValid() && !firstA.isEmpty(), "site A's stand-in did not start");
            QVERIFY(QRegularExpression(QStringLiteral("/[0-9a-f]{32}/$")).match(firstA.path()).hasMatch());
            QCOMPARE(app.sites.workspace()->standinKeptIn(), QStringLiteral("the memory (tests)"));

            firstB = standinUrlOf(m_profileB.id, app.sites);
            QVERIFY(!firstB.isEmpty());
            QVERIFY(firstB.path() != firstA.path());

            QCOMPARE(standinUrlOf(m_profileA.id, app.sites), firstA);
            app.sites.closeSite();
        }
        // The app restarts.
        App app(ini, storage, m_secrets, files);
        QVERIFY(QTest::qWaitForWindowExposed(&app.window));
        app.sites.openStart();
        QCOMPARE(standinUrlOf(m_profileA.id, app.sites), firstA);
        QCOMPARE(standinUrlOf(m_profileB.id, app.sites), firstB);
        app.sites.closeSite();
    }
};

QTEST_MAIN(TestSiteSwitcher)
#include "tst_siteswitcher.moc"
