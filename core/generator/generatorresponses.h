#pragma once

#include <QByteArray>
#include <QHttpServerResponse>
#include <QString>

namespace avld {

// The answers the generator gives. Every one carries Access-Control-Allow-Origin: * like the encoder's, and
// every refusal says why in X-Avld-Reason (one line, no internals).
namespace GeneratorResponses {

// A real image. `frameAgeMs` and `cacheState` ("hit", "stale", "grab", "renewed", "previous") go into
// X-Avld-Frame-Age-Ms and X-Avld-Cache for people checking the service; `liveLagMs` (how far the picture is
// behind the stream's live edge now; -1 unknown) into X-Avld-Live-Lag-Ms.
QHttpServerResponse image(const QByteArray& bytes, const QByteArray& contentType, qint64 frameAgeMs,
                          const QByteArray& cacheState, qint64 liveLagMs = -1);
// 200 with no body: AVideo shows its fallback (its ONLINE card or the streamer's poster). AVideo 11.x/12.x
// cache that fallback like a frame, 5 minutes (jpg/png) or 15 (gif/webp): answer a real frame whenever one
// can be had in time.
QHttpServerResponse empty(const QString& reason);
// 400, 403, 404, 405 with a one-line reason, in the body only when `reasonInBody`.
QHttpServerResponse refusal(QHttpServerResponse::StatusCode status, const QString& reason, bool reasonInBody);
// 503 with Retry-After and no body (AVideo would cache a body as an image).
QHttpServerResponse overloaded(int retryAfterSeconds);
QHttpServerResponse text(const QByteArray& contentType, const QByteArray& body);

} // namespace GeneratorResponses

} // namespace avld
