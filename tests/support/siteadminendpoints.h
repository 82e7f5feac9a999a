#pragma once

#include <QHttpServerResponse>
#include <QMap>
#include <QString>
#include <QUrl>

#include <functional>

namespace avld::test {

class SimRequest;
class SiteAccounts;
struct SimulatedUser;

// The account and administration scripts of the simulated site: objects/login.json.php (§5),
// objects/status.json.php (§3.1), objects/configurationClearCache.json.php (§4.2) and
// objects/configurationUpdate.json.php (§2.1), with the site's `configurations` row. The generic guards
// (CSRF, rate limit) are applied by SiteSimulator before these run.
class SiteAdminEndpoints {
public:
    struct Environment {
        QUrl siteUrl{};
        QString rtmpServer{}; // the Live plugin's `server` option, e.g. rtmp://127.0.0.1:1935/live
        QString version{};    // configurations.version
    };
    // The live_transmitions row of a user, created when missing (LiveTransmition::createTransmitionIfNeed).
    using StreamKeyFor = std::function<QString(const SimulatedUser&)>;
    // What a full clear removes besides the session caches: videos/cache and YPTObjectCache.
    using FullClear = std::function<void()>;

    SiteAdminEndpoints(SiteAccounts& accounts, StreamKeyFor streamKeyFor, FullClear fullClear);

    void setEnvironment(Environment environment) { m_environment = std::move(environment); }
    const Environment& environment() const { return m_environment; }

    // The `configurations` row (id 1), by the POST names of the Site Configurations form.
    QMap<QString, QString> configuration() const { return m_configuration; }
    QString configurationValue(const QString& name) const { return m_configuration.value(name); }
    void setConfigurationValue(const QString& name, const QString& value) {
        m_configuration.insert(name, value);
    }
    // The fields configurationUpdate.json.php writes from $_POST, in its order.
    static QStringList formFields();

    QHttpServerResponse login(const SimRequest& request);
    QHttpServerResponse status(const SimRequest& request);
    QHttpServerResponse clearCache(const SimRequest& request);
    QHttpServerResponse configurationUpdate(const SimRequest& request);
    // view/configurations.php: the Site Configurations page. Only an admin session gets the form with the
    // encoder_url field (value through htmlspecialchars); everyone else gets the page without it (§2.1).
    QHttpServerResponse configurationsPage(const SimRequest& request);

    int sessionCacheClears() const { return m_sessionCacheClears; }
    int firstPageCacheClears() const { return m_firstPageCacheClears; }
    int fullCacheClears() const { return m_fullCacheClears; }
    int configurationSaves() const { return m_configurationSaves; }

private:
    // The session of the request, started when it has none (PHP's session_start()); `created` tells
    // whether a Set-Cookie is due.
    QString session(const SimRequest& request, bool* created);

    SiteAccounts& m_accounts;
    StreamKeyFor m_streamKeyFor;
    FullClear m_fullClear;
    Environment m_environment;
    QMap<QString, QString> m_configuration;
    int m_sessionCacheClears = 0;
    int m_firstPageCacheClears = 0;
    int m_fullCacheClears = 0;
    int m_configurationSaves = 0;
};

} // namespace avld::test
