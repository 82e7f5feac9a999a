#include "apipluginendpoints.h"

#include "phpjson.h"
#include "requestguard.h"
#include "simrequest.h"
#include "siteaccounts.h"

#include <QJsonArray>

namespace avld::test {

ApiPluginEndpoints::ApiPluginEndpoints(const SiteAccounts& accounts, const RequestGuard& guard)
    : m_accounts(accounts)
    , m_guard(guard) {}

QJsonObject ApiPluginEndpoints::apiObject(const QString& message, bool error, int usersId) {
    return {{QStringLiteral("error"), error},         {QStringLiteral("message"), message},
            {QStringLiteral("msg"), message},         {QStringLiteral("response"), QJsonArray()},
            {QStringLiteral("users_id"), usersId},    {QStringLiteral("user_age"), 0},
            {QStringLiteral("session_id"), QString()}};
}

QHttpServerResponse ApiPluginEndpoints::getUnknown(const SimRequest& request, const QString& apiName) const {
    const SimulatedUser* caller = m_accounts.caller(request, true);
    return PhpJson::response(apiObject(QStringLiteral("API name not found or not simulated: ") + apiName,
                                       true, caller ? caller->id : 0));
}

// §5 set.json.php CSRF guard (2026-08-17): without a valid APISecret (not modelled: the simulator has no
// API secret) and without valid request credentials, the request must be POST (else 405 "Method not
// allowed", forbidIfNotPost()) and same-origin or from an AVideo User-Agent (else forbiddenPage()'s 403
// "Invalid Request <ip>").
QHttpServerResponse ApiPluginEndpoints::set(const SimRequest& request) const {
    const SimulatedUser* caller = m_accounts.caller(request, true);
    const QString user = request.param(QStringLiteral("user"));
    const bool requestCredentials = !user.isEmpty() && caller && caller->user == user;
    if (!requestCredentials) {
        if (!request.isPost()) {
            return PhpJson::response({{QStringLiteral("error"), true},
                                      {QStringLiteral("msg"), QStringLiteral("Method not allowed")}},
                                     405);
        }
        if (!m_guard.comesFromSameDomain(request) && !RequestGuard::isAVideoUserAgent(request.userAgent())) {
            return PhpJson::response(
                {{QStringLiteral("error"), true},
                 {QStringLiteral("msg"), QStringLiteral("Invalid Request ") + request.peerText()},
                 {QStringLiteral("forbiddenPage"), true}},
                403);
        }
    }
    return PhpJson::response(
        apiObject(QStringLiteral("API set is not simulated"), true, caller ? caller->id : 0));
}

} // namespace avld::test
