#pragma once

#include "formbrowser.h"
#include "result.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrl>

namespace avld::test {

// What AVideo's installer (install/checkConfiguration.php) asks.
struct AvideoInstallForm {
    QString treePath; // the unpacked tree, ending with '/'
    quint16 databasePort = 0;
    QString database;
    QString databaseUser;
    QString databasePassword;
    QString adminPassword;
    QString title;
    QString salt;
};

struct AvideoStreamer {
    QString user;
    QString password;
    QString channel;
    QString transmissionKey; // live_transmitions.key, without AVideo's -{live_index}
    int usersId = 0;
};

// Drives a real AVideo 11.7 over HTTP the way its own pages do (../shared/avideo/README.md): the
// installer, logins, the Live plugin's switch and options, a new streamer, its live listed, its publish URL.
// One browser session for the admin and one for the streamer. Errors name the step, the HTTP status and the
// start of the answer, with the secrets given masked.
class AvideoSiteDriver {
public:
    AvideoSiteDriver(const QUrl& siteUrl, QStringList secrets);

    Status install(const AvideoInstallForm& form, int timeoutMs);
    Status loginAdmin(const QString& password, int timeoutMs);
    Status enableLive(const QString& rtmpServer, const QUrl& playerServer, const QUrl& stats, int timeoutMs);
    // 11.7 answers {"error":true,...} although it saved the user: the streamer's login is the check.
    Status addStreamer(const QString& user, const QString& password, int timeoutMs);
    Result<AvideoStreamer> loginStreamer(const QString& user, const QString& password, int timeoutMs);
    // saveLive.php listed=true: lives are private (hidden_applications) until then.
    Status listLive(const QString& transmissionKey, const QString& title, int timeoutMs);
    // The "Server URL + Stream name/key" of the streamer's Live panel: rtmp://…/live?s=…&…/{key}-{index}.
    Result<QString> publishUrl(int timeoutMs);
    // The stats.json.php application for `key`, or an error when it is not listed (yet).
    Result<QJsonObject> listedLive(const QString& key, int timeoutMs);

private:
    Error stepError(const QString& step, const BrowserReply& reply, const QString& why = {}) const;
    Result<QJsonObject> jsonAnswer(const QString& step, const BrowserReply& reply) const;

    QUrl m_site;
    QStringList m_secrets;
    FormBrowser m_admin;
    FormBrowser m_streamer;
};

} // namespace avld::test
