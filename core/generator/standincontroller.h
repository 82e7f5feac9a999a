#pragma once

#include "generatorconfig.h"
#include "result.h"
#include "standinstats.h"
#include "standinurl.h"
#include "standinverification.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QThread;

namespace avld {

class SiteClient;
class StandInWorker;

// Runs the stand-in thumbnail service (ThumbnailService) for the GUI: the controller lives on the GUI thread,
// the service on a worker thread of its own, so thousands of requests a second never stall the window.
// Every call returns at once; outcomes come back as signals.
class StandInController : public QObject {
    Q_OBJECT
public:
    enum class Phase { Stopped, Starting, Running, Stopping };
    Q_ENUM(Phase)

    explicit StandInController(QObject* parent = nullptr);
    // Stops the service cleanly (waiting requests get their answer) and joins the thread; blocks briefly.
    ~StandInController() override;

    // Validates `config` (an empty allow-list is refused, as `serve` does), then starts the service on the
    // worker thread: started() or failed() follows (failed() also for an invalid configuration, a port in
    // use, a TLS file that does not load, or a call while the service is not stopped).
    void start(const GeneratorConfig& config);
    // Stops listening, answers waiting requests, ends the thread; stopped() follows. No-op when stopped.
    void stop();

    Phase phase() const { return m_phase; }
    bool isRunning() const { return m_phase == Phase::Running; }
    // Where the running service answers (loopback for a wildcard bind address); empty when not running.
    QUrl baseUrl() const { return m_baseUrl; }
    // The configuration of the running (or last started) service, with the port it really listens on.
    const GeneratorConfig& config() const { return m_config; }
    const StandInStats& lastStats() const { return m_lastStats; }

    // The Encoder URL(s) to give AVideo for the running service (StandinUrl::encoderUrls): reachable ones
    // first. `publicHost` ("host" or "host:port"), when set, is the name AVideo reaches this machine by.
    Result<QList<EncoderUrlChoice>> encoderUrlChoices(const QString& publicHost = {}) const;
    // The first of them, preferring one another machine can use.
    Result<QUrl> encoderUrlFor(const QString& publicHost = {}) const;

    // Asks the site's plugin/Live/getImage.php for every live and whether it now serves our frames
    // (StandinVerification); verified() follows. With an admin session on `site`, pass
    // readConfiguredEncoderUrl to compare the site's Encoder URL with ours.
    // `switchedAt`: when the site was seen pointing at the stand-in; requests before it do not count.
    void verify(SiteClient& site, bool readConfiguredEncoderUrl = false, const QString& publicHost = {},
                const QDateTime& switchedAt = {});
    // The same as an anonymous visitor of `siteUrl`.
    void verify(const QUrl& siteUrl, const QString& publicHost = {});
    bool isVerifying() const { return m_verifying > 0; }
    // The running service's identity and last image, read from its thread; `done` comes on this thread,
    // with an error when the service is not running or does not answer within a few seconds.
    void readPresence(std::function<void(Result<StandinPresence>)> done);

Q_SIGNALS:
    void started(const QUrl& baseUrl);
    void stopped();
    void failed(const avld::Error& error);
    void statsUpdated(const avld::StandInStats& stats);
    void phaseChanged(avld::StandInController::Phase phase);
    void verified(const avld::StandinVerificationReport& report);

private:
    void setPhase(Phase phase);
    void failLater(Error error);
    void onThreadFinished();
    void runVerification(SiteClient& site, bool readConfiguredEncoderUrl, const QString& publicHost,
                         const QDateTime& switchedAt, QObject* ownedSite);
    static QString listenHost(const QHostAddress& address);

    Phase m_phase = Phase::Stopped;
    GeneratorConfig m_config;
    QUrl m_baseUrl;
    StandInStats m_lastStats;
    QThread* m_thread = nullptr;
    QPointer<StandInWorker> m_worker;
    std::optional<Error> m_startError;
    int m_verifying = 0;
    std::unique_ptr<QNetworkAccessManager> m_network; // for verify(siteUrl)
};

} // namespace avld
