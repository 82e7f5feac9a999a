#include "workspace.h"

#include "cachepage.h"
#include "dashboardpage.h"
#include "encoders/encoderwatch.h"
#include "encoderspage.h"
#include "generator/standincontroller.h"
#include "generator/standinidentity.h"
#include "generator/standinurl.h"
#include "generatorpage.h"
#include "livedetailwindow.h"
#include "livespage.h"
#include "logging.h"
#include "maskedurl.h"
#include "session/livepreview.h"
#include "session/sitefinding.h"
#include "session/sitesession.h"
#include "settings.h"
#include "switchstepsdialog.h"

#include <QDir>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

namespace avld {

namespace {

EncoderTarget siteEncoderTarget(const QUrl& url) {
    EncoderTarget target;
    target.id = QStringLiteral("site:") + url.toString();
    target.name = url.host();
    target.url = url;
    target.origin = EncoderOrigin::SiteConfigured;
    return target;
}

} // namespace

QString Workspace::historyPath(const SiteProfile& profile) {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("history-%1.sqlite").arg(profile.id));
}

Workspace::Workspace(MainWindow& window, Settings& settings, SiteProfile profile, SecretStore& secrets,
                     QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_settings(settings)
    , m_session(std::make_unique<SiteSession>(std::move(profile), secrets))
    , m_watch(std::make_unique<EncoderWatch>())
    , m_standIn(std::make_unique<StandInController>())
    , m_secrets(secrets) {
    m_overview.siteName = m_session->profile().displayName.isEmpty() ? m_session->profile().siteUrl.host()
                                                                     : m_session->profile().displayName;
    buildPages();

    connect(m_session.get(), &SiteSession::reportReady, this, &Workspace::onReport);
    connect(m_session.get(), &SiteSession::refreshStarted, this, [this] { m_lives->setBusy(true); });
    connect(m_session.get(), &SiteSession::encoderUrlChanged, this, &Workspace::onSiteEncoderUrl);
    connect(this, &Workspace::notice, this, [this](const QString& title, const QString& message) {
        remember(title + QStringLiteral(": ") + message);
    });
    connect(m_session.get(), &SiteSession::cacheCleared, this, [this](const CacheClearOutcome& outcome) {
        remember(outcome.clear
                     ? tr("The site's live caches were cleared; %1 live(s) show another picture now.")
                           .arg(outcome.changed.size())
                     : tr("The live caches could not be cleared: %1").arg(outcome.clear.error().toString()));
    });
    connect(m_session.get(), &SiteSession::signInFailed, this, [this](const Error& error) {
        if (error.code == QStringLiteral("password-needed"))
            return askPassword();
        m_lives->setError(tr("Not signed in: %1").arg(error.toString()));
        Q_EMIT notice(tr("Not signed in"), error.toString());
    });
    connect(m_watch.get(), &EncoderWatch::snapshotsChanged, this, [this](const QList<EncoderSnapshot>& all) {
        m_overview.encoders = all;
        if (m_targetStore) {
            QList<EncoderTarget> targets;
            for (const EncoderSnapshot& snapshot : all)
                targets.append(snapshot.target);
            m_targetStore->save(targets);
        }
        publishOverview();
    });
    connect(m_watch.get(), &EncoderWatch::alert, this,
            [this](const EncoderStateChange& change, const EncoderTarget& target) {
                Q_EMIT notice(
                    tr("Encoder %1").arg(target.name),
                    tr("%1 → %2: %3")
                        .arg(encoderStateName(change.from), encoderStateName(change.to), change.reason));
            });
    connect(m_standIn.get(), &StandInController::started, this, [this](const QUrl&) {
        keepStandinIdentity();
        m_overview.standInRunning = true;
        const Result<QUrl> url = m_standIn->encoderUrlFor();
        m_overview.standInUrl = url ? *url : QUrl();
        remember(tr("The stand-in started at %1.").arg(maskedUrl(m_overview.standInUrl)));
        publishOverview();
    });
    connect(m_standIn.get(), &StandInController::failed, this, [this](const Error& error) {
        remember(tr("The stand-in could not start: %1").arg(error.toString()));
        m_window.showPage(MainWindow::Page::Generator);
    });
    connect(m_standIn.get(), &StandInController::stopped, this, [this] {
        remember(tr("The stand-in stopped."));
        m_overview.standInRunning = false;
        m_overview.standInUrl = QUrl();
        publishOverview();
    });

    m_session->followSettings(m_settings);
    m_window.setQuitGuard([this] { return confirmStandInStop(tr("Quitting")); });
}

Workspace::~Workspace() {
    m_window.setQuitGuard({});
    m_detail.reset();
    m_passwordDialog.reset();
    // The pages show the objects below: they go first, now rather than later.
    const QList<QPointer<QWidget>> pages = {m_dashboard, m_lives, m_encodersPage, m_cache, m_generator};
    m_window.resetSitePages();
    for (const QPointer<QWidget>& page : pages)
        delete page.data();
    m_previews.reset();
    m_watch->stop();
    m_standIn->stop();
}

void Workspace::buildPages() {
    m_dashboard = new DashboardPage;
    m_lives = new LivesPage;
    m_encodersPage = new EncodersPage(*m_watch);
    m_cache = new CachePage(*m_session);
    m_generator = new GeneratorPage(*m_standIn);
    m_window.setPageWidget(MainWindow::Page::Dashboard, m_dashboard);
    m_window.setPageWidget(MainWindow::Page::Lives, m_lives);
    m_window.setPageWidget(MainWindow::Page::Encoders, m_encodersPage);
    m_window.setPageWidget(MainWindow::Page::Cache, m_cache);
    m_window.setPageWidget(MainWindow::Page::Generator, m_generator);
    m_window.setSiteName(m_overview.siteName);

    m_lives->setRefreshInterval(m_settings.get(Setting::LivesRefreshSeconds));
    connect(m_lives, &LivesPage::refreshRequested, m_session.get(), &SiteSession::refresh);
    connect(m_lives, &LivesPage::liveActivated, this, &Workspace::showLiveDetail);
    m_previews = std::make_unique<LivePreviewLoader>(m_session->network());
    connect(m_lives, &LivesPage::previewRequested, this, &Workspace::showPreview);
    connect(m_lives, &LivesPage::previewCancelled, m_previews.get(), &LivePreviewLoader::cancel);
    connect(m_previews.get(), &LivePreviewLoader::clipReady, m_lives, &LivesPage::showPreview);
    connect(m_previews.get(), &LivePreviewLoader::clipFailed, m_lives,
            [this](const QString& key, const Error& error) {
                m_lives->showPreviewFailure(key, error.toString());
            });
    connect(m_dashboard, &DashboardPage::actionRequested, this,
            [this](SiteFinding::Action action) { onAction(int(action)); });
    connect(
        m_encodersPage, &EncodersPage::switchRequested, this,
        [this](const EncoderTarget& target, const QString& caveat) { showSwitchSteps(target.url, caveat); });
    m_generator->setStopConfirmation([this] { return confirmStandInStop(tr("Stopping it")); });
    connect(m_generator, &GeneratorPage::verifyRequested, this, [this] {
        const bool admin = m_session->login() && m_session->login()->isAdmin;
        m_standIn->verify(m_session->client(), admin, {}, m_switchedToStandInAt);
    });
    connect(m_standIn.get(), &StandInController::verified, m_generator,
            qOverload<const StandinVerificationReport&>(&GeneratorPage::showVerification));

    GeneratorConfig defaults;
    defaults.bindAddress = QHostAddress(m_settings.get(Setting::GeneratorListenAddress));
    defaults.port = quint16(m_settings.get(Setting::GeneratorPort));
    defaults.budgetMs = m_settings.get(Setting::GeneratorBudgetMs);
    defaults.userAgent = m_settings.get(Setting::UserAgent);
    defaults.allowedHosts = {allowedStreamHost()};
    // A secret for this window until the site's kept one is read (keepStandinIn()); the demo site keeps
    // none. The Encoder URL is a capability.
    defaults.pathPrefix = QStringLiteral("/%1/").arg(StandinIdentity::newPrefix());
    m_generatorDefaults = defaults;
    m_generator->setDefaults(defaults);
}

void Workspace::keepStandinIn(QSettings& storage, const QString& fileDirectory) {
    m_identities = std::make_unique<StandinIdentityStore>(storage, m_secrets, fileDirectory);
    QPointer<Workspace> self(this);
    m_identities->load(m_session->profile().siteUrl, false, [self](Result<StandinIdentity> identity) {
        if (!self)
            return;
        if (!identity) {
            Q_EMIT self->notice(tr("Stand-in address not kept"),
                                tr("The stand-in's secret for this site could not be read or kept, so its "
                                   "Encoder URL will change when the app restarts: %1")
                                    .arg(identity.error().toString()));
            return;
        }
        self->m_keptPrefix = identity->prefix;
        self->m_standinKeptIn = identity->keptIn;
        GeneratorConfig& defaults = self->m_generatorDefaults;
        defaults.pathPrefix = QStringLiteral("/%1/").arg(identity->prefix);
        if (const Result<ListenAddress> listen = StandinUrl::parseListen(identity->listen)) {
            const QHostAddress address(listen->host);
            if (!address.isNull() || listen->host.isEmpty()) {
                defaults.bindAddress = listen->host.isEmpty() ? QHostAddress(QHostAddress::Any) : address;
                defaults.port = listen->port;
            }
        }
        if (!self->m_standIn->isRunning())
            self->m_generator->setDefaults(defaults);
    });
}

void Workspace::keepStandinIdentity() {
    if (!m_identities)
        return;
    const GeneratorConfig& running = m_standIn->config();
    const QUrl site = m_session->profile().siteUrl;
    const QString host = running.bindAddress.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(running.bindAddress.toString())
                             : running.bindAddress.toString();
    m_identities->keepListen(site, QStringLiteral("%1:%2").arg(host).arg(running.port));
    const QString prefix = running.pathPrefix.section(QLatin1Char('/'), 1, 1);
    if (prefix.isEmpty() || prefix == m_keptPrefix)
        return;
    // The admin chose another secret in the settings: that is the site's stand-in now.
    QPointer<Workspace> self(this);
    m_identities->keepPrefix(site, prefix, [self, prefix](Result<StandinIdentity> kept) {
        if (!self)
            return;
        if (kept) {
            self->m_keptPrefix = prefix;
            self->m_standinKeptIn = kept->keptIn;
        } else {
            Q_EMIT self->notice(tr("Stand-in secret not kept"), kept.error().toString());
        }
    });
}

void Workspace::onSiteEncoderUrl(const QUrl& url) {
    const bool usedStandIn = siteUsesStandIn();
    // The watch follows the site's encoder: the one the site no longer uses is no longer its own.
    if (!m_overview.siteEncoderUrl.isEmpty() && m_overview.siteEncoderUrl != url)
        m_watch->removeTarget(siteEncoderTarget(m_overview.siteEncoderUrl).id);
    const bool firstRead = m_overview.siteEncoderUrl.isEmpty();
    remember(firstRead ? tr("The site's Encoder URL is %1.").arg(maskedUrl(url))
                       : tr("The site's Encoder URL changed to %1.").arg(maskedUrl(url)));
    m_overview.siteEncoderUrl = url;
    EncoderTarget target = siteEncoderTarget(url);
    target.intervalMs = m_settings.get(Setting::ProbeIntervalSeconds) * 1000;
    watch({target});
    publishOverview();
    // A site found already using the stand-in when it is opened was not switched now: nothing to announce.
    if (!usedStandIn && siteUsesStandIn() && !firstRead)
        onSwitchedToStandIn();
}

void Workspace::remember(const QString& text) {
    if (m_dashboard)
        m_dashboard->addEvent(QDateTime::currentDateTime(), text);
}

void Workspace::onSwitchedToStandIn() {
    m_switchedToStandInAt = QDateTime::currentDateTime();
    qCInfo(lcUi).noquote() << "the site's Encoder URL now points at this computer's stand-in";
    if (m_switchedNotice)
        return;
    auto* box =
        new QMessageBox(QMessageBox::Information, tr("%1 now asks this stand-in").arg(m_overview.siteName),
                        tr("%1's Encoder URL now points at the stand-in running here: AVideo asks it "
                           "for every live thumbnail.")
                            .arg(m_overview.siteName),
                        QMessageBox::NoButton, &m_window);
    box->setObjectName(QStringLiteral("switchedDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("AVideo still holds the pictures it cached from the old encoder (the ONLINE cards among them) for "
           "up to 5 minutes (jpg) or 15 minutes (webp, gif). Clear the site's live caches now so that "
           "visitors see the stand-in's frames at once?"));
    QPushButton* clear = box->addButton(tr("Clear the live caches"), QMessageBox::AcceptRole);
    clear->setObjectName(QStringLiteral("clearAfterSwitchButton"));
    QPushButton* later = box->addButton(tr("Not now"), QMessageBox::RejectRole);
    later->setObjectName(QStringLiteral("notNowButton"));
    box->setDefaultButton(clear);
    box->setEscapeButton(later);
    connect(box, &QMessageBox::buttonClicked, this, [this, clear](QAbstractButton* button) {
        if (button != clear)
            return;
        qCInfo(lcUi) << "the admin clears the live caches after the switch";
        onAction(int(SiteFinding::Action::ClearCaches));
    });
    m_switchedNotice = box;
    box->open();
}

QString Workspace::allowedStreamHost() const {
    const QString host = m_session->profile().effectivePlayerServer().host();
    return host.isEmpty() ? m_session->profile().siteUrl.host() : host;
}

void Workspace::watch(const QList<EncoderTarget>& targets) {
    if (m_watch->isRunning()) {
        for (const EncoderTarget& target : targets)
            m_watch->addTarget(target);
        return;
    }
    EncoderMonitor::Options options;
    options.hysteresis.failuresToConfirm = m_settings.get(Setting::FailuresBeforeDown);
    options.hysteresis.successesToRecover = m_settings.get(Setting::SuccessesBeforeUp);
    options.connectivityCheckUrl = m_session->profile().siteUrl;
    m_watch->start(targets, {}, options, historyPath(m_session->profile()));
}

void Workspace::keepEncodersIn(QSettings& storage) {
    m_targetStore.emplace(storage, m_session->profile().id);
    const QList<EncoderTarget> kept = m_targetStore->load();
    if (!kept.isEmpty())
        watch(kept);
}

void Workspace::open(const QString& user, std::optional<QString> password) {
    m_user = user;
    // Watching from the start: the admin may add encoders before (or without) the site naming its own.
    if (!m_watch->isRunning())
        watch({});
    if (!user.isEmpty())
        m_session->signIn(user, std::move(password));
    m_session->refresh();
}

void Workspace::askPassword() {
    if (m_passwordDialog)
        return;
    m_passwordDialog = std::make_unique<QInputDialog>(&m_window);
    QInputDialog* dialog = m_passwordDialog.get();
    dialog->setObjectName(QStringLiteral("passwordDialog"));
    dialog->setWindowTitle(tr("Sign in to %1").arg(m_overview.siteName));
    dialog->setLabelText(
        tr("Sign in to %1 (%2) as %3.\n\nNo kept sign-in works for this site (none was kept, or it is "
           "out of date). The password is sent to the site only; the tool keeps the hash the site "
           "returns, in the keychain.\n\nPassword:")
            .arg(m_overview.siteName, m_session->profile().siteUrl.toString(), m_user));
    dialog->setTextEchoMode(QLineEdit::Password);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QInputDialog::finished, this, [this, dialog](int result) {
        const QString password = dialog->textValue();
        m_passwordDialog.release()->deleteLater();
        if (result != QDialog::Accepted) {
            m_lives->setError(tr("Not signed in: the password was not given. The site is read as a "
                                 "visitor sees it."));
            return;
        }
        m_session->signIn(m_user, password);
        m_session->refresh();
    });
    dialog->open();
}

void Workspace::onReport(const SiteCheckReport& report) {
    // Scaling and hashing 200 pictures takes ~150 ms: off the GUI thread; the newest report wins.
    const int generation = ++m_tileGeneration;
    auto* watcher = new QFutureWatcher<QList<LiveTile>>(this);
    connect(watcher, &QFutureWatcher<QList<LiveTile>>::finished, this, [this, watcher, generation, report] {
        watcher->deleteLater();
        if (generation != m_tileGeneration)
            return;
        m_tiles = watcher->result();
        m_lives->setBusy(false);
        m_lives->setError(report.livesError ? report.livesError->toString() : QString());
        m_lives->setTiles(m_tiles);
    });
    watcher->setFuture(liveTilesFromReportAsync(report, m_tiles));
    m_history.add(report);
    m_overview.report = report;
    QList<QUrl> streams;
    for (const LiveEntry& live : report.lives) {
        if (live.site && !live.hlsUrl.isEmpty())
            streams.append(live.hlsUrl);
    }
    if (m_watch->isRunning())
        m_watch->setSampleStreams(streams);
    publishOverview();
    if (m_detail && m_detail->isVisible())
        showLiveDetail(m_detail->liveKey());
}

void Workspace::showPreview(const QString& key) {
    QUrl stream;
    if (m_overview.report) {
        for (const LiveEntry& live : m_overview.report->lives) {
            if (live.key == key)
                stream = live.hlsUrl;
        }
    }
    m_previews->setMaxFrameSize(m_lives->previewFrameSize());
    m_previews->request(key, stream, m_session->profile().siteUrl.toString());
}

void Workspace::showLiveDetail(const QString& key) {
    if (!m_overview.report)
        return;
    for (const LiveEntry& live : m_overview.report->lives) {
        if (live.key != key)
            continue;
        if (!m_detail)
            m_detail = std::make_unique<LiveDetailWindow>();
        m_detail->showLive(live, m_history.samples(key));
        m_detail->show();
        m_detail->raise();
        return;
    }
}

void Workspace::publishOverview() {
    m_dashboard->setOverview(m_overview);
    Q_EMIT overviewChanged(m_overview);
}

void Workspace::onAction(int action) {
    switch (SiteFinding::Action(action)) {
    case SiteFinding::Action::StartStandIn:
        startStandIn();
        break;
    case SiteFinding::Action::SwitchToStandIn:
        if (const Result<QUrl> url = m_standIn->encoderUrlFor())
            showSwitchSteps(*url);
        break;
    case SiteFinding::Action::ClearCaches:
        m_window.showPage(MainWindow::Page::Cache);
        m_session->clearCaches(CacheClearMode::Full, true);
        break;
    case SiteFinding::Action::CheckStreams:
        m_window.showPage(MainWindow::Page::Lives);
        break;
    case SiteFinding::Action::OpenEncoders:
        m_window.showPage(MainWindow::Page::Encoders);
        break;
    case SiteFinding::Action::Refresh:
        m_session->refresh();
        break;
    case SiteFinding::Action::None:
        break;
    }
}

bool Workspace::siteUsesStandIn() const {
    return m_standIn->isRunning() &&
           StandinUrl::pointsAtStandin(m_overview.siteEncoderUrl, m_standIn->config().port,
                                       m_standIn->config().pathPrefix);
}

bool Workspace::confirmStandInStop(const QString& action) {
    if (!siteUsesStandIn())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("%1 uses this stand-in").arg(m_overview.siteName),
                    tr("%1's Encoder URL points at the stand-in running here (%2).")
                        .arg(m_overview.siteName, StandinUrl::redacted(m_overview.siteEncoderUrl)),
                    QMessageBox::NoButton, &m_window);
    box.setObjectName(QStringLiteral("stopStandinDialog"));
    box.setInformativeText(
        tr("%1 stops it. Until it runs again, or the site's Encoder URL is changed, AVideo gets no live "
           "thumbnails: visitors see its ONLINE card, which AVideo then keeps for 5 minutes (jpg) to 15 "
           "minutes (webp, gif).")
            .arg(action));
    QPushButton* stop = box.addButton(tr("Stop the stand-in"), QMessageBox::DestructiveRole);
    stop->setObjectName(QStringLiteral("stopStandinButton"));
    QPushButton* keep = box.addButton(tr("Keep it running"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepStandinButton"));
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    const bool stopIt = box.clickedButton() == stop;
    qCInfo(lcUi).noquote() << (stopIt ? "the admin stops the stand-in the site uses:"
                                      : "the admin keeps the stand-in the site uses:")
                           << action;
    return stopIt;
}

void Workspace::startStandIn() {
    // The next step (the switch) appears where the admin is, on the dashboard; only a failure needs the
    // Stand-in page, which shows why.
    if (m_standIn->isRunning())
        return;
    m_standIn->start(m_generator->config());
}

void Workspace::showSwitchSteps(const QUrl& encoderUrl, const QString& caveat) {
    if (m_switchSteps)
        m_switchSteps->close();
    auto* dialog =
        new SwitchStepsDialog(m_session->profile().siteUrl, m_overview.siteName, encoderUrl, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setCaveat(caveat);
    connect(dialog, &SwitchStepsDialog::checkNowRequested, this, [this] {
        qCInfo(lcUi) << "the admin changed the site's Encoder URL: checking now";
        m_session->refresh();
    });
    m_switchSteps = dialog;
    dialog->open();
}

} // namespace avld
