#pragma once

#include <QHttpServerResponse>
#include <QJsonObject>
#include <QString>

namespace avld::test {

class RequestGuard;
class SimRequest;
class SiteAccounts;

// The API plugin of the simulated site (avideo-protocol.md §5): plugin/API/get.json.php and set.json.php
// (and their REST alias /api/{APIName}). Only what the Live Doctor meets is simulated: the livestreams
// name (which SiteSimulator serves as stats.json.php, §3.1) and set.json.php's 2026 CSRF guard; every
// other API name answers the ApiObject envelope with error true.
class ApiPluginEndpoints {
public:
    ApiPluginEndpoints(const SiteAccounts& accounts, const RequestGuard& guard);

    // get.json.php for an API name the simulator does not have.
    QHttpServerResponse getUnknown(const SimRequest& request, const QString& apiName) const;
    // set.json.php.
    QHttpServerResponse set(const SimRequest& request) const;

    // ApiObject: error, message, msg, response, users_id, user_age, session_id.
    static QJsonObject apiObject(const QString& message, bool error, int usersId);

private:
    const SiteAccounts& m_accounts;
    const RequestGuard& m_guard;
};

} // namespace avld::test
