#include "alertcenter.h"

#include "clock.h"
#include "encoders/encoderwatch.h"
#include "logging.h"
#include "net/timedhttpclient.h"
#include "secretstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSettings>
#include <QUuid>

namespace avld {

namespace {
const QString kChannels = QStringLiteral("alerts/channels");
const QString kRemindMinutes = QStringLiteral("alerts/remindEveryMinutes");
const QString kQuietHours = QStringLiteral("alerts/quietHours");
const QString kCriticalDuringQuiet = QStringLiteral("alerts/criticalDuringQuietHours");
} // namespace

AlertCenter::AlertCenter(QSettings& storage, SecretStore& secrets, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
    , m_secrets(secrets)
    , m_clock(clock)
    , m_http(std::make_unique<TimedHttpClient>(8))
    , m_lifecycle(clock)
    , m_tests(AlertDelivery::Options{.maxAttempts = 3,
                                     .firstBackoffMs = 2000,
                                     .maxBackoffMs = 8000,
                                     .maxRetryAfterMs = 60'000,
                                     .maxQueued = 5})
    , m_encoders(m_lifecycle)
    , m_lives(m_lifecycle) {
    connect(&m_lifecycle, &AlertLifecycle::message, this, [this](const AlertMessage& m) {
        if (m_channelsBeingMade > 0 || m_savesPending > 0)
            m_backlog.append(m); // the channels are being made again (their secrets are read): after
        else
            m_delivery.send(m);
    });
    connect(&m_delivery, &AlertDelivery::failed, this,
            [this](int, quint64, const AlertMessage&, const QString& reason) { Q_EMIT problem(reason); });
    connect(&m_tests, &AlertDelivery::retrying, this,
            [this](int lane, quint64, const QString& reason, int, qint64 delayMs) {
                Q_EMIT testRetrying(m_testLanes.value(lane),
                                    tr("%1; trying again in %2 s").arg(reason).arg((delayMs + 999) / 1000));
            });
    auto finishTest = [this](int lane, bool delivered, const QString& text) {
        const QString id = m_testLanes.take(lane);
        QTimer::singleShot(0, this, [this, lane] { m_tests.removeChannel(lane); });
        Q_EMIT testFinished(id, delivered, text);
    };
    connect(
        &m_tests, &AlertDelivery::delivered, this,
        [this, finishTest](int lane, quint64, const AlertMessage&) {
            finishTest(
                lane, true,
                tr("Delivered at %1").arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"))));
        });
    connect(&m_tests, &AlertDelivery::failed, this,
            [this, finishTest](int lane, quint64, const AlertMessage&, const QString&) {
                // The row names the channel already: only why.
                finishTest(lane, false, tr("Not delivered: %1").arg(m_tests.stats(lane).lastProblem));
            });
    m_tick.setInterval(15'000);
    connect(&m_tick, &QTimer::timeout, &m_lifecycle, &AlertLifecycle::tick);
    m_tick.start();
    load();
}

AlertCenter::~AlertCenter() = default;

void AlertCenter::load() {
    m_channels.clear();
    const QJsonArray list = QJsonDocument::fromJson(m_storage.value(kChannels).toByteArray()).array();
    for (const QJsonValue& v : list)
        m_channels.append(AlertChannelConfig::fromJson(v.toObject()));
    AlertPolicy policy;
    policy.remindEveryMs = m_storage.value(kRemindMinutes, 60).toLongLong() * 60'000;
    policy.quietHours = QuietHours::parse(m_storage.value(kQuietHours).toString()).valueOr({});
    policy.criticalDuringQuietHours = m_storage.value(kCriticalDuringQuiet, true).toBool();
    m_lifecycle.setPolicy(policy);
    rebuild();
}

void AlertCenter::saveList() {
    QJsonArray list;
    for (const AlertChannelConfig& c : std::as_const(m_channels))
        list.append(c.toJson());
    m_storage.setValue(kChannels, QJsonDocument(list).toJson(QJsonDocument::Compact));
    m_storage.sync();
}

std::optional<AlertChannelConfig> AlertCenter::channel(const QString& id) const {
    for (const AlertChannelConfig& c : m_channels)
        if (c.id == id)
            return c;
    return std::nullopt;
}

void AlertCenter::saveChannel(AlertChannelConfig config, std::optional<QString> secret,
                              std::function<void(Status)> done) {
    if (config.id.isEmpty())
        config.id = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    const auto it =
        std::find_if(m_channels.begin(), m_channels.end(), [&](const auto& c) { return c.id == config.id; });
    if (it != m_channels.end())
        *it = config;
    else
        m_channels.append(config);
    saveList();
    ++m_savesPending; // alerts wait until the channels are made again with it
    auto finish = [this, done](Status status) {
        --m_savesPending;
        rebuild();
        Q_EMIT channelsChanged();
        if (done)
            done(status);
    };
    if (!secret)
        return finish({});
    QPointer<AlertCenter> self(this);
    auto stored = [self, finish](Status status) {
        if (self)
            finish(status);
    };
    if (secret->isEmpty())
        m_secrets.remove(config.secretKey(), stored);
    else
        m_secrets.write(config.secretKey(), *secret, stored);
}

void AlertCenter::removeChannel(const QString& id) {
    const std::optional<AlertChannelConfig> gone = channel(id);
    if (!gone)
        return;
    m_channels.removeIf([&](const AlertChannelConfig& c) { return c.id == id; });
    saveList();
    m_secrets.remove(gone->secretKey(), [](Status) {});
    rebuild();
    Q_EMIT channelsChanged();
}

void AlertCenter::setPolicy(const AlertPolicy& policy) {
    m_storage.setValue(kRemindMinutes, policy.remindEveryMs / 60'000);
    m_storage.setValue(kQuietHours, policy.quietHours.toString());
    m_storage.setValue(kCriticalDuringQuiet, policy.criticalDuringQuietHours);
    m_storage.sync();
    m_lifecycle.setPolicy(policy);
}

void AlertCenter::withSecret(const AlertChannelConfig& config, std::function<void(QString)> then) {
    QPointer<AlertCenter> self(this);
    m_secrets.read(config.secretKey(), [self, then](Result<QString> secret) {
        if (self)
            then(secret ? *secret : QString());
    });
}

void AlertCenter::rebuild() {
    const int generation = ++m_generation;
    m_delivery.clearChannels();
    m_channelsBeingMade = int(std::count_if(m_channels.begin(), m_channels.end(),
                                            [](const AlertChannelConfig& c) { return c.enabled; }));
    for (const AlertChannelConfig& config : std::as_const(m_channels)) {
        if (!config.enabled)
            continue;
        withSecret(config, [this, config, generation](const QString& secret) {
            if (generation != m_generation)
                return;
            Result<std::unique_ptr<AlertChannel>> made = config.makeChannel(*m_http, secret);
            if (made) {
                m_delivery.addChannel(std::move(made).value());
            } else {
                qCWarning(lcAlerts).noquote() << made.error().toString();
                Q_EMIT problem(
                    tr("Alerts to %1 cannot be sent: %2")
                        .arg(config.name.isEmpty() ? config.kind : config.name, made.error().toString()));
            }
            --m_channelsBeingMade;
            sendBacklog();
        });
    }
    sendBacklog(); // when no channel is enabled
}

void AlertCenter::sendBacklog() {
    if (m_channelsBeingMade > 0 || m_savesPending > 0)
        return;
    for (const AlertMessage& waiting : std::exchange(m_backlog, {}))
        m_delivery.send(waiting);
}

void AlertCenter::sendTest(const QString& id) {
    const std::optional<AlertChannelConfig> config = channel(id);
    if (!config)
        return;
    withSecret(*config, [this, config](const QString& secret) {
        Result<std::unique_ptr<AlertChannel>> made = config->makeChannel(*m_http, secret);
        if (!made)
            return Q_EMIT testFinished(config->id, false, made.error().toString());
        const int lane = m_tests.addChannel(std::move(made).value());
        m_testLanes.insert(lane, config->id);
        m_tests.sendTo(lane, AlertMessage::test(m_clock.now()));
    });
}

void AlertCenter::follow(EncoderWatch& watch) {
    connect(&watch, &EncoderWatch::snapshotsChanged, this, [this](const QList<EncoderSnapshot>& snapshots) {
        for (const EncoderSnapshot& s : snapshots)
            if (s.last)
                m_encoders.noteProbe(*s.last);
    });
    connect(&watch, &EncoderWatch::alert, this,
            [this](const EncoderStateChange& change, const EncoderTarget& target) {
                m_encoders.onAlert(change, target);
            });
}

void AlertCenter::noteLivesCheck(const QString& site, const QString& siteKey, const SiteCheckReport& report,
                                 const QHash<QString, LivePicture>& pictures,
                                 const QHash<QString, LiveSound>& sounds) {
    m_lives.onCheck(site, siteKey, report, pictures, sounds);
}

void AlertCenter::withdrawAll() {
    m_lives.forget();
    m_lifecycle.withdrawAll();
}

} // namespace avld
