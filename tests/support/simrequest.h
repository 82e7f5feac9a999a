#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QString>

class QHttpServerRequest;

namespace avld::test {

// What a PHP script of the simulated site sees of one request: $_GET, $_POST (form or JSON body, as
// AVideo's login.json.php and the API plugin merge php://input), $_SERVER's headers and REMOTE_ADDR, and
// $_COOKIE. Copied out of QHttpServerRequest at once, because Qt reuses that object for the connection's
// next request while an answer may still be pending.
class SimRequest {
public:
    static SimRequest from(const QHttpServerRequest& request);

    // The path below the site root, without the leading slash: "plugin/Live/stats.json.php".
    QString path() const { return m_path; }
    QString method() const { return m_method; }
    bool isPost() const { return m_method == QStringLiteral("POST"); }
    QHostAddress peer() const { return m_peer; }
    QString peerText() const;
    // Header by lower-case name; empty when absent.
    QByteArray header(const QByteArray& lowerName) const { return m_headers.value(lowerName); }
    QString userAgent() const { return QString::fromUtf8(header("user-agent")); }

    // $_GET / $_POST / $_REQUEST (POST wins, as PHP's default request_order "GP").
    QString get(const QString& name) const;
    QString post(const QString& name) const;
    bool hasPost(const QString& name) const;
    QString param(const QString& name) const;
    bool hasParam(const QString& name) const;
    // PHP's empty(): absent, "", "0".
    bool paramIsEmpty(const QString& name) const;
    QString cookie(const QString& name) const;

private:
    QString m_path;
    QString m_method;
    QHostAddress m_peer;
    QHash<QByteArray, QByteArray> m_headers;
    QHash<QString, QString> m_get;
    QHash<QString, QString> m_post;
    QHash<QString, QString> m_cookies;
};

} // namespace avld::test
