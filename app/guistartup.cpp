#include "guistartup.h"

#include "alerts/alertcenter.h"
#include "alertssection.h"
#include "clock.h"
#include "demosite.h"
#include "focusringstyle.h"
#include "keychainsecretstore.h"
#include "logbuffer.h"
#include "logging.h"
#include "logpage.h"
#include "mainwindow.h"
#include "session/sitesession.h"
#include "settings.h"
#include "settingspage.h"
#include "siteswitcher.h"
#include "trayalerts.h"
#include "traynotifier.h"
#include "uilanguage.h"
#include "uiresources.h"
#include "uitranslators.h"
#include "version.h"
#include "workspace.h"

#include <QApplication>
#include <QIcon>
#include <QSettings>

#include <memory>

namespace avld {

namespace {

// The demo site scripts/run.sh starts, when $AVLD_DEMO_INFO names its file.
std::optional<SiteLogin> demoSite() {
    const QString demoInfo = qEnvironmentVariable("AVLD_DEMO_INFO");
    if (demoInfo.isEmpty())
        return std::nullopt;
    const Result<DemoSite> demo = readDemoSite(demoInfo);
    if (!demo) {
        qCWarning(lcUi).noquote() << demo.error().toString();
        return std::nullopt;
    }
    return SiteLogin{demo->profile, demo->adminUser, demo->adminPassword};
}

} // namespace

int runGui(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setStyle(new FocusRingStyle); // the platform's style, with a focus ring one can see
    initUiResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    // The desktop file's name (packaging/): Wayland compositors and task bars find the icon and name by it.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.avideo_live_doctor"));
    LogBuffer log;
    log.install();
    QSettings storage;
    Settings settings(std::make_unique<QSettings>());
    applyLogLevel(settings.get(Setting::LogLevel));
    // Before any widget exists: the language is read once, at start-up (Settings says so beside it).
    const UiTranslators translators(uiLocale(settings.get(Setting::Language)));
    QObject::connect(&settings, &Settings::changed, [&settings](SettingId id) {
        if (id == SettingId::LogLevel)
            applyLogLevel(settings.get(Setting::LogLevel));
    });
    KeychainSecretStore secrets(QStringLiteral(AVLD_APP_NAME));
    MainWindow window(settings);
    window.setPageWidget(MainWindow::Page::Log, new LogPage(log));
    auto* settingsPage = new SettingsPage(settings);
    settingsPage->setSecretStore(&secrets);
    window.setPageWidget(MainWindow::Page::Settings, settingsPage);
    TrayNotifier tray(&window, settings);
    tray.setQuitGuard([&window] { return window.mayQuit(); });
    settingsPage->setTrayAvailable(tray.isAvailable());

    AlertCenter alerts(storage, secrets, Clock::system());
    settingsPage->addSection(new AlertsSection(alerts));
    showAlertsInTray(alerts.lifecycle(), tray);
    QObject::connect(&alerts, &AlertCenter::problem, &tray,
                     [&tray](const QString& text) { tray.notify(QObject::tr("Alert not delivered"), text); });

    SiteSwitcher sites(window, settings, storage, secrets, demoSite());
    QObject::connect(&sites, &SiteSwitcher::workspaceChanged, &alerts, [&alerts](Workspace* workspace) {
        alerts.withdrawAll(); // the old site is no longer watched
        if (!workspace)
            return;
        alerts.follow(workspace->encoders());
        SiteWorkspace& site = workspace->site();
        QObject::connect(
            &site, &SiteWorkspace::checked, &alerts, [&alerts, &site](const SiteCheckReport& report) {
                const SiteProfile& profile = site.session().profile();
                alerts.noteLivesCheck(
                    profile.displayName.isEmpty() ? profile.siteUrl.host() : profile.displayName,
                    profile.siteKey(), report, site.pictures().pictures(), site.silence().sounds());
            });
    });
    QObject::connect(&sites, &SiteSwitcher::notice, &tray,
                     [&tray](const QString& title, const QString& message) { tray.notify(title, message); });
    sites.openStart();
    window.show();
    const int code = app.exec();
    sites.shutDown(); // before the window its pages live in; the quit was confirmed already
    log.uninstall();
    return code;
}

} // namespace avld
