#pragma once

#include "result.h"

#include <QJsonObject>
#include <QString>

namespace avld {

// What objects/login.json.php says about an account (§5). `passwordHash` is the stored hash AVideo returns
// in `pass`, usable later with encodedPass=1: it goes to the secret store, never to settings or logs.
struct LoginInfo {
    qint64 userId = 0;
    QString user;
    QString name;
    QString channelName;
    bool isAdmin = false;
    bool canStream = false;
    bool canUpload = false;
    QString passwordHash;
    QString sessionId;

    // Fails with "wrong-credentials" when isLogged is false, "bad-answer" when fields are missing.
    static Result<LoginInfo> fromJson(const QJsonObject& json);
};

} // namespace avld
