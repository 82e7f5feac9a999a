#include "siteworkspace.h"

#include "clock.h"
#include "encoders/encoderwatch.h"
#include "generator/standincontroller.h"
#include "generator/standinidentity.h"
#include "generator/standinurl.h"
#include "logging.h"
#include "maskedurl.h"
#include "session/followedlivesstore.h"
#include "session/sitesession.h"
#include "settings.h"

#include <QDir>
#include <QPointer>
#include <QStandardPaths>

namespace avld {

namespace {

QString listenText(const GeneratorConfig& config) {
    const QString host = config.bindAddress.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(config.bindAddress.toString())
                             : config.bindAddress.toString();
    return QStringLiteral("%1:%2").arg(host).arg(config.port);
}

} // namespace

QString SiteWorkspace::historyPath(const SiteProfile& profile) {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("history-%1.sqlite").arg(profile.siteKey()));
}

QStringList SiteWorkspace::olderHistoryPaths(const SiteProfile& profile) {
    // Earlier versions of the window named the file after the profile's generated id.
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString byProfile = QDir(dir).filePath(QStringLiteral("history-%1.sqlite").arg(profile.id));
    return byProfile == historyPath(profile) || profile.id.isEmpty() ? QStringList{} : QStringList{byProfile};
}

SiteWorkspace::SiteWorkspace(Settings& settings, SiteProfile profile, SecretStore& secrets, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_session(std::make_unique<SiteSession>(std::move(profile), secrets))
    , m_watch(std::make_unique<EncoderWatch>())
    , m_standIn(std::make_unique<StandInController>()) {
    connect(this, &SiteWorkspace::happened, this, [this](const QString& text) {
        m_events.append({Clock::system().now(), text});
        if (m_events.size() > kEventsKept)
            m_events.remove(0, m_events.size() - kEventsKept);
    });
    const SiteProfile& site = m_session->profile();
    m_overview.siteName = site.displayName.isEmpty() ? site.siteUrl.host() : site.displayName;

    GeneratorConfig& defaults = m_standinDefaults;
    defaults.bindAddress = QHostAddress(m_settings.get(Setting::GeneratorListenAddress));
    defaults.port = quint16(m_settings.get(Setting::GeneratorPort));
    defaults.budgetMs = m_settings.get(Setting::GeneratorBudgetMs);
    defaults.userAgent = m_settings.get(Setting::UserAgent);
    defaults.allowedHosts = {allowedStreamHost()};
    // A secret for this run until the site's kept one is read (keepStandinIn()); the demo site keeps none.
    // The Encoder URL is a capability.
    defaults.pathPrefix = QStringLiteral("/%1/").arg(StandinIdentity::newPrefix());

    connect(m_session.get(), &SiteSession::reportReady, this, &SiteWorkspace::onReport);
    connect(m_session.get(), &SiteSession::encoderUrlChanged, this, &SiteWorkspace::onSiteEncoderUrl);
    connect(m_session.get(), &SiteSession::encoderUrlProblem, this, [this](const Error& error) {
        m_encoderUrlProblem = error;
        // Every check reads it again: say it once, not once per check.
        if (error.message == m_lastEncoderUrlProblem)
            return;
        m_lastEncoderUrlProblem = error.message;
        qCInfo(lcSite).noquote() << "the site's Encoder URL could not be read:" << error.toString();
        Q_EMIT happened(tr("The site's Encoder URL could not be read: %1").arg(error.toString()));
    });
    connect(m_session.get(), &SiteSession::encoderUrlReread, this,
            [this](const Result<QUrl>& last, bool changed) {
                if (changed || !last)
                    return; // the change was announced, or the problem was
                qCInfo(lcSite).noquote()
                    << "after a minute of reading, the site's Encoder URL is still" << maskedUrl(*last);
                Q_EMIT happened(
                    tr("The site still names %1 as its Encoder URL (read again for a minute): was the "
                       "Site Configurations form saved?")
                        .arg(maskedUrl(*last)));
            });
    connect(m_session.get(), &SiteSession::cacheCleared, this, [this](const CacheClearOutcome& outcome) {
        const qsizetype changed = outcome.changed.size();
        m_lastCacheClear = CacheClearRecord{Clock::system().now(), outcome.clear.ok(), int(changed),
                                            outcome.clear ? QString() : outcome.clear.error().toString()};
        if (!outcome.clear)
            return Q_EMIT happened(
                tr("The live caches could not be cleared: %1").arg(outcome.clear.error().toString()));
        Q_EMIT happened(
            changed == 0   ? tr("The site's live caches were cleared; right after, every live still "
                                  "showed the same picture (AVideo makes new ones as visitors ask).")
            : changed == 1 ? tr("The site's live caches were cleared; 1 live shows another picture now.")
                           : tr("The site's live caches were cleared; %1 lives show another picture "
                                "now.")
                                 .arg(changed));
    });
    connect(m_session.get(), &SiteSession::signedIn, this, [this] { m_signInProblem.reset(); });
    connect(m_session.get(), &SiteSession::signInFailed, this, [this](const Error& error) {
        m_signInProblem = error;
        if (error.code == QStringLiteral("password-needed"))
            return Q_EMIT passwordNeeded();
        Q_EMIT signInFailed(error);
        say(tr("Not signed in"), error.toString());
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
                // To the Log only: the window's alerts (snoozed, held in quiet hours, a flapping encoder
                // told once) reach the tray through the alert lifecycle.
                Q_EMIT happened(
                    tr("Encoder %1").arg(target.name) + QStringLiteral(": ") +
                    tr("%1 → %2: %3")
                        .arg(encoderStateText(change.from), encoderStateText(change.to), change.reason));
            });
    connect(m_standIn.get(), &StandInController::started, this, [this](const QUrl&) {
        keepStandinIdentity();
        m_overview.standInRunning = true;
        const Result<QUrl> url = m_standIn->encoderUrlFor();
        m_overview.standInUrl = url ? *url : QUrl();
        Q_EMIT happened(tr("The stand-in started at %1.").arg(maskedUrl(m_overview.standInUrl)));
        publishOverview();
    });
    connect(m_standIn.get(), &StandInController::failed, this, [this](const Error& error) {
        Q_EMIT happened(tr("The stand-in could not start: %1").arg(error.toString()));
        Q_EMIT standInFailed(error);
    });
    connect(m_standIn.get(), &StandInController::stopped, this, [this] {
        Q_EMIT happened(tr("The stand-in stopped."));
        m_overview.standInRunning = false;
        m_overview.standInUrl = QUrl();
        publishOverview();
    });
    m_session->followSettings(m_settings);
}

SiteWorkspace::~SiteWorkspace() {
    m_watch->stop();
    m_standIn->stop();
}

void SiteWorkspace::say(const QString& title, const QString& message) {
    Q_EMIT notice(title, message);
    Q_EMIT happened(title + QStringLiteral(": ") + message);
}

void SiteWorkspace::keepEncodersIn(QSettings& storage) {
    m_targetStore.emplace(storage, m_session->profile().id);
    const QList<EncoderTarget> kept = m_targetStore->load();
    if (!kept.isEmpty())
        watch(kept);
}

void SiteWorkspace::keepFollowedLivesIn(const QString& path) {
    m_followedStore = std::make_unique<FollowedLivesStore>(path);
    FollowedLivesStore::Loaded kept = m_followedStore->load(Clock::system().now());
    if (kept.lives.isEmpty())
        return;
    qCInfo(lcSite).noquote() << QStringLiteral("going on from %1 lives followed before")
                                    .arg(std::max(kept.lives.sounds.size(), kept.lives.pictures.size()));
    m_silence.seed(std::move(kept.lives.sounds));
    m_pictures.seed(std::move(kept.lives.pictures));
}

QString SiteWorkspace::followedLivesPath() const {
    return m_followedStore ? m_followedStore->path() : QString();
}

void SiteWorkspace::waitForFollowedLivesSaved() {
    if (m_followedStore)
        m_followedStore->waitForSaved();
}

void SiteWorkspace::keepStandinIn(QSettings& storage, const QString& fileDirectory) {
    m_identities = std::make_unique<StandinIdentityStore>(storage, m_secrets, fileDirectory);
    QPointer<SiteWorkspace> self(this);
    m_identities->load(m_session->profile().siteUrl, false, [self](Result<StandinIdentity> identity) {
        if (!self)
            return;
        if (!identity) {
            self->say(tr("Stand-in address not kept"),
                      tr("The stand-in's secret for this site could not be read or kept, so its Encoder URL "
                         "will change when the app restarts: %1")
                          .arg(identity.error().toString()));
            return;
        }
        self->m_keptPrefix = identity->prefix;
        self->m_standinKeptIn = identity->keptIn;
        GeneratorConfig& defaults = self->m_standinDefaults;
        defaults.pathPrefix = QStringLiteral("/%1/").arg(identity->prefix);
        if (const Result<ListenAddress> listen = StandinUrl::parseListen(identity->listen)) {
            const QHostAddress address(listen->host);
            if (!address.isNull() || listen->host.isEmpty()) {
                defaults.bindAddress = listen->host.isEmpty() ? QHostAddress(QHostAddress::Any) : address;
                defaults.port = listen->port;
            }
        }
        if (!self->m_standIn->isRunning())
            Q_EMIT self->standinDefaultsChanged(defaults);
    });
}

void SiteWorkspace::keepStandinIdentity() {
    if (!m_identities)
        return;
    const GeneratorConfig& running = m_standIn->config();
    const QUrl site = m_session->profile().siteUrl;
    m_identities->keepListen(site, listenText(running));
    const QString prefix = running.pathPrefix.section(QLatin1Char('/'), 1, 1);
    if (prefix.isEmpty() || prefix == m_keptPrefix)
        return;
    // The admin chose another secret in the settings: that is the site's stand-in now.
    QPointer<SiteWorkspace> self(this);
    m_identities->keepPrefix(site, prefix, [self, prefix](Result<StandinIdentity> kept) {
        if (!self)
            return;
        if (!kept)
            return self->say(tr("Stand-in secret not kept"), kept.error().toString());
        self->m_keptPrefix = prefix;
        self->m_standinKeptIn = kept->keptIn;
    });
}

void SiteWorkspace::open(const QString& user, std::optional<QString> password) {
    m_user = user;
    startWatching();
    if (!user.isEmpty())
        m_session->signIn(user, std::move(password));
    m_session->refresh();
}

void SiteWorkspace::startWatching() {
    // Watching from the start: the admin may add encoders before (or without) the site naming its own.
    if (!m_watch->isRunning())
        watch({});
}

void SiteWorkspace::signInWith(const QString& password) {
    m_session->signIn(m_user, password);
    m_session->refresh();
}

void SiteWorkspace::startStandIn(const GeneratorConfig& config) {
    if (m_standIn->isRunning())
        return;
    qCInfo(lcSite).noquote() << "the admin starts the stand-in";
    m_standIn->start(config);
}

void SiteWorkspace::verifyStandIn() {
    const bool admin = m_session->login() && m_session->login()->isAdmin;
    m_standIn->verify(m_session->client(), admin, {}, m_switchedToStandInAt);
}

void SiteWorkspace::watch(const QList<EncoderTarget>& targets) {
    if (m_watch->isRunning()) {
        for (const EncoderTarget& target : targets)
            m_watch->addTarget(target);
        return;
    }
    EncoderMonitor::Options options;
    options.hysteresis.failuresToConfirm = m_settings.get(Setting::FailuresBeforeDown);
    options.hysteresis.successesToRecover = m_settings.get(Setting::SuccessesBeforeUp);
    options.connectivityCheckUrl = m_session->profile().siteUrl;
    m_watch->start(targets, {}, options, historyPath(m_session->profile()),
                   olderHistoryPaths(m_session->profile()));
}

void SiteWorkspace::onReport(const SiteCheckReport& report) {
    m_history.add(report);
    m_silence.add(report);
    m_pictures.add(report);
    if (m_followedStore)
        m_followedStore->saveInBackground({m_silence.sounds(), m_pictures.pictures()}, report.checkedAt());
    m_overview.report = report;
    QList<QUrl> streams;
    for (const LiveEntry& live : report.lives) {
        if (live.site && !live.hlsUrl.isEmpty())
            streams.append(live.hlsUrl);
    }
    if (m_watch->isRunning())
        m_watch->setSampleStreams(streams);
    publishOverview();
    Q_EMIT checked(report);
}

void SiteWorkspace::onSiteEncoderUrl(const QUrl& url) {
    const bool usedStandIn = siteUsesStandIn();
    // The watch follows the site's encoder: the one the site no longer uses is no longer its own.
    if (!m_overview.siteEncoderUrl.isEmpty() && m_overview.siteEncoderUrl != url)
        m_watch->removeTarget(siteEncoderTarget(m_overview.siteEncoderUrl).id);
    const bool firstRead = m_overview.siteEncoderUrl.isEmpty();
    Q_EMIT happened(firstRead ? tr("The site's Encoder URL is %1.").arg(maskedUrl(url))
                              : tr("The site's Encoder URL changed to %1.").arg(maskedUrl(url)));
    m_overview.siteEncoderUrl = url;
    m_lastEncoderUrlProblem.clear();
    m_encoderUrlProblem.reset();
    EncoderTarget target = siteEncoderTarget(url);
    target.intervalMs = m_settings.get(Setting::ProbeIntervalSeconds) * 1000;
    giveSiteAccount(target, m_session->profile().siteUrl, m_session->login());
    watch({target});
    publishOverview();
    // A site found already using the stand-in when it is opened was not switched now: nothing to announce,
    // unless the admin just said they switched it (the first read may have failed: a dropped session).
    if (!usedStandIn && siteUsesStandIn() && (!firstRead || m_session->isRereadingEncoderUrl())) {
        m_switchedToStandInAt = QDateTime::currentDateTime();
        qCInfo(lcSite).noquote() << "the site's Encoder URL now points at this computer's stand-in";
        Q_EMIT switchedToStandIn();
    }
}

QString SiteWorkspace::allowedStreamHost() const {
    const QString host = m_session->profile().effectivePlayerServer().host();
    return host.isEmpty() ? m_session->profile().siteUrl.host() : host;
}

bool SiteWorkspace::siteUsesStandIn() const {
    return m_standIn->isRunning() &&
           StandinUrl::pointsAtStandin(m_overview.siteEncoderUrl, m_standIn->config().port,
                                       m_standIn->config().pathPrefix);
}

void SiteWorkspace::publishOverview() {
    Q_EMIT overviewChanged(m_overview);
}

} // namespace avld
