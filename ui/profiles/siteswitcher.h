#pragma once

#include "site/siteprofile.h"

#include <QObject>

#include <memory>
#include <optional>

class QActionGroup;
class QSettings;

namespace avld {

class MainWindow;
class SecretStore;
class Settings;
class SiteWizard;
class Workspace;

// A site and how to sign in to it: the kept sign-in is tried when no password is given.
struct SiteLogin {
    SiteProfile profile;
    QString user;
    std::optional<QString> password;
};

// The sites the window can show: the saved profiles, and the local demo site when one runs. Keeps one
// Workspace open at a time, fills the window's site chooser and Site menu, and adds and removes profiles.
class SiteSwitcher : public QObject {
    Q_OBJECT
public:
    static inline const QString kDemoId = QStringLiteral("demo");

    SiteSwitcher(MainWindow& window, Settings& settings, QSettings& storage, SecretStore& secrets,
                 std::optional<SiteLogin> demo = std::nullopt, QObject* parent = nullptr);
    ~SiteSwitcher() override;

    // The last site used, else the demo site, else the wizard.
    void openStart();
    // `password`: one the admin just gave (the wizard's); otherwise the kept sign-in is tried.
    void openProfile(const QString& id, std::optional<QString> password = std::nullopt);
    void openDemo();
    // Runs the wizard (window-modal, without blocking); a site added is opened.
    void addSite();
    // Asks first; then forgets the profile, its kept sign-in and its encoder history.
    void removeCurrent();
    // Closes the open site (after asking, when its site uses the stand-in running here).
    void closeSite();
    // Closes the open site without asking: the app is ending (a quit the admin confirmed, or the session).
    void shutDown();

    Workspace* workspace() const { return m_workspace.get(); }
    // The open profile's id, kDemoId for the demo, empty when none is open.
    QString currentId() const { return m_currentId; }
    QList<SiteProfile> profiles() const;
    // Where stand-in secrets go when no keychain runs (StandinIdentityStore::defaultDirectory(); tests).
    void setStandinFileDirectory(const QString& directory) { m_standinFiles = directory; }

Q_SIGNALS:
    void workspaceChanged(avld::Workspace* workspace);
    void notice(const QString& title, const QString& message);

private:
    void open(const SiteLogin& login, const QString& id);
    // Asks before a stand-in the site uses stops (Workspace::confirmStandInStop); false: stay.
    // Leaving the demo: the encoders the admin added to it go with it; say so (notice).
    void sayWhatTheDemoDoesNotKeep();
    bool mayLeaveCurrent(const QString& action);
    void openFirstAvailable();
    void forget(const SiteProfile& profile);
    void refreshChoices();
    void onChosen(int index);

    MainWindow& m_window;
    Settings& m_settings;
    QSettings& m_storage;
    SecretStore& m_secrets;
    std::optional<SiteLogin> m_demo;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<SiteWizard> m_wizard;
    QString m_currentId;
    QActionGroup* m_siteActions = nullptr;
    QString m_standinFiles;
};

} // namespace avld
