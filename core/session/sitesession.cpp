#include "sitesession.h"

#include "logging.h"
#include "secretstore.h"

namespace avld {

SiteSession::SiteSession(SiteProfile profile, SecretStore& secrets, QObject* parent)
    : QObject(parent)
    , m_client(std::make_unique<SiteClient>(m_network, std::move(profile)))
    , m_grabber(std::make_unique<FrameGrabber>(m_network))
    , m_signIn(std::make_unique<SiteSignIn>(*m_client, secrets)) {
    m_refreshTimer.setSingleShot(false);
    connect(&m_refreshTimer, &QTimer::timeout, this, &SiteSession::refresh);
}

SiteSession::~SiteSession() {
    m_refreshTimer.stop();
    // Running jobs call back into the client, grabber and renewer: they go first.
    delete m_check;
    m_check = nullptr;
    qDeleteAll(findChildren<CacheClearJob*>(Qt::FindDirectChildrenOnly));
}

void SiteSession::signIn(const QString& user, std::optional<QString> password) {
    const auto ask = []() -> Result<QString> {
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
        if (outcome->storeProblem)
            qCInfo(lcSite).noquote() << "signed in; the sign-in is not remembered:"
                                     << outcome->storeProblem->message;
        m_login = outcome->login;
        Q_EMIT signedIn(*m_login);
        if (m_login->isAdmin)
            learnEncoderUrl();
        else
            Q_EMIT encoderUrlProblem(Error{
                QStringLiteral("not-admin"), QStringLiteral("only an admin can read the site's encoder URL"),
                QStringLiteral("Sign in as an admin, or type the encoder URL on the "
                               "Encoders page.")});
    });
}

void SiteSession::learnEncoderUrl() {
    m_client->fetchEncoderUrl([this](Result<QUrl> url) {
        if (!url) {
            Q_EMIT encoderUrlProblem(url.error());
            return;
        }
        setEncoderUrl(*url);
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
    Q_EMIT cacheClearStarted();
    auto* job = new CacheClearJob(*m_client, *m_grabber, this);
    if (renewFirst && !m_encoderUrl.isEmpty()) {
        if (!m_renew)
            m_renew = std::make_unique<EncoderRenew>(m_network);
        job->renewOnEncoderFirst(m_renew.get(), m_encoderUrl);
    }
    job->run(mode, [this, job](CacheClearOutcome outcome) {
        m_clearing = false;
        job->deleteLater();
        Q_EMIT cacheCleared(outcome);
        refresh(); // the tiles show what visitors see now
    });
}

} // namespace avld
