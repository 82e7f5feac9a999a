#include "siteswitcher.h"

#include "encoders/encoderhistory.h"
#include "generator/standinidentity.h"
#include "logging.h"
#include "mainwindow.h"
#include "secretstore.h"
#include "session/followedlivesstore.h"
#include "settings.h"
#include "sitewizard.h"
#include "workspace.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QTimer>

#include <algorithm>

namespace avld {

namespace {

const QString kAddChoice = QStringLiteral("add");

QString nameOf(const SiteProfile& profile) {
    return profile.displayName.isEmpty() ? profile.siteUrl.host() : profile.displayName;
}

} // namespace

SiteSwitcher::SiteSwitcher(MainWindow& window, Settings& settings, QSettings& storage, SecretStore& secrets,
                           std::optional<SiteLogin> demo, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_settings(settings)
    , m_storage(storage)
    , m_secrets(secrets)
    , m_demo(std::move(demo)) {
    QMenu* menu = m_window.siteMenu();
    QAction* add = menu->addAction(tr("&Add a site…"), this, &SiteSwitcher::addSite);
    add->setObjectName(QStringLiteral("addSiteAction"));
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    QAction* remove = menu->addAction(tr("&Remove this site…"), this, &SiteSwitcher::removeCurrent);
    remove->setObjectName(QStringLiteral("removeSiteAction"));
    menu->addSeparator();
    m_siteActions = new QActionGroup(this);
    connect(m_window.siteChooser(), &QComboBox::activated, this, &SiteSwitcher::onChosen);
    refreshChoices();
}

SiteSwitcher::~SiteSwitcher() {
    m_wizard.reset();
    m_workspace.reset(); // before the window its pages live in
}

QList<SiteProfile> SiteSwitcher::profiles() const {
    return SiteProfileStore(m_storage).load();
}

void SiteSwitcher::openStart() {
    const QString last = m_settings.get(Setting::LastProfile);
    for (const SiteProfile& profile : profiles()) {
        if (profile.id == last)
            return openProfile(profile.id);
    }
    if (m_demo)
        return openDemo();
    refreshChoices();
    // Nothing to show yet: ask for a site once the window is up.
    QTimer::singleShot(0, this, &SiteSwitcher::addSite);
}

void SiteSwitcher::openProfile(const QString& id, std::optional<QString> password) {
    for (const SiteProfile& profile : profiles()) {
        if (profile.id != id)
            continue;
        (void)m_settings.set(Setting::LastProfile, id);
        return open(SiteLogin{profile, profile.userName, std::move(password)}, id);
    }
    qCWarning(lcUi) << "no saved site with id" << id;
}

void SiteSwitcher::openDemo() {
    if (!m_demo)
        return;
    (void)m_settings.set(Setting::LastProfile, QString());
    open(*m_demo, kDemoId);
}

bool SiteSwitcher::mayLeaveCurrent(const QString& action) {
    if (!m_workspace || m_workspace->confirmStandInStop(action))
        return true;
    // Staying: the chooser and the site to open next time go back to the open site.
    if (!m_currentId.isEmpty() && m_currentId != kDemoId)
        (void)m_settings.set(Setting::LastProfile, m_currentId);
    refreshChoices();
    return false;
}

void SiteSwitcher::open(const SiteLogin& login, const QString& id) {
    if (m_workspace && !mayLeaveCurrent(tr("Opening %1").arg(nameOf(login.profile))))
        return;
    sayWhatTheDemoDoesNotKeep();
    m_workspace.reset(); // the old site's pages and monitors go first
    m_currentId = id;
    m_workspace = std::make_unique<Workspace>(m_window, m_settings, login.profile, m_secrets);
    connect(m_workspace.get(), &Workspace::notice, this, &SiteSwitcher::notice);
    if (id != kDemoId) {
        m_workspace->keepEncodersIn(m_storage);
        m_workspace->keepStandinIn(
            m_storage, m_standinFiles.isEmpty() ? StandinIdentityStore::defaultDirectory() : m_standinFiles);
        // A live silent (still, black) before the window closed is still followed when it opens again.
        m_workspace->keepFollowedLivesIn(FollowedLivesStore::pathFor(login.profile));
    }
    m_workspace->open(login.user, login.password);
    refreshChoices();
    Q_EMIT workspaceChanged(m_workspace.get());
}

void SiteSwitcher::closeSite() {
    if (!mayLeaveCurrent(tr("Closing the site")))
        return;
    sayWhatTheDemoDoesNotKeep();
    shutDown();
}

void SiteSwitcher::sayWhatTheDemoDoesNotKeep() {
    if (!m_workspace || m_currentId != kDemoId)
        return;
    int added = 0;
    for (const EncoderSnapshot& snapshot : m_workspace->overview().encoders)
        added += snapshot.target.origin == EncoderOrigin::AdminAdded ? 1 : 0;
    if (added > 0)
        Q_EMIT notice(tr("Demo encoders not kept"),
                      (added == 1
                           ? tr("The encoder you added to the demo site is not kept")
                           : tr("The %1 encoders you added to the demo site are not kept").arg(added)) +
                          tr(": the demo is not saved. Add them to a saved site to watch them there."));
}

void SiteSwitcher::shutDown() {
    m_workspace.reset();
    m_currentId.clear();
    refreshChoices();
    Q_EMIT workspaceChanged(nullptr);
}

void SiteSwitcher::openFirstAvailable() {
    const QList<SiteProfile> saved = profiles();
    if (!saved.isEmpty())
        return openProfile(saved.first().id);
    if (m_demo)
        return openDemo();
    closeSite();
}

void SiteSwitcher::addSite() {
    if (m_wizard)
        return m_wizard->raise();
    m_wizard = std::make_unique<SiteWizard>(m_secrets, &m_window);
    m_wizard->setWindowModality(Qt::WindowModal);
    m_wizard->offerDemo(m_demo.has_value());
    connect(m_wizard.get(), &QDialog::finished, this, [this](int result) {
        SiteWizard* wizard = m_wizard.release();
        wizard->deleteLater();
        if (result != QDialog::Accepted)
            return refreshChoices();
        if (wizard->demoRequested())
            return openDemo();
        SiteProfile profile = wizard->profile();
        profile.id = SiteProfileStore(m_storage).save(profile);
        m_storage.sync();
        // The sign-in the wizard just tested, not a question right after it (the site returns the hash the
        // session then keeps).
        const QString password = wizard->password();
        openProfile(profile.id, password.isEmpty() ? std::nullopt : std::optional<QString>(password));
    });
    m_wizard->open();
}

void SiteSwitcher::removeCurrent() {
    if (m_currentId.isEmpty() || m_currentId == kDemoId)
        return;
    std::optional<SiteProfile> current;
    for (const SiteProfile& profile : profiles()) {
        if (profile.id == m_currentId)
            current = profile;
    }
    if (!current)
        return;
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Remove %1?").arg(nameOf(*current)),
        tr("Forget %1 (%2)? Its kept sign-in and its encoder history are deleted; the site itself is "
           "not changed.")
            .arg(nameOf(*current), current->siteUrl.toString()),
        QMessageBox::Cancel, &m_window);
    box->setObjectName(QStringLiteral("removeSiteDialog"));
    box->addButton(tr("Remove"), QMessageBox::DestructiveRole)->setObjectName(QStringLiteral("removeButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setWindowModality(Qt::WindowModal);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, profile = *current](QAbstractButton* button) {
        if (box->buttonRole(button) != QMessageBox::DestructiveRole)
            return;
        forget(profile);
        openFirstAvailable();
    });
    box->open();
}

void SiteSwitcher::forget(const SiteProfile& profile) {
    if (m_currentId == profile.id) {
        m_workspace.reset(); // it holds the history database open
        m_currentId.clear();
    }
    SiteProfileStore(m_storage).remove(profile.id);
    m_storage.sync();
    if (m_settings.get(Setting::LastProfile) == profile.id)
        (void)m_settings.set(Setting::LastProfile, QString());
    m_secrets.remove(profile.secretKey(QStringLiteral("passwordHash/") + profile.userName), [](Status done) {
        if (!done.ok() && done.error().code != QStringLiteral("not-found"))
            qCWarning(lcUi).noquote() << "the kept sign-in could not be removed:" << done.error().toString();
    });
    // The history belongs to the site: another profile of the same site (another account) keeps using it.
    const QList<SiteProfile> remaining = profiles();
    const bool siteStillUsed = std::any_of(remaining.begin(), remaining.end(), [&](const SiteProfile& other) {
        return other.siteKey() == profile.siteKey();
    });
    QStringList files = SiteWorkspace::olderHistoryPaths(profile);
    if (!siteStillUsed)
        files.append(SiteWorkspace::historyPath(profile));
    for (const QString& file : std::as_const(files))
        EncoderHistory::removeFiles(file);
    qCInfo(lcUi).noquote() << "removed the site" << profile.siteUrl.toString();
}

void SiteSwitcher::refreshChoices() {
    const QList<SiteProfile> saved = profiles();
    QComboBox* chooser = m_window.siteChooser();
    const QSignalBlocker blocker(chooser);
    chooser->clear();
    for (const SiteProfile& profile : saved)
        chooser->addItem(nameOf(profile), profile.id);
    if (m_demo)
        chooser->addItem(tr("Demo site (local)"), kDemoId);
    if (m_currentId.isEmpty())
        chooser->addItem(tr("No site open"), QString());
    chooser->insertSeparator(chooser->count());
    chooser->addItem(tr("Add a site…"), kAddChoice);
    chooser->setCurrentIndex(qMax(0, chooser->findData(m_currentId)));
    chooser->show();

    QMenu* menu = m_window.siteMenu();
    for (QAction* action : m_siteActions->actions()) {
        menu->removeAction(action);
        delete action;
    }
    const auto addSiteAction = [&](const QString& name, const QString& id) {
        QAction* action = menu->addAction(name);
        action->setCheckable(true);
        action->setChecked(id == m_currentId);
        action->setActionGroup(m_siteActions);
        connect(action, &QAction::triggered, this, [this, id] {
            if (id != m_currentId)
                id == kDemoId ? openDemo() : openProfile(id);
        });
    };
    for (const SiteProfile& profile : saved)
        addSiteAction(nameOf(profile), profile.id);
    if (m_demo)
        addSiteAction(tr("Demo site (local)"), kDemoId);
    for (QAction* action : menu->actions()) {
        if (action->objectName() == QStringLiteral("removeSiteAction"))
            action->setEnabled(!m_currentId.isEmpty() && m_currentId != kDemoId);
    }
}

void SiteSwitcher::onChosen(int index) {
    const QString id = m_window.siteChooser()->itemData(index).toString();
    if (id == kAddChoice) {
        refreshChoices(); // the chooser goes back to the open site while the wizard runs
        return addSite();
    }
    if (id.isEmpty() || id == m_currentId)
        return;
    // Not from inside the combo box's own signal: the switch rebuilds the window's pages.
    QTimer::singleShot(0, this, [this, id] { id == kDemoId ? openDemo() : openProfile(id); });
}

} // namespace avld
