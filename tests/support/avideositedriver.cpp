#include "avideositedriver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace avld::test {

namespace {
constexpr auto kLiveUuid = "e06b161c-cbd0-4c1d-a484-71018efa2f35";

QString htmlAttributeValue(QString value) {
    return value.replace(QStringLiteral("&amp;"), QStringLiteral("&"))
        .replace(QStringLiteral("&quot;"), QStringLiteral("\""))
        .replace(QStringLiteral("&#039;"), QStringLiteral("'"));
}
} // namespace

AvideoSiteDriver::AvideoSiteDriver(const QUrl& siteUrl, QStringList secrets)
    : m_site(siteUrl)
    , m_secrets(std::move(secrets))
    , m_admin(siteUrl)
    , m_streamer(siteUrl) {}

Error AvideoSiteDriver::stepError(const QString& step, const BrowserReply& reply, const QString& why) const {
    QString body = QString::fromUtf8(reply.body.left(600)).simplified();
    for (const QString& secret : m_secrets) {
        if (!secret.isEmpty())
            body.replace(secret, QStringLiteral("***"));
    }
    const QString answer = reply.status > 0 ? QStringLiteral("HTTP %1").arg(reply.status) : reply.error;
    return {QStringLiteral("site-step"),
            QStringLiteral("%1: %2%3; answer: %4")
                .arg(step, answer, why.isEmpty() ? QString() : QStringLiteral(", ") + why,
                     body.isEmpty() ? QStringLiteral("(empty)") : body),
            {}};
}

Result<QJsonObject> AvideoSiteDriver::jsonAnswer(const QString& step, const BrowserReply& reply) const {
    if (reply.status != 200)
        return stepError(step, reply);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(reply.body, &parseError);
    if (!doc.isObject())
        return stepError(step, reply, QStringLiteral("not a JSON object"));
    return doc.object();
}

Status AvideoSiteDriver::install(const AvideoInstallForm& form, int timeoutMs) {
    const FormFields fields{
        {QStringLiteral("systemRootPath"), form.treePath},
        {QStringLiteral("webSiteRootURL"), m_site.toString()},
        {QStringLiteral("databaseHost"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("databasePort"), QString::number(form.databasePort)},
        {QStringLiteral("databaseName"), form.database},
        {QStringLiteral("databaseUser"), form.databaseUser},
        {QStringLiteral("databasePass"), form.databasePassword},
        {QStringLiteral("createTables"), QStringLiteral("1")},
        {QStringLiteral("contactEmail"), QStringLiteral("admin@realsite.invalid")},
        {QStringLiteral("systemAdminPass"), form.adminPassword},
        {QStringLiteral("webSiteTitle"), form.title},
        {QStringLiteral("mainLanguage"), QStringLiteral("en_US")},
        {QStringLiteral("salt"), form.salt},
    };
    const QString step = QStringLiteral("installer (install/checkConfiguration.php)");
    const Result<QJsonObject> answer =
        jsonAnswer(step, m_admin.post(QStringLiteral("install/checkConfiguration.php"), fields, timeoutMs));
    if (!answer)
        return answer.error();
    if (!answer->value(QStringLiteral("success")).toBool())
        return Error{QStringLiteral("site-step"),
                     QStringLiteral("%1: no success, error: %2")
                         .arg(step, answer->value(QStringLiteral("error")).toString().left(400)),
                     {}};
    return {};
}

Status AvideoSiteDriver::loginAdmin(const QString& password, int timeoutMs) {
    const QString step = QStringLiteral("admin login (objects/login.json.php)");
    const Result<QJsonObject> answer = jsonAnswer(
        step,
        m_admin.post(QStringLiteral("objects/login.json.php"),
                     {{QStringLiteral("user"), QStringLiteral("admin")}, {QStringLiteral("pass"), password}},
                     timeoutMs));
    if (!answer)
        return answer.error();
    if (!answer->value(QStringLiteral("isAdmin")).toBool())
        return Error{
            QStringLiteral("site-step"), step + QStringLiteral(": the answer says isAdmin false"), {}};
    return {};
}

Status AvideoSiteDriver::enableLive(const QString& rtmpServer, const QUrl& playerServer, const QUrl& stats,
                                    int timeoutMs) {
    const QString switchStep = QStringLiteral("Live plugin switch (objects/pluginSwitch.json.php)");
    const Result<QJsonObject> switched =
        jsonAnswer(switchStep, m_admin.post(QStringLiteral("objects/pluginSwitch.json.php"),
                                            {{QStringLiteral("uuid"), QString::fromLatin1(kLiveUuid)},
                                             {QStringLiteral("name"), QStringLiteral("Live")},
                                             {QStringLiteral("dir"), QStringLiteral("Live")},
                                             {QStringLiteral("enable"), QStringLiteral("true")}},
                                            timeoutMs));
    if (!switched)
        return switched.error();
    // The plugin's row id, as a string.
    const QString pluginId = switched->value(QStringLiteral("status")).toString();
    if (pluginId.toInt() <= 0)
        return Error{
            QStringLiteral("site-step"), switchStep + QStringLiteral(": no plugin id in the answer"), {}};

    const QString tablesStep =
        QStringLiteral("Live plugin tables (objects/pluginRunDatabaseScript.json.php)");
    const Result<QJsonObject> tables =
        jsonAnswer(tablesStep, m_admin.post(QStringLiteral("objects/pluginRunDatabaseScript.json.php"),
                                            {{QStringLiteral("name"), QStringLiteral("Live")}}, timeoutMs));
    if (!tables)
        return tables.error();
    if (tables->value(QStringLiteral("error")).toBool())
        return Error{QStringLiteral("site-step"),
                     tablesStep + QStringLiteral(": ") +
                         tables->value(QStringLiteral("msg")).toString().left(400),
                     {}};

    // Options not given keep the plugin's defaults (AVideo merges them in getDataObject()).
    const QJsonObject options{{QStringLiteral("server"), rtmpServer},
                              {QStringLiteral("playerServer"), playerServer.toString()},
                              {QStringLiteral("stats"), stats.toString()}};
    const QString optionsStep = QStringLiteral("Live plugin options (objects/pluginAddDataObject.json.php)");
    const Result<QJsonObject> saved =
        jsonAnswer(optionsStep,
                   m_admin.post(QStringLiteral("objects/pluginAddDataObject.json.php"),
                                {{QStringLiteral("id"), pluginId},
                                 {QStringLiteral("object_data"),
                                  QString::fromUtf8(QJsonDocument(options).toJson(QJsonDocument::Compact))}},
                                timeoutMs));
    if (!saved)
        return saved.error();
    if (saved->value(QStringLiteral("status")).toString() != pluginId)
        return Error{
            QStringLiteral("site-step"), optionsStep + QStringLiteral(": the options were not saved"), {}};
    return {};
}

Status AvideoSiteDriver::addStreamer(const QString& user, const QString& password, int timeoutMs) {
    const QString step = QStringLiteral("new streamer (objects/userAddNew.json.php)");
    const BrowserReply reply =
        m_admin.post(QStringLiteral("objects/userAddNew.json.php"),
                     {{QStringLiteral("user"), user},
                      {QStringLiteral("pass"), password},
                      {QStringLiteral("email"), user + QStringLiteral("@realsite.invalid")},
                      {QStringLiteral("name"), user},
                      {QStringLiteral("isAdmin"), QStringLiteral("false")},
                      {QStringLiteral("canStream"), QStringLiteral("true")},
                      {QStringLiteral("canUpload"), QStringLiteral("true")},
                      {QStringLiteral("status"), QStringLiteral("a")},
                      {QStringLiteral("isEmailVerified"), QStringLiteral("true")},
                      {QStringLiteral("channelName"), user}},
                     timeoutMs);
    if (reply.status != 200)
        return stepError(step, reply);
    return {};
}

Result<AvideoStreamer> AvideoSiteDriver::loginStreamer(const QString& user, const QString& password,
                                                       int timeoutMs) {
    const QString step = QStringLiteral("streamer login (objects/login.json.php)");
    const Result<QJsonObject> answer =
        jsonAnswer(step, m_streamer.post(QStringLiteral("objects/login.json.php"),
                                         {{QStringLiteral("user"), user}, {QStringLiteral("pass"), password}},
                                         timeoutMs));
    if (!answer)
        return answer.error();
    if (!answer->value(QStringLiteral("isLogged")).toBool() ||
        !answer->value(QStringLiteral("canStream")).toBool())
        return Error{QStringLiteral("site-step"),
                     step + QStringLiteral(": not logged in as a streamer (was the user saved?)"),
                     {}};
    AvideoStreamer streamer;
    streamer.user = user;
    streamer.password = password;
    streamer.usersId = answer->value(QStringLiteral("id")).toInt();
    streamer.channel = answer->value(QStringLiteral("channelName")).toString();
    streamer.transmissionKey = answer->value(QStringLiteral("streamKey")).toString();
    if (streamer.transmissionKey.isEmpty())
        return Error{QStringLiteral("site-step"), step + QStringLiteral(": no streamKey in the answer"), {}};
    return streamer;
}

Status AvideoSiteDriver::listLive(const QString& transmissionKey, const QString& title, int timeoutMs) {
    const QString step = QStringLiteral("list the live (plugin/Live/saveLive.php)");
    const Result<QJsonObject> answer =
        jsonAnswer(step, m_streamer.post(QStringLiteral("plugin/Live/saveLive.php"),
                                         {{QStringLiteral("title"), title},
                                          {QStringLiteral("description"), QString()},
                                          {QStringLiteral("key"), transmissionKey},
                                          {QStringLiteral("listed"), QStringLiteral("true")}},
                                         timeoutMs));
    if (!answer)
        return answer.error();
    if (answer->value(QStringLiteral("status")).toString().toInt() <= 0)
        return Error{QStringLiteral("site-step"),
                     step + QStringLiteral(": no live_transmitions id in the answer"),
                     {}};
    return {};
}

Result<QString> AvideoSiteDriver::publishUrl(int timeoutMs) {
    const QString step = QStringLiteral("the streamer's Live panel (plugin/Live/)");
    const BrowserReply reply = m_streamer.get(QStringLiteral("plugin/Live/"), timeoutMs);
    if (reply.status != 200)
        return stepError(step, reply);
    static const QRegularExpression input(
        QStringLiteral(R"(<input id="serverAndStreamkey"[^>]*\svalue=(["'])([^"']*)\1)"));
    const QRegularExpressionMatch match = input.match(QString::fromUtf8(reply.body));
    if (!match.hasMatch())
        return Error{QStringLiteral("site-step"), step + QStringLiteral(": no serverAndStreamkey field"), {}};
    return htmlAttributeValue(match.captured(2));
}

Result<QJsonObject> AvideoSiteDriver::listedLive(const QString& key, int timeoutMs) {
    const QString step = QStringLiteral("stats (plugin/Live/stats.json.php)");
    // As an anonymous visitor: a fresh browser, no cookies.
    FormBrowser visitor(m_site);
    const Result<QJsonObject> answer =
        jsonAnswer(step, visitor.get(QStringLiteral("plugin/Live/stats.json.php"), timeoutMs));
    if (!answer)
        return answer.error();
    const QJsonArray applications = answer->value(QStringLiteral("applications")).toArray();
    for (const QJsonValue& application : applications) {
        if (application.toObject().value(QStringLiteral("key")).toString() == key)
            return application.toObject();
    }
    return Error{
        QStringLiteral("not-listed"),
        QStringLiteral("%1: %2 is not among the %3 listed lives").arg(step, key).arg(applications.size()),
        {}};
}

} // namespace avld::test
