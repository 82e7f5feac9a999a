#include "formbrowser.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkReply>
#include <QTimer>

namespace avld::test {

namespace {
// Every reserved character percent-encoded: PHP would read a bare '+' in a form as a space.
QByteArray encodeForm(const FormFields& fields) {
    QByteArray out;
    for (const auto& [name, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}
} // namespace

FormBrowser::FormBrowser(QUrl site)
    : m_site(std::move(site)) {}

BrowserReply FormBrowser::get(const QString& path, int timeoutMs) {
    return run(path, nullptr, timeoutMs);
}

BrowserReply FormBrowser::post(const QString& path, const FormFields& fields, int timeoutMs) {
    const QByteArray form = encodeForm(fields);
    return run(path, &form, timeoutMs);
}

BrowserReply FormBrowser::run(const QString& path, const QByteArray* form, int timeoutMs) {
    QNetworkRequest request(m_site.resolved(QUrl(path)));
    request.setRawHeader("Referer", m_site.toEncoded());
    request.setTransferTimeout(timeoutMs);
    QElapsedTimer clock;
    clock.start();
    QNetworkReply* reply = nullptr;
    if (form) {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = m_manager.post(request, *form);
    } else {
        reply = m_manager.get(request);
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs + 500, &loop, &QEventLoop::quit);
    loop.exec();

    BrowserReply result;
    result.elapsedMs = clock.elapsed();
    if (!reply->isFinished()) {
        reply->abort();
        result.error = QStringLiteral("timeout after %1 ms").arg(timeoutMs);
    } else {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError)
            result.error = reply->errorString();
        result.body = reply->readAll();
    }
    reply->deleteLater();
    return result;
}

} // namespace avld::test
