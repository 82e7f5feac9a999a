#include "siteadminendpoints.h"

#include "phpjson.h"
#include "simrequest.h"
#include "siteaccounts.h"

#include <QJsonArray>
#include <QJsonObject>

namespace avld::test {

namespace {

QByteArray sessionCookie(const QString& id) {
    return "PHPSESSID=" + id.toLatin1() + "; path=/; HttpOnly";
}

} // namespace

SiteAdminEndpoints::SiteAdminEndpoints(SiteAccounts& accounts, StreamKeyFor streamKeyFor, FullClear fullClear)
    : m_accounts(accounts)
    , m_streamKeyFor(std::move(streamKeyFor))
    , m_fullClear(std::move(fullClear)) {
    for (const QString& field : formFields())
        m_configuration.insert(field, QString());
    m_configuration.insert(QStringLiteral("contactEmail"), QStringLiteral("admin@avld.test"));
    m_configuration.insert(QStringLiteral("language"), QStringLiteral("en_US"));
    m_configuration.insert(QStringLiteral("webSiteTitle"), QStringLiteral("AVideo"));
    m_configuration.insert(QStringLiteral("description"), QStringLiteral("A simulated AVideo site"));
    m_configuration.insert(QStringLiteral("authCanComment"), QStringLiteral("1"));
    m_configuration.insert(QStringLiteral("authCanUploadVideos"), QStringLiteral("1"));
    m_configuration.insert(QStringLiteral("session_timeout"), QStringLiteral("3600"));
    m_configuration.insert(QStringLiteral("autoplay"), QStringLiteral("1"));
    m_configuration.insert(QStringLiteral("theme"), QStringLiteral("default"));
}

QStringList SiteAdminEndpoints::formFields() {
    // objects/configurationUpdate.json.php (2025-2026), every $_POST it reads, in order; the
    // disable_analytics ... smtpPort block only when $global['disableAdvancedConfigurations'] is empty,
    // which is the default and what the simulator models.
    return {QStringLiteral("contactEmail"),
            QStringLiteral("language"),
            QStringLiteral("webSiteTitle"),
            QStringLiteral("description"),
            QStringLiteral("authCanComment"),
            QStringLiteral("authCanUploadVideos"),
            QStringLiteral("authCanViewChart"),
            QStringLiteral("disable_analytics"),
            QStringLiteral("allow_download"),
            QStringLiteral("session_timeout"),
            QStringLiteral("encoder_url"),
            QStringLiteral("smtp"),
            QStringLiteral("smtpAuth"),
            QStringLiteral("smtpSecure"),
            QStringLiteral("smtpHost"),
            QStringLiteral("smtpUsername"),
            QStringLiteral("smtpPassword"),
            QStringLiteral("smtpPort"),
            QStringLiteral("head"),
            QStringLiteral("adsense"),
            QStringLiteral("autoplay"),
            QStringLiteral("theme")};
}

QString SiteAdminEndpoints::session(const SimRequest& request, bool* created) {
    const QString existing = SiteAccounts::requestSession(request);
    *created = existing.isEmpty() || !m_accounts.hasSession(existing);
    if (!*created)
        return existing;
    // PHP adopts an unknown id from the cookie or ?PHPSESSID= (use_strict_mode off); the simulator always
    // issues its own so ids stay unique.
    return m_accounts.createSession(0);
}

// §5 objects/login.json.php: GET or POST (GET values copied into $_POST), exempt from the CSRF guard.
QHttpServerResponse SiteAdminEndpoints::login(const SimRequest& request) {
    const QString user = request.param(QStringLiteral("user"));
    const QString pass = request.param(QStringLiteral("pass"));
    if (user.isEmpty() || pass.isEmpty())
        return PhpJson::response(
            {{QStringLiteral("error"), QStringLiteral("User and Password can not be blank")}});

    const QString encoded = request.param(QStringLiteral("encodedPass"));
    const bool encodedPass =
        !encoded.isEmpty() && encoded != QStringLiteral("0") && encoded != QStringLiteral("false");
    const SimulatedUser* found = m_accounts.checkCredentials(user, pass, encodedPass);

    bool created = false;
    QString sessionId = session(request, &created);
    if (found) {
        // A successful login regenerates the session id (_session_regenerate_id()).
        sessionId = m_accounts.createSession(found->id);
        created = true;
    }

    const QString site = m_environment.siteUrl.toString();
    QJsonObject object{{QStringLiteral("isCaptchaNeed"), false},
                       {QStringLiteral("siteLogo"), site + QStringLiteral("videos/userPhoto/logo.png")}};
    if (found) {
        const QString hash = SiteAccounts::passwordHash(found->password);
        const QString streamKey = m_streamKeyFor ? m_streamKeyFor(*found) : QString();
        object.insert(QStringLiteral("id"), found->id);
        object.insert(QStringLiteral("user"), found->user);
        object.insert(QStringLiteral("donationLink"), QString());
        object.insert(QStringLiteral("name"), found->name);
        object.insert(QStringLiteral("nameIdentification"), found->name);
        object.insert(QStringLiteral("pass"), hash);
        object.insert(QStringLiteral("email"), found->user + QStringLiteral("@avld.test"));
        object.insert(QStringLiteral("channelName"), found->user);
        object.insert(QStringLiteral("photo"), site + QStringLiteral("view/img/userSilhouette.jpg"));
        object.insert(QStringLiteral("backgroundURL"), site + QStringLiteral("view/img/background.jpg"));
        object.insert(QStringLiteral("isLogged"), true);
        object.insert(QStringLiteral("isAdmin"), found->isAdmin);
        object.insert(QStringLiteral("canUpload"), found->canUpload || found->isAdmin);
        object.insert(QStringLiteral("canComment"), true);
        object.insert(QStringLiteral("canMeet"), false);
        object.insert(QStringLiteral("canCreateCategory"), found->isAdmin);
        object.insert(QStringLiteral("theme"), QStringLiteral("default"));
        object.insert(QStringLiteral("canStream"), found->canStream || found->isAdmin);
        object.insert(QStringLiteral("streamServerURL"),
                      m_environment.rtmpServer + QStringLiteral("?p=") + hash);
        object.insert(QStringLiteral("streamKey"), streamKey);
    } else {
        // Not logged: User::getId(), getUserName(), getName(), getUserPass() and getMail() give false.
        for (const char* field : {"id", "user", "name", "pass", "email"})
            object.insert(QLatin1String(field), false);
        object.insert(QStringLiteral("donationLink"), QString());
        object.insert(QStringLiteral("nameIdentification"), QString());
        object.insert(QStringLiteral("channelName"), QString());
        object.insert(QStringLiteral("photo"), site + QStringLiteral("view/img/userSilhouette.jpg"));
        object.insert(QStringLiteral("backgroundURL"), site + QStringLiteral("view/img/background.jpg"));
        object.insert(QStringLiteral("isLogged"), false);
        for (const char* field :
             {"isAdmin", "canUpload", "canComment", "canMeet", "canCreateCategory", "canStream"})
            object.insert(QLatin1String(field), false);
        object.insert(QStringLiteral("theme"), QStringLiteral("default"));
        object.insert(QStringLiteral("streamServerURL"), QString());
        object.insert(QStringLiteral("streamKey"), QString());
    }
    object.insert(QStringLiteral("redirectUri"), site);
    object.insert(QStringLiteral("embedChatUrl"), QString());
    object.insert(QStringLiteral("embedChatUrlMobile"), QString());
    object.insert(QStringLiteral("categories"), QJsonArray());
    // UserGroups::getAllUsersGroups(): every group of the site, not only the caller's.
    QJsonArray groups;
    for (const SimulatedGroup& group : m_accounts.groups())
        groups.append(
            QJsonObject{{QStringLiteral("id"), group.id}, {QStringLiteral("group_name"), group.name}});
    object.insert(QStringLiteral("userGroups"), groups);
    object.insert(QStringLiteral("PHPSESSID"), sessionId);

    QHttpServerResponse response = PhpJson::response(object);
    response.addHeader("Access-Control-Allow-Origin", "*");
    if (created)
        response.addHeader("Set-Cookie", sessionCookie(sessionId));
    return response;
}

// §3.1 objects/status.json.php: no login needed (the CSRF guard still applies: it is a *.json.php).
QHttpServerResponse SiteAdminEndpoints::status(const SimRequest& request) {
    bool created = false;
    const QString sessionId = session(request, &created);
    const QString site = m_environment.siteUrl.toString();
    QJsonArray oauth;
    for (const char* type : {"Facebook", "Google", "Twitter", "LinkedIn"})
        oauth.append(
            QJsonObject{{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("status"), false}});
    // The plugins map is keyed by plugin dir name and holds each plugin's getMobileInfo(); what Live and API
    // put there is not written down, so only their names and the Live uuid (§2.2) are given.
    const QJsonObject plugins{
        {QStringLiteral("Live"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("Live")},
                     {QStringLiteral("uuid"), QStringLiteral("e06b161c-cbd0-4c1d-a484-71018efa2f35")}}},
        {QStringLiteral("API"), QJsonObject{{QStringLiteral("name"), QStringLiteral("API")}}},
    };
    const QJsonObject object{
        {QStringLiteral("max_file_size"), QStringLiteral("2G")},
        {QStringLiteral("file_upload_max_size"), 2147483648.0},
        {QStringLiteral("videoStorageLimitMinutes"), QJsonValue::Null},
        {QStringLiteral("currentStorageUsage"), 0},
        {QStringLiteral("webSiteLogo"), site + QStringLiteral("videos/userPhoto/logo.png")},
        {QStringLiteral("webSiteTitle"), m_configuration.value(QStringLiteral("webSiteTitle"))},
        {QStringLiteral("PHPSESSID"), sessionId},
        {QStringLiteral("version"), m_environment.version},
        {QStringLiteral("mobileSreamerVersion"), QString()},
        {QStringLiteral("reportVideoPluginEnabled"), false},
        {QStringLiteral("oauthLogin"), oauth},
        {QStringLiteral("plugins"), plugins},
    };
    QHttpServerResponse response = PhpJson::response(object);
    response.addHeader("Access-Control-Allow-Origin", "*");
    if (created)
        response.addHeader("Set-Cookie", sessionCookie(sessionId));
    return response;
}

// §4.2 objects/configurationClearCache.json.php, newest: the response of the real script sets `msg` to ''
// and leaves deleteAllSessionCache false in the FirstPage and full branches (clearCache() clears the
// session caches internally, but that is not what the field reports).
QHttpServerResponse SiteAdminEndpoints::clearCache(const SimRequest& request) {
    QJsonObject object{{QStringLiteral("error"), true},
                       {QStringLiteral("msg"), QString()},
                       {QStringLiteral("clearCache"), false},
                       {QStringLiteral("deleteALLCache"), false},
                       {QStringLiteral("deleteAllSessionCache"), false}};
    const SimulatedUser* caller = m_accounts.caller(request);
    const bool permitted = caller && m_accounts.canClearCache(*caller);
    if (!permitted || !request.paramIsEmpty(QStringLiteral("sessionOnly"))) {
        // Permissions::canClearCache() false, or sessionOnly=1: ObjectYPT::deleteAllSessionCache() only.
        ++m_sessionCacheClears;
        object.insert(QStringLiteral("deleteAllSessionCache"), true);
    } else if (!request.paramIsEmpty(QStringLiteral("FirstPage"))) {
        // clearCache(true): videos/cache/firstPage/ and the first-page part of the object cache, the
        // session caches; the live image caches stay.
        ++m_firstPageCacheClears;
        ++m_sessionCacheClears;
        object.insert(QStringLiteral("firstPageCache"), true);
    } else {
        // clearCache() + ObjectYPT::deleteALLCache(): videos/cache/ (liveImage_*), the whole YPTObjectCache
        // (getLiveImage_*, getStats/, the live/ LiveCacheHandler entries) and the session caches.
        ++m_fullCacheClears;
        ++m_sessionCacheClears;
        if (m_fullClear)
            m_fullClear();
        object.insert(QStringLiteral("clearCache"), true);
        object.insert(QStringLiteral("deleteALLCache"), true);
    }
    object.insert(QStringLiteral("error"), false);
    return PhpJson::response(object);
}

// §2.1 objects/configurationUpdate.json.php. Non-admins get the script's die('{"error":"Permission
// denied"}') with HTTP 200 (there is no http_response_code() before it). Like the real form handler, it
// then overwrites EVERY field of the configurations row from $_POST, with no method check: a field the
// caller did not post becomes empty, so a client that posts only encoder_url wipes the site title, the
// contact e-mail, the language and the rest.
QHttpServerResponse SiteAdminEndpoints::configurationUpdate(const SimRequest& request) {
    const SimulatedUser* caller = m_accounts.caller(request);
    if (!caller || !caller->isAdmin)
        return PhpJson::raw(R"({"error":"Permission denied"})", "application/json");
    for (const QString& field : formFields())
        m_configuration.insert(field, request.post(field));
    ++m_configurationSaves;
    // echo '{"status":"' . $config->save() . '", "respnseLogo": ' . json_encode($response) . ',
    // "respnseFavicon": ' . json_encode($response2) . '}'; save() returns the row id; no logo or favicon was
    // posted.
    return PhpJson::raw(R"({"status":"1", "respnseLogo": [], "respnseFavicon": null})", "application/json");
}

QHttpServerResponse SiteAdminEndpoints::configurationsPage(const SimRequest& request) {
    const SimulatedUser* caller = m_accounts.caller(request);
    // As AVideo 11.7 answers anyone but an admin (seen on the real site): its forbidden page, HTTP 403.
    if (!caller || !caller->isAdmin)
        return QHttpServerResponse(
            "text/html; charset=UTF-8",
            "<!DOCTYPE html>\n<html lang=\"en_US\">\n<head><title>Forbidden &middot; AVideo</title></head>\n"
            "<body><div class=\"alert alert-danger\">You are not allowed to see this page</div></body>\n"
            "</html>\n",
            QHttpServerResponse::StatusCode::Forbidden);
    QByteArray body = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>" +
                      m_configuration.value(QStringLiteral("webSiteTitle")).toHtmlEscaped().toUtf8() +
                      " :: Configuration</title></head>\n<body><div class=\"container\">\n";
    body += "<form class=\"form-compact well form-horizontal\" id=\"updateConfigForm\">\n";
    for (const QString& field : formFields()) {
        body += "  <input id=\"" + field.toUtf8() + "\" class=\"form-control\" type=\"text\" value=\"" +
                m_configuration.value(field).toHtmlEscaped().replace(QLatin1Char('\''), "&#039;").toUtf8() +
                "\">\n";
    }
    body += "</form>\n";
    body += "</div></body></html>\n";
    return PhpJson::raw(body, "text/html; charset=UTF-8");
}

} // namespace avld::test
