#pragma once

#include "avideositedriver.h"
#include "result.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace avld::test {

class ApacheServer;
class AvideoMediaServer;
class MariaDbServer;
class RtmpPublisher;

// The real AVideo 11.7 (../shared/avideo/) on loopback, for integration tests: unpacks the archive into a
// temporary directory, runs MariaDB, Apache + mod_php and nginx-rtmp as our children on free ports, installs
// the site through its own installer, enables the Live plugin, creates a streamer, lists its live and
// publishes a stamped stream to it, until stats.json.php lists the live and its HLS playlist exists.
// The encoder URL points at a closed loopback port: the encoder is DOWN at start.
// Needs root (Apache's workers run as www-data, which owns the tree). Blocking: for the fixture tool.
class RealAvideo {
public:
    struct Options {
        QString archive;
        QString logDirectory;   // empty: inside the temporary directory (gone after stop)
        int timeoutMs = 140000; // below realsite-fixture.sh's 150 s, so that its error is the one shown
    };
    struct StepTime {
        QString step;
        qint64 ms = 0;
    };

    explicit RealAvideo(Options options);
    ~RealAvideo();
    RealAvideo(const RealAvideo&) = delete;
    RealAvideo& operator=(const RealAvideo&) = delete;

    // What this machine lacks to run it (the archive, programs, Apache modules, root); empty when nothing.
    static QStringList missingPrerequisites(const QString& archive);

    Status start();
    // Stops the publisher, nginx, Apache and MariaDB, then removes the temporary directory. Safe twice.
    void stop();
    // Empty while everything runs; else which server stopped.
    QString whatStopped() const;

    // Fixture only (the product never does this): configurations.encoderURL through SQL.
    Status setEncoderUrl(const QUrl& url);

    // Everything a test needs, as written to the info file.
    QJsonObject info() const;
    QList<StepTime> stepTimes() const { return m_steps; }
    qint64 startedMs() const { return m_startedMs; }
    QUrl siteUrl() const { return m_siteUrl; }

private:
    Status startSteps();
    Status prepareDirectories();
    Status unpackAndInstallDatabase();
    Status startServers();
    Status installSite();
    Status publishAndWaitListed();
    Error failed(const QString& step, const Error& error, const QStringList& logs) const;
    void record(const QString& step, QElapsedTimer& clock);
    int remainingMs(int stepMs) const;
    QStringList secrets() const;

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_logDir;
    QString m_treePath;
    std::unique_ptr<MariaDbServer> m_database;
    std::unique_ptr<ApacheServer> m_apache;
    std::unique_ptr<AvideoMediaServer> m_media;
    std::unique_ptr<RtmpPublisher> m_publisher;
    std::unique_ptr<AvideoSiteDriver> m_driver;
    QElapsedTimer m_startClock;
    QList<StepTime> m_steps;
    qint64 m_startedMs = 0;

    QUrl m_siteUrl;
    QUrl m_encoderUrl;
    QString m_databasePassword;
    QString m_adminPassword;
    QString m_salt;
    AvideoStreamer m_streamer;
    QString m_liveKey; // as published: {transmissionKey}-{live_index}
    QString m_publishUrl;
    QUrl m_watchUrl;
};

} // namespace avld::test
