#include "simrequest.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QUrl>

namespace avld::test {

namespace {

QString methodName(QHttpServerRequest::Method method) {
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    default:
        return QStringLiteral("OTHER");
    }
}

QString fullyDecoded(const QString& text) {
    QString plus = text;
    plus.replace(QLatin1Char('+'), QLatin1Char(' '));
    return QUrl::fromPercentEncoding(plus.toUtf8());
}

// PHP's parsing of a query string or form body: '+' is a space, then percent-decoding; the last of
// repeated names wins.
QHash<QString, QString> parseForm(const QByteArray& text) {
    QHash<QString, QString> out;
    for (const QByteArray& pair : text.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QString key = fullyDecoded(QString::fromUtf8(eq < 0 ? pair : pair.left(eq)));
        const QString value = eq < 0 ? QString() : fullyDecoded(QString::fromUtf8(pair.mid(eq + 1)));
        out.insert(key, value);
    }
    return out;
}

} // namespace

SimRequest SimRequest::from(const QHttpServerRequest& request) {
    SimRequest out;
    out.m_path = request.url().path();
    while (out.m_path.startsWith(QLatin1Char('/')))
        out.m_path.remove(0, 1);
    out.m_method = methodName(request.method());
    out.m_peer = request.remoteAddress();
    for (const auto& [name, value] : request.headers()) {
        const QByteArray key = name.toLower();
        out.m_headers.insert(key,
                             out.m_headers.contains(key) ? out.m_headers.value(key) + ", " + value : value);
    }
    out.m_get = parseForm(request.url().query(QUrl::FullyEncoded).toUtf8());

    const QByteArray body = request.body();
    const QByteArray contentType = out.header("content-type").toLower();
    if (contentType.contains("application/json")) {
        // login.json.php and the API plugin merge a JSON body into $_POST (php://input).
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        for (auto it = json.begin(); it != json.end(); ++it)
            out.m_post.insert(it.key(), it.value().isString() ? it.value().toString()
                                                              : it.value().toVariant().toString());
    } else if (!body.isEmpty()) {
        // application/x-www-form-urlencoded, which is what every AVideo form and jQuery $.ajax send.
        out.m_post = parseForm(body);
    }

    for (const QByteArray& part : out.header("cookie").split(';')) {
        const QByteArray trimmed = part.trimmed();
        const qsizetype eq = trimmed.indexOf('=');
        if (eq > 0)
            out.m_cookies.insert(QString::fromUtf8(trimmed.left(eq)), QString::fromUtf8(trimmed.mid(eq + 1)));
    }
    return out;
}

QString SimRequest::peerText() const {
    bool isV4 = false;
    const quint32 v4 = m_peer.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : m_peer.toString();
}

QString SimRequest::get(const QString& name) const {
    return m_get.value(name);
}

QString SimRequest::post(const QString& name) const {
    return m_post.value(name);
}

bool SimRequest::hasPost(const QString& name) const {
    return m_post.contains(name);
}

QString SimRequest::param(const QString& name) const {
    return m_post.contains(name) ? m_post.value(name) : get(name);
}

bool SimRequest::hasParam(const QString& name) const {
    return m_post.contains(name) || m_get.contains(name);
}

bool SimRequest::paramIsEmpty(const QString& name) const {
    const QString value = param(name);
    return value.isEmpty() || value == QStringLiteral("0");
}

QString SimRequest::cookie(const QString& name) const {
    return m_cookies.value(name);
}

} // namespace avld::test
