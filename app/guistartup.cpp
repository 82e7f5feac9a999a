#include "guistartup.h"

#include "demosite.h"
#include "keychainsecretstore.h"
#include "logbuffer.h"
#include "logging.h"
#include "logpage.h"
#include "mainwindow.h"
#include "settings.h"
#include "settingspage.h"
#include "sitewizard.h"
#include "traynotifier.h"
#include "uiresources.h"
#include "version.h"
#include "workspace.h"

#include <QApplication>
#include <QIcon>
#include <QSettings>
#include <QTimer>

#include <memory>

namespace avld {

namespace {

struct Opening {
    SiteProfile profile;
    QString user;
    std::optional<QString> password;
};

std::optional<Opening> chooseSite(Settings& settings, QSettings& storage) {
    const QString last = settings.get(Setting::LastProfile);
    if (!last.isEmpty()) {
        SiteProfileStore store(storage);
        for (const SiteProfile& profile : store.load()) {
            if (profile.id == last)
                return Opening{profile, profile.userName, std::nullopt};
        }
    }
    const QString demoInfo = qEnvironmentVariable("AVLD_DEMO_INFO");
    if (demoInfo.isEmpty())
        return std::nullopt;
    const Result<DemoSite> demo = readDemoSite(demoInfo);
    if (!demo) {
        qCWarning(lcUi).noquote() << demo.error().toString();
        return std::nullopt;
    }
    return Opening{demo->profile, demo->adminUser, demo->adminPassword};
}

} // namespace

int runGui(int argc, char** argv) {
    QApplication app(argc, argv);
    initUiResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    LogBuffer log;
    log.install();
    QSettings storage;
    Settings settings(std::make_unique<QSettings>());
    KeychainSecretStore secrets(QStringLiteral(AVLD_APP_NAME));
    MainWindow window(settings);
    window.setPageWidget(MainWindow::Page::Log, new LogPage(log));
    auto* settingsPage = new SettingsPage(settings);
    settingsPage->setSecretStore(&secrets);
    window.setPageWidget(MainWindow::Page::Settings, settingsPage);
    TrayNotifier tray(&window, settings);

    std::unique_ptr<Workspace> workspace;
    const auto open = [&](const Opening& opening) {
        workspace = std::make_unique<Workspace>(window, settings, opening.profile, secrets);
        QObject::connect(
            workspace.get(), &Workspace::notice, &tray,
            [&tray](const QString& title, const QString& message) { tray.notify(title, message); });
        workspace->open(opening.user, opening.password);
    };
    if (const std::optional<Opening> opening = chooseSite(settings, storage)) {
        open(*opening);
    } else {
        // No site yet: the wizard adds one (or opens the demo when it runs).
        QTimer::singleShot(0, &window, [&] {
            SiteWizard wizard(secrets, &window);
            wizard.offerDemo(!qEnvironmentVariableIsEmpty("AVLD_DEMO_INFO"));
            if (wizard.exec() != QDialog::Accepted || wizard.demoRequested())
                return;
            SiteProfileStore store(storage);
            SiteProfile profile = wizard.profile();
            profile.id = store.save(profile);
            (void)settings.set(Setting::LastProfile, profile.id);
            open(Opening{profile, profile.userName, std::nullopt}); // the wizard kept the hash
        });
    }
    window.show();
    const int code = app.exec();
    workspace.reset(); // before the window its pages live in
    log.uninstall();
    return code;
}

} // namespace avld
