#include "cacheclear.h"

#include <QJsonObject>

namespace avld {

namespace {
bool truthy(const QJsonValue& v) {
    return v.isBool() ? v.toBool() : v.toVariant().toInt() != 0;
}
} // namespace

QString cacheClearModeName(CacheClearMode mode) {
    switch (mode) {
    case CacheClearMode::Full:
        return QStringLiteral("full");
    case CacheClearMode::FirstPage:
        return QStringLiteral("first page");
    case CacheClearMode::SessionOnly:
        return QStringLiteral("session");
    }
    return {};
}

QString CacheClearReport::describe() const {
    QStringList cleared;
    if (siteCache)
        cleared << QStringLiteral("the site cache (live images and stats included)");
    if (allObjectCache)
        cleared << QStringLiteral("the object cache");
    if (firstPage)
        cleared << QStringLiteral("the first-page cache");
    if (sessionCache)
        cleared << QStringLiteral("the session cache");
    QString text = cleared.isEmpty()
                       ? QStringLiteral("the site says it cleared nothing")
                       : QStringLiteral("the site cleared ") + cleared.join(QStringLiteral(", "));
    if (!message.isEmpty())
        text += QStringLiteral(" (\"%1\")").arg(message);
    return text;
}

Result<CacheClearReport> CacheClearReport::fromJson(const QJsonDocument& json, CacheClearMode requested) {
    const QJsonObject o = json.object();
    if (!o.contains(QStringLiteral("error")) && !o.contains(QStringLiteral("deleteAllSessionCache")))
        return Error{QStringLiteral("bad-answer"),
                     QStringLiteral("the cache-clear answer has none of AVideo's fields"),
                     {}};
    CacheClearReport r;
    r.requested = requested;
    r.siteCache = truthy(o.value(QStringLiteral("clearCache")));
    r.allObjectCache = truthy(o.value(QStringLiteral("deleteALLCache")));
    r.sessionCache = truthy(o.value(QStringLiteral("deleteAllSessionCache")));
    r.firstPage = truthy(o.value(QStringLiteral("firstPageCache")));
    r.message = o.value(QStringLiteral("msg")).toString();
    if (truthy(o.value(QStringLiteral("error"))))
        return Error{QStringLiteral("site-error"),
                     QStringLiteral("the site could not clear its cache: %1").arg(r.message),
                     {}};
    const bool onlySession = !r.siteCache && !r.allObjectCache && !r.firstPage;
    if (requested != CacheClearMode::SessionOnly && onlySession) {
        return Error{
            QStringLiteral("permission-denied"),
            QStringLiteral("the site cleared only your session cache, not the %1 cache: this account may "
                           "not clear the site's cache")
                .arg(cacheClearModeName(requested)),
            QStringLiteral("Log in as an admin, or give the account's group the Clear Cache permission "
                           "(Permissions plugin).")};
    }
    return r;
}

} // namespace avld
