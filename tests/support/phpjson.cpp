#include "phpjson.h"

#include <QJsonDocument>

namespace avld::test {

QByteArray PhpJson::encode(const QJsonObject& object) {
    QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    // '/' only occurs inside strings in JSON, so this is exactly json_encode()'s escaping of slashes.
    json.replace("/", "\\/");
    return json;
}

QHttpServerResponse PhpJson::response(const QJsonObject& object, int status) {
    return raw(encode(object), "application/json", status);
}

QHttpServerResponse PhpJson::raw(const QByteArray& body, const QByteArray& contentType, int status) {
    return QHttpServerResponse(contentType, body, static_cast<QHttpServerResponse::StatusCode>(status));
}

} // namespace avld::test
