#include "logininfo.h"

namespace avld {

namespace {
bool truthy(const QJsonValue& v) {
    if (v.isBool())
        return v.toBool();
    if (v.isDouble())
        return v.toDouble() != 0;
    const QString s = v.toString().trimmed().toLower();
    return s == QStringLiteral("1") || s == QStringLiteral("true");
}
} // namespace

Result<LoginInfo> LoginInfo::fromJson(const QJsonObject& json) {
    if (!json.contains(QStringLiteral("isLogged")))
        return Error{
            QStringLiteral("bad-answer"),
            QStringLiteral("the login answer has no \"isLogged\" field: this does not look like AVideo"),
            QStringLiteral("Check the site URL (it must be the AVideo root, e.g. https://site.example/).")};
    if (!truthy(json.value(QStringLiteral("isLogged"))))
        return Error{QStringLiteral("wrong-credentials"),
                     QStringLiteral("the site refused the user name or password"),
                     QStringLiteral("Check them by logging in on the site in a browser.")};
    LoginInfo info;
    info.userId = json.value(QStringLiteral("id")).toVariant().toLongLong();
    info.user = json.value(QStringLiteral("user")).toString();
    info.name = json.value(QStringLiteral("name")).toString();
    info.channelName = json.value(QStringLiteral("channelName")).toString();
    info.isAdmin = truthy(json.value(QStringLiteral("isAdmin")));
    info.canStream = truthy(json.value(QStringLiteral("canStream")));
    info.canUpload = truthy(json.value(QStringLiteral("canUpload")));
    info.passwordHash = json.value(QStringLiteral("pass")).toString();
    info.sessionId = json.value(QStringLiteral("PHPSESSID")).toString();
    return info;
}

} // namespace avld
