#include "sitesession.h"

#include "logging.h"
#include "secretstore.h"
#include "settings.h"

namespace avld {

SiteSession::SiteSession(SiteProfile profile, SecretStore& secrets, QObject* parent)
    : QObject(parent)
    , m_client(std::make_unique<SiteClient>(m_network, std::move(profile)))
    , m_grabber(std::make_unique<FrameGrabber>(m_network))
    , m_signIn(std::make_unique<SiteSignIn>(*m_client, secrets)) {
    m_refreshTimer.setSingleShot(false);
    connect(&m_refreshTimer, &QTimer::timeout, this, &SiteSession::refresh);
    m_rereadTimer.setSingleShot(true);
    connect(&m_rereadTimer, &QTimer::timeout, this, &SiteSession::rereadOnce);
}

SiteSession::~SiteSession() {
    m_refreshTimer.stop();
    m_rereadTimer.stop();
    // Running jobs call back into the client, grabber and renewer: they go first.
    delete m_check;
    m_check = nullptr;
    qDeleteAll(findChildren<CacheClearJob*>(Qt::FindDirectChildrenOnly));
    delete m_selectedRenew; // aborts its requests while the network is still there
    m_selectedRenew = nullptr;
}

Error encoderUrlUnknown() {
    return Error{QStringLiteral("no-encoder-url"),
                 QStringLiteral("the site's encoder address is not known: sign in as an admin"),
                 QStringLiteral("or type the encoder URL on the Encoders page.")};
}

void SiteSession::signIn(const QString& user, std::optional<QString> password) {
    const auto ask = [prompt = m_passwordPrompt]() -> Result<QString> {
        if (prompt)
            return prompt();
        return Error{QStringLiteral("password-needed"),
                     QStringLiteral("no stored sign-in works for this site any more"),
                     QStringLiteral("Type the password: it is sent to the site only, and the hash the site "
                                    "returns is kept in the keychain.")};
    };
    m_signIn->signIn(user, std::move(password), ask, [this](Result<SiteSignIn::Outcome> outcome) {
        if (!outcome) {
            Q_EMIT signInFailed(outcome.error());
            return;
        }
        if (!outcome->storeProblem.ok()) {
            qCInfo(lcSite).noquote() << "signed in; the sign-in is not remembered:"
                                     << outcome->storeProblem.error().message;
            Q_EMIT signInNotRemembered(outcome->storeProblem.error());
        }
        m_login = outcome->login;
        Q_EMIT signedIn(*m_login);
        if (m_login->isAdmin) {
            // Two reads; `opened` after the second one ends.
            auto pending = std::make_shared<int>(2);
            auto oneDone = [this, pending] {
                if (--*pending == 0 && m_login)
                    Q_EMIT opened(*m_login);
            };
            learnEncoderUrl([oneDone](const Result<QUrl>&) { oneDone(); });
            // Where the Live plugin says the streams and the stat page are (kept in profile().found).
            m_client->fetchLivePluginInfo([this, oneDone](const Result<LivePluginInfo>& info) {
                if (!info)
                    qCInfo(lcSite).noquote() << "the Live plugin's options:" << info.error().toString();
                Q_EMIT livePluginRead(info ? Status{} : Status{info.error()});
                oneDone();
            });
        } else {
            Q_EMIT encoderUrlProblem(Error{
                QStringLiteral("not-admin"), QStringLiteral("only an admin can read the site's encoder URL"),
                QStringLiteral("Sign in as an admin, or type the encoder URL on the "
                               "Encoders page.")});
            Q_EMIT opened(*m_login);
        }
    });
}

namespace {

// The site answered an admin page as it answers a visitor although we signed in as an admin: it dropped
// our session (expired, its session store cleared, the site restarted).
bool sessionDropped(const Error& error) {
    return error.code == QStringLiteral("not-admin");
}

constexpr int kRereadIntervalMs = 3000;
constexpr int kRereadForMs = 60'000;

} // namespace

void SiteSession::learnEncoderUrl(std::function<void(const Result<QUrl>&)> then, bool mayRenewSession) {
    m_client->fetchEncoderUrl([this, then = std::move(then), mayRenewSession](Result<QUrl> url) mutable {
        if (!url && mayRenewSession && sessionDropped(url.error()) && m_login && m_login->isAdmin &&
            !m_login->passwordHash.isEmpty()) {
            qCInfo(lcSite).noquote() << "the site answered an admin page as to a visitor: signing in again";
            const QString user = m_login->user;
            m_client->loginWithHash(
                user, m_login->passwordHash, [this, then = std::move(then)](Result<LoginInfo> login) mutable {
                    if (login && login->isAdmin) {
                        m_login = *login;
                        return learnEncoderUrl(std::move(then), false);
                    }
                    const Error problem = login ? Error{QStringLiteral("not-admin"),
                                                        QStringLiteral("signed in again, but no longer "
                                                                       "as an admin"),
                                                        QStringLiteral("Sign in as an admin.")}
                                                : login.error();
                    Q_EMIT encoderUrlProblem(problem);
                    if (then)
                        then(problem);
                });
            return;
        }
        if (url)
            setEncoderUrl(*url);
        else
            Q_EMIT encoderUrlProblem(url.error());
        if (then)
            then(url);
    });
}

void SiteSession::rereadEncoderUrl() {
    if (!m_login || !m_login->isAdmin)
        return;
    const bool running = m_reread.isValid();
    m_reread.start();
    m_urlBeforeReread = m_encoderUrl;
    if (!running)
        rereadOnce();
}

void SiteSession::rereadOnce() {
    learnEncoderUrl([this](const Result<QUrl>& url) {
        if (!m_reread.isValid())
            return;
        // A change was asked for and seen: done. Otherwise the form may not be saved yet, or the site still
        // answered from before; read again for a minute.
        if ((url && *url != m_urlBeforeReread) || m_reread.elapsed() >= kRereadForMs) {
            const bool changed = url && *url != m_urlBeforeReread;
            m_reread.invalidate();
            Q_EMIT encoderUrlReread(url, changed);
            return;
        }
        m_rereadTimer.start(kRereadIntervalMs);
    });
}

void SiteSession::followSettings(const Settings& settings) {
    const auto apply = [this, &settings] {
        setRefreshInterval(settings.get(Setting::LivesRefreshSeconds));
        m_checkOptions.grabTimeoutMs = settings.get(Setting::GrabTimeoutMs);
        m_checkOptions.userAgent = settings.get(Setting::UserAgent);
        m_client->requester().setUserAgent(m_checkOptions.userAgent);
    };
    apply();
    connect(&settings, &Settings::changed, this, [apply](SettingId id) {
        if (id == SettingId::LivesRefreshSeconds || id == SettingId::GrabTimeoutMs ||
            id == SettingId::UserAgent)
            apply();
    });
}

void SiteSession::setEncoderUrl(const QUrl& url) {
    if (url == m_encoderUrl)
        return;
    m_encoderUrl = url;
    Q_EMIT encoderUrlChanged(url);
}

void SiteSession::refresh() {
    if (m_check) {
        m_refreshAgain = true;
        return;
    }
    startCheck();
}

void SiteSession::startCheck() {
    m_refreshAgain = false;
    // The admin may change the Encoder URL in AVideo at any time (pointing it at a stand-in, say): read it
    // again with every check, so that the watch and the dashboard follow the site's current encoder.
    if (m_login && m_login->isAdmin)
        learnEncoderUrl();
    m_check = new SiteCheck(*m_client, *m_grabber, m_checkOptions, this);
    Q_EMIT refreshStarted();
    SiteCheck* check = m_check;
    check->run([this, check](SiteCheckReport report) {
        m_lastReport = report;
        m_check = nullptr;
        check->deleteLater();
        Q_EMIT reportReady(report);
        if (m_refreshAgain)
            startCheck();
    });
}

void SiteSession::setRefreshInterval(int seconds) {
    if (seconds <= 0) {
        m_refreshTimer.stop();
        return;
    }
    m_refreshTimer.start(seconds * 1000);
}

void SiteSession::clearCaches(CacheClearMode mode, bool renewFirst) {
    if (m_clearing)
        return;
    m_clearing = true;
    qCInfo(lcSite).noquote() << "clearing the site's live caches"
                             << (renewFirst ? "after a renew on the encoder" : "");
    Q_EMIT cacheClearStarted();
    auto* job = new CacheClearJob(*m_client, *m_grabber, this);
    if (renewFirst && !m_encoderUrl.isEmpty()) {
        if (!m_renew)
            m_renew = std::make_unique<EncoderRenew>(m_network, m_renewOptions);
        job->renewOnEncoderFirst(m_renew.get(), m_encoderUrl);
    }
    job->run(mode, [this, job](CacheClearOutcome outcome) {
        m_clearing = false;
        job->deleteLater();
        Q_EMIT cacheCleared(outcome);
        if (m_checkAfterClear)
            refresh(); // the tiles show what visitors see now
    });
}

void SiteSession::renewOnEncoder(const QStringList& liveKeys, std::optional<CacheClearMode> thenClear) {
    if (m_selectedRenew)
        return;
    LiveRenewOutcome outcome;
    QList<LiveEntry> renewable;
    QList<int> positions; // of the renewable lives in outcome.lives
    for (const QString& key : liveKeys) {
        outcome.lives.append({.key = key, .title = key, .renewal = {}});
        const LiveEntry* live = nullptr;
        if (m_lastReport)
            for (const LiveEntry& entry : m_lastReport->lives)
                if (entry.key == key)
                    live = &entry;
        if (live)
            outcome.lives.last().title = live->title();
        if (!live || !isRenewableOnEncoder(*live)) {
            outcome.lives.last().renewal.first =
                Error{QStringLiteral("not-renewable"),
                      QStringLiteral("the site does not list this live, or its stream address is not known"),
                      QStringLiteral("Refresh, then pick it again.")};
            continue;
        }
        outcome.lives.last().renewal.stream = live->hlsUrl;
        renewable.append(*live);
        positions.append(int(outcome.lives.size()) - 1);
    }
    Q_EMIT renewStarted(int(liveKeys.size()));
    if (m_encoderUrl.isEmpty() || renewable.isEmpty()) {
        outcome.error = m_encoderUrl.isEmpty()
                            ? encoderUrlUnknown()
                            : Error{QStringLiteral("nothing-to-renew"),
                                    QStringLiteral("none of the chosen lives can be renewed on the encoder"),
                                    QStringLiteral("Refresh, then pick lives the site lists.")};
        for (LiveRenewal& live : outcome.lives)
            if (m_encoderUrl.isEmpty())
                live.renewal.first = *outcome.error;
        Q_EMIT renewFinished(outcome);
        return;
    }
    m_selectedRenew = new EncoderRenew(m_network, m_renewOptions, this);
    m_renewKeys = liveKeys;
    m_renewThenClear = thenClear;
    const int skipped = int(liveKeys.size() - renewable.size());
    connect(m_selectedRenew, &EncoderRenew::progress, this, [this, skipped](int done, int) {
        Q_EMIT renewProgress(skipped + done, int(m_renewKeys.size()));
    });
    if (skipped > 0)
        Q_EMIT renewProgress(skipped, int(liveKeys.size()));
    renewLivesOnEncoder(*m_selectedRenew, m_encoderUrl, renewable,
                        [this, outcome, positions](QList<LiveRenewal> renewals) mutable {
                            for (int i = 0; i < positions.size() && i < renewals.size(); ++i)
                                outcome.lives[positions[i]] = renewals[i];
                            finishRenew(std::move(outcome));
                        });
}

void SiteSession::cancelRenew() {
    if (!m_selectedRenew)
        return;
    const Error cancelled{QStringLiteral("cancelled"), QStringLiteral("the renew was cancelled"), {}};
    LiveRenewOutcome outcome;
    outcome.error = cancelled;
    for (const QString& key : std::as_const(m_renewKeys)) {
        LiveRenewal live{.key = key, .title = key, .renewal = {}};
        live.renewal.first = cancelled;
        outcome.lives.append(live);
    }
    delete m_selectedRenew; // aborts its requests; its callback does not run
    m_selectedRenew = nullptr;
    m_renewThenClear.reset();
    Q_EMIT renewFinished(outcome);
}

void SiteSession::finishRenew(LiveRenewOutcome outcome) {
    m_selectedRenew->deleteLater(); // we are inside its callback
    m_selectedRenew = nullptr;
    const std::optional<CacheClearMode> thenClear = std::exchange(m_renewThenClear, std::nullopt);
    Q_EMIT renewFinished(outcome);
    if (thenClear)
        clearCaches(*thenClear, false);
}

} // namespace avld
