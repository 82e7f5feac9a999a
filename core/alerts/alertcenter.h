#pragma once

#include "alertchannelconfig.h"
#include "alertdelivery.h"
#include "alertlifecycle.h"
#include "encoderalerts.h"
#include "livealerts.h"

#include <QObject>
#include <QTimer>

#include <optional>

class QSettings;

namespace avld {

class Clock;
class EncoderWatch;
class SecretStore;
class TimedHttpClient;

// The window's alerts: the channels and the lifecycle's policy kept in the settings (secrets in the
// keychain, under each channel's secretKey()), the encoder watch's alerts through the lifecycle to every
// enabled channel, a test message on request, and what failed, said as a signal.
class AlertCenter : public QObject {
    Q_OBJECT
public:
    AlertCenter(QSettings& storage, SecretStore& secrets, const Clock& clock, QObject* parent = nullptr);
    ~AlertCenter() override;

    QList<AlertChannelConfig> channels() const { return m_channels; }
    std::optional<AlertChannelConfig> channel(const QString& id) const;
    // Stores it (a new id when empty) and its secret in the keychain (nullopt: keep the kept one; empty:
    // none). `done` says whether the keychain took it; the channel list changes either way.
    void saveChannel(AlertChannelConfig config, std::optional<QString> secret,
                     std::function<void(Status)> done = {});
    void removeChannel(const QString& id);

    AlertPolicy policy() const { return m_lifecycle.policy(); }
    void setPolicy(const AlertPolicy& policy);

    // One test message to that channel, through a queue of its own (retried like any alert). Answered by
    // testRetrying() and testFinished().
    void sendTest(const QString& id);

    // Follows this watch's alerts until it is gone. A site switch withdraws the old site's alerts first
    // (withdrawAll(): nothing is sent about them; they are no longer watched).
    void follow(EncoderWatch& watch);
    // After a check of a site's lives: black, still and silent lives (LiveAlerts).
    void noteLivesCheck(const QString& site, const QString& siteKey, const SiteCheckReport& report,
                        const QHash<QString, LivePicture>& pictures, const QHash<QString, LiveSound>& sounds);
    void withdrawAll();
    AlertLifecycle& lifecycle() { return m_lifecycle; }
    int failedTotal() const { return m_delivery.failedTotal(); }

Q_SIGNALS:
    void channelsChanged();
    void testRetrying(const QString& id, const QString& text);
    void testFinished(const QString& id, bool delivered, const QString& text);
    // A message a channel did not take (after its retries), or a channel that cannot be used; for the Log
    // and the tray. Never holds a secret.
    void problem(const QString& text);

private:
    void load();
    void saveList();
    void rebuild();
    void sendBacklog();
    void withSecret(const AlertChannelConfig& config, std::function<void(QString)> then);

    QSettings& m_storage;
    SecretStore& m_secrets;
    const Clock& m_clock;
    std::unique_ptr<TimedHttpClient> m_http;
    AlertLifecycle m_lifecycle;
    AlertDelivery m_delivery;
    AlertDelivery m_tests;
    EncoderAlerts m_encoders;
    LiveAlerts m_lives;
    QList<AlertChannelConfig> m_channels;
    QHash<int, QString> m_testLanes; // lane in m_tests -> channel id
    int m_generation = 0;            // of rebuild(): secrets read for an older list are dropped
    int m_channelsBeingMade = 0;     // by rebuild(), waiting for their secrets
    int m_savesPending = 0;          // saveChannel() waiting for the keychain
    QList<AlertMessage> m_backlog;   // what came meanwhile
    QTimer m_tick;
};

} // namespace avld
