#include "networkerror.h"

#include <QNetworkReply>

namespace avld {

Error networkError(const QNetworkReply& reply, const QString& what) {
    const QString host = reply.url().host();
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400) {
        const QString code = QStringLiteral("http-%1").arg(status);
        QString message = QStringLiteral("%1 answered HTTP %2 for %3").arg(host).arg(status).arg(what);
        const QString reason = reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        if (!reason.isEmpty())
            message += QStringLiteral(" (%1)").arg(reason);
        QString hint;
        if (status == 404)
            hint = QStringLiteral("The live may have stopped, or the URL or key is wrong.");
        else if (status == 403)
            hint =
                QStringLiteral("Access was refused: AVideo's protection checks the User-Agent and Referer.");
        else if (status == 429)
            hint = QStringLiteral("Too many requests: wait a minute before trying again.");
        else if (status >= 500)
            hint = QStringLiteral("The server failed; its error log says why.");
        return {code, message, hint};
    }
    switch (reply.error()) {
    case QNetworkReply::HostNotFoundError:
        return {QStringLiteral("dns"), QStringLiteral("the host name %1 does not resolve").arg(host),
                QStringLiteral("Check the spelling of the URL and this machine's DNS.")};
    case QNetworkReply::ConnectionRefusedError:
        return {QStringLiteral("connect-refused"), QStringLiteral("%1 refused the connection").arg(host),
                QStringLiteral("Nothing listens on that port: is the server running?")};
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return {QStringLiteral("timeout"), QStringLiteral("%1 did not answer in time for %2").arg(host, what),
                QStringLiteral("The server is slow, silent or unreachable.")};
    case QNetworkReply::SslHandshakeFailedError:
        return {QStringLiteral("tls"),
                QStringLiteral("the TLS certificate of %1 is not trusted: %2").arg(host, reply.errorString()),
                QStringLiteral(
                    "The certificate is expired, self-signed or for another name: renew it. (A site's own "
                    "certificate can be accepted in its settings, or with --accept-certificate.)")};
    case QNetworkReply::RemoteHostClosedError:
        return {QStringLiteral("connection-closed"),
                QStringLiteral("%1 closed the connection early").arg(host),
                {}};
    case QNetworkReply::ProtocolUnknownError:
        return {QStringLiteral("unsupported-url"),
                QStringLiteral("this kind of URL is not supported: %1").arg(reply.url().toString()),
                QStringLiteral("Use an http(s):// URL.")};
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return {QStringLiteral("redirect"),
                QStringLiteral("%1 redirects in a loop or to an insecure URL").arg(host),
                {}};
    default:
        return {QStringLiteral("network"),
                QStringLiteral("fetching %1 from %2 failed: %3").arg(what, host, reply.errorString()),
                {}};
    }
}

} // namespace avld
