#pragma once

#include <QByteArray>
#include <QHttpServerResponse>
#include <QJsonObject>

namespace avld::test {

// JSON as PHP's json_encode() writes it (compact, slashes escaped as "\/"), and the HTTP answers the
// simulated PHP scripts give with it.
class PhpJson {
public:
    static QByteArray encode(const QJsonObject& object);
    // Content-Type: application/json, like the header('Content-Type: application/json') of every
    // *.json.php.
    static QHttpServerResponse response(const QJsonObject& object, int status = 200);
    static QHttpServerResponse raw(const QByteArray& body, const QByteArray& contentType, int status = 200);
};

} // namespace avld::test
