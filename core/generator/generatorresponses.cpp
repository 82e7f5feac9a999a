#include "generatorresponses.h"

namespace avld::GeneratorResponses {

namespace {

// Header values must stay on one line and in Latin-1.
QByteArray headerValue(const QString& text) {
    QByteArray value = text.simplified().left(200).toLatin1();
    for (char& c : value) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e)
            c = '?';
    }
    return value;
}

void common(QHttpServerResponse& response) {
    response.addHeader("Access-Control-Allow-Origin", "*");
}

} // namespace

QHttpServerResponse image(const QByteArray& bytes, const QByteArray& contentType, qint64 frameAgeMs,
                          const QByteArray& cacheState, qint64 liveLagMs) {
    QHttpServerResponse response(contentType, bytes);
    common(response);
    response.addHeader("Cache-Control", "no-cache");
    response.addHeader("X-Avld-Frame-Age-Ms", QByteArray::number(qMax<qint64>(0, frameAgeMs)));
    response.addHeader("X-Avld-Cache", cacheState);
    if (liveLagMs >= 0)
        response.addHeader("X-Avld-Live-Lag-Ms", QByteArray::number(liveLagMs));
    return response;
}

QHttpServerResponse empty(const QString& reason) {
    QHttpServerResponse response(QByteArrayLiteral("text/plain"), QByteArray());
    common(response);
    response.addHeader("Cache-Control", "no-store");
    response.addHeader("X-Avld-Reason", headerValue(reason));
    return response;
}

QHttpServerResponse refusal(QHttpServerResponse::StatusCode status, const QString& reason,
                            bool reasonInBody) {
    QHttpServerResponse response(QByteArrayLiteral("text/plain; charset=utf-8"),
                                 reasonInBody ? headerValue(reason) + '\n' : QByteArray(), status);
    common(response);
    response.addHeader("Cache-Control", "no-store");
    response.addHeader("X-Avld-Reason", headerValue(reason));
    return response;
}

QHttpServerResponse overloaded(int retryAfterSeconds) {
    QHttpServerResponse response(QByteArrayLiteral("text/plain"), QByteArray(),
                                 QHttpServerResponse::StatusCode::ServiceUnavailable);
    common(response);
    response.addHeader("Retry-After", QByteArray::number(retryAfterSeconds));
    response.addHeader("Cache-Control", "no-store");
    response.addHeader("X-Avld-Reason", "overloaded");
    return response;
}

QHttpServerResponse text(const QByteArray& contentType, const QByteArray& body) {
    QHttpServerResponse response(contentType, body);
    common(response);
    response.addHeader("Cache-Control", "no-store");
    return response;
}

} // namespace avld::GeneratorResponses
