#include "standinpresence.h"

#include "networkerror.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

namespace avld {

namespace {

QString isoOrEmpty(const QDateTime& at) {
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

Error notAStandin(const QString& why) {
    return {
        QStringLiteral("not-a-standin"),
        QStringLiteral("the Encoder URL's healthz did not answer as this tool's stand-in does (%1)").arg(why),
        QStringLiteral("Check that the URL is the stand-in's, and that it runs this version or newer.")};
}

} // namespace

QString StandinPresence::newInstanceId() {
    return QString::number(QRandomGenerator::system()->generate(), 16).rightJustified(8, QLatin1Char('0'));
}

QJsonObject StandinPresence::toJson() const {
    return {{QStringLiteral("instance"), instance},
            {QStringLiteral("images"), images},
            {QStringLiteral("startedAt"), isoOrEmpty(startedAt)},
            {QStringLiteral("lastImageAt"), isoOrEmpty(lastImageAt)}};
}

Result<StandinPresence> StandinPresence::fromHealthJson(const QByteArray& body) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject())
        return notAStandin(QStringLiteral("not JSON: %1").arg(parseError.errorString()));
    const QJsonObject health = document.object();
    StandinPresence presence;
    presence.instance = health.value(QStringLiteral("instance")).toString();
    if (presence.instance.isEmpty())
        return notAStandin(QStringLiteral("no instance named"));
    presence.images = health.value(QStringLiteral("images")).toInteger();
    presence.startedAt =
        QDateTime::fromString(health.value(QStringLiteral("startedAt")).toString(), Qt::ISODateWithMs);
    presence.lastImageAt =
        QDateTime::fromString(health.value(QStringLiteral("lastImageAt")).toString(), Qt::ISODateWithMs);
    return presence;
}

void fetchStandinPresence(QNetworkAccessManager& network, const QUrl& encoderUrl, int timeoutMs,
                          std::function<void(Result<StandinPresence>)> done) {
    QUrl health = encoderUrl;
    QString path = health.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    health.setPath(path + QStringLiteral("healthz"));
    health.setQuery(QString());
    QNetworkRequest request(health);
    request.setTransferTimeout(timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply* reply = network.get(request);
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done = std::move(done)] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            done(networkError(*reply, QStringLiteral("the stand-in's healthz")));
            return;
        }
        done(StandinPresence::fromHealthJson(reply->read(64 * 1024)));
    });
}

} // namespace avld
