#include "standincontroller.h"

#include "logging.h"
#include "site/siteclient.h"
#include "standinworker.h"

#include <QNetworkAccessManager>
#include <QThread>
#include <QTimer>

namespace avld {

namespace {

constexpr int kJoinTimeoutMs = 5000;
constexpr int kPresenceTimeoutMs = 3000;

} // namespace

StandInController::StandInController(QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<StandInStats>();
    qRegisterMetaType<Error>();
}

StandInController::~StandInController() {
    if (!m_thread)
        return;
    if (m_worker && m_phase != Phase::Stopping)
        QMetaObject::invokeMethod(m_worker, &StandInWorker::stop, Qt::QueuedConnection);
    if (!m_thread->wait(kJoinTimeoutMs))
        qCWarning(lcGenerator) << "the stand-in thread did not end in time";
}

void StandInController::start(const GeneratorConfig& config) {
    if (m_phase != Phase::Stopped) {
        failLater({QStringLiteral("busy"), QStringLiteral("the stand-in service is already running"),
                   QStringLiteral("Stop it first.")});
        return;
    }
    if (const Status invalid = config.validate(); !invalid.ok()) {
        failLater(invalid.error());
        return;
    }
    if (config.allowedHosts.isEmpty()) { // as `serve`: the service must not fetch whatever it is asked to
        failLater({QStringLiteral("no-allowed-hosts"),
                   QStringLiteral("no stream host is allowed: every image request would be refused"),
                   QStringLiteral("Add the site's host (and its media servers) to the allowed hosts.")});
        return;
    }
    m_config = config;
    m_baseUrl.clear();
    m_lastStats = {};
    m_startError.reset();

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("avld-standin"));
    auto* worker = new StandInWorker;
    worker->moveToThread(m_thread);
    m_worker = worker;
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(m_thread, &QThread::finished, this, &StandInController::onThreadFinished);
    connect(worker, &StandInWorker::started, this, [this](const QUrl& url, quint16 port) {
        if (m_phase != Phase::Starting)
            return; // stop() came first
        m_config.port = port;
        m_baseUrl = url;
        setPhase(Phase::Running);
        Q_EMIT started(url);
    });
    connect(worker, &StandInWorker::failed, this, [this](const Error& error) { m_startError = error; });
    connect(worker, &StandInWorker::statsUpdated, this, [this](const StandInStats& stats) {
        m_lastStats = stats;
        Q_EMIT statsUpdated(stats);
    });
    setPhase(Phase::Starting);
    m_thread->start();
    QMetaObject::invokeMethod(
        worker, [worker, config] { worker->start(config); }, Qt::QueuedConnection);
}

void StandInController::stop() {
    if (m_phase != Phase::Starting && m_phase != Phase::Running)
        return;
    setPhase(Phase::Stopping);
    QMetaObject::invokeMethod(m_worker, &StandInWorker::stop, Qt::QueuedConnection);
}

void StandInController::onThreadFinished() {
    m_thread->wait(); // finished is emitted just before the thread ends
    m_thread->deleteLater();
    m_thread = nullptr;
    m_baseUrl.clear();
    const std::optional<Error> error = std::exchange(m_startError, std::nullopt);
    setPhase(Phase::Stopped);
    if (error)
        Q_EMIT failed(*error);
    else
        Q_EMIT stopped();
}

void StandInController::setPhase(Phase phase) {
    if (m_phase == phase)
        return;
    m_phase = phase;
    Q_EMIT phaseChanged(phase);
}

void StandInController::failLater(Error error) {
    QTimer::singleShot(0, this, [this, error = std::move(error)] { Q_EMIT failed(error); });
}

QString StandInController::listenHost(const QHostAddress& address) {
    if (address == QHostAddress(QHostAddress::Any))
        return {};
    if (address == QHostAddress(QHostAddress::AnyIPv4))
        return QStringLiteral("0.0.0.0");
    if (address == QHostAddress(QHostAddress::AnyIPv6))
        return QStringLiteral("::");
    return address.toString();
}

Result<QList<EncoderUrlChoice>> StandInController::encoderUrlChoices(const QString& publicHost) const {
    if (m_phase != Phase::Running)
        return Error{QStringLiteral("not-running"), QStringLiteral("the stand-in service is not running"),
                     QStringLiteral("Start it first.")};
    StandinUrlOptions options;
    options.listen = {listenHost(m_config.bindAddress), m_config.port};
    options.prefix = m_config.pathPrefix;
    options.tls = m_config.tlsEnabled();
    options.publicHost = publicHost;
    return StandinUrl::encoderUrls(options, StandinUrl::machineAddresses());
}

Result<QUrl> StandInController::encoderUrlFor(const QString& publicHost) const {
    const Result<QList<EncoderUrlChoice>> choices = encoderUrlChoices(publicHost);
    if (!choices)
        return choices.error();
    if (choices->isEmpty())
        return Error{QStringLiteral("no-address"), QStringLiteral("this machine has no usable address"),
                     QStringLiteral("Listen on a specific address, or give the public host name.")};
    for (const EncoderUrlChoice& choice : *choices)
        if (choice.remote)
            return choice.url;
    return choices->first().url;
}

void StandInController::verify(SiteClient& site, bool readConfiguredEncoderUrl, const QString& publicHost,
                               const QDateTime& switchedAt) {
    runVerification(site, readConfiguredEncoderUrl, publicHost, switchedAt, nullptr);
}

void StandInController::readPresence(std::function<void(Result<StandinPresence>)> done) {
    if (m_phase != Phase::Running || !m_worker) {
        done(Error{QStringLiteral("not-running"), QStringLiteral("the stand-in is not running"),
                   QStringLiteral("Start it, then verify again.")});
        return;
    }
    // Once only: from the worker, or from the timer when the worker went away first (a stop).
    auto once = std::make_shared<std::function<void(Result<StandinPresence>)>>(std::move(done));
    QTimer::singleShot(kPresenceTimeoutMs, this, [once] {
        if (auto done = std::exchange(*once, nullptr))
            done(Error{
                QStringLiteral("timeout"), QStringLiteral("the stand-in did not say who it is in time"), {}});
    });
    StandInWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [this, worker, once] {
            const StandinPresence presence = worker->presence();
            QMetaObject::invokeMethod(
                this,
                [once, presence] {
                    if (auto done = std::exchange(*once, nullptr))
                        done(presence);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void StandInController::verify(const QUrl& siteUrl, const QString& publicHost) {
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    SiteProfile profile;
    const Result<QUrl> normalized = SiteProfile::normalizedSiteUrl(siteUrl.toString());
    profile.siteUrl = normalized ? *normalized : siteUrl;
    auto* site = new SiteClient(*m_network, profile, Clock::system(), this);
    runVerification(*site, false, publicHost, {}, site);
}

void StandInController::runVerification(SiteClient& site, bool readConfiguredEncoderUrl,
                                        const QString& publicHost, const QDateTime& switchedAt,
                                        QObject* ownedSite) {
    StandinVerificationOptions options;
    options.readConfiguredEncoderUrl = readConfiguredEncoderUrl;
    options.switchedAt = switchedAt;
    options.readPresence =
        [self = QPointer<StandInController>(this)](std::function<void(Result<StandinPresence>)> done) {
            if (self)
                self->readPresence(std::move(done));
        };
    if (const Result<QUrl> ours = encoderUrlFor(publicHost))
        options.expectedEncoderUrl = *ours;
    auto* verification = new StandinVerification(site, options, Clock::system(), this);
    ++m_verifying;
    verification->run([this, verification, ownedSite](StandinVerificationReport report) {
        --m_verifying;
        verification->deleteLater();
        if (ownedSite)
            ownedSite->deleteLater();
        Q_EMIT verified(report);
    });
}

} // namespace avld
