#pragma once

#include "result.h"
#include "thumbnailformat.h"

#include <QByteArray>
#include <QUrl>

namespace avld {

// One getImage request as the encoder understands it (avideo-protocol.md 1.2, 1.5):
//   {prefix}objects/getImage.php?base64Url=B64&format=FMT[&renew=1]   (what AVideo sends today)
//   {prefix}getImage/B64/FMT[?renew=1]                                  (the old rewrite form)
// parsed from the raw request target, independent of any HTTP server class.
struct ImageRequest {
    QUrl streamUrl;
    ThumbnailFormat format = ThumbnailFormat::Jpg;
    bool renew = false;
    bool legacyPath = false;
    // Asked by this tool's own encoder probe (kOwnProbeHeader), not by a site: served alike, but not
    // counted as a picture a site took, so that the verification's "requests reached this run" is the
    // site's doing.
    bool ownProbe = false;
};

// Parses requests; every failure is an Error whose code says how to answer:
//   "not-found"       outside the prefix or no such route (404, and nothing more is said)
//   "no-url"          getImage.php without base64Url: the encoder's liveness probe (an empty 200)
//   anything else     a bad request (400) with a one-line message: "unknown-format", "bad-base64",
//                     "too-long", "not-http", "bad-url"
class ImageRequestParser {
public:
    static constexpr int DefaultMaxBase64Bytes = 4096;

    // `prefix` is the path every route lives under, e.g. "/" or "/s3cr3t/"; slashes are added where missing.
    explicit ImageRequestParser(const QString& prefix = QStringLiteral("/"),
                                int maxBase64Bytes = DefaultMaxBase64Bytes);

    QString prefix() const { return QString::fromUtf8(m_prefix); }

    // `rawPath` and `rawQuery` as they came on the request line (percent-encoded, query without '?').
    Result<ImageRequest> parse(const QByteArray& rawPath, const QByteArray& rawQuery) const;

    // True when the percent-decoded path starts with the prefix (the other routes hang below it too).
    bool underPrefix(const QByteArray& rawPath) const;

    // Lenient base64 as AVideo and web servers deliver it: percent-encoded or not, '+' turned into a space,
    // the URL-safe alphabet, missing padding.
    static Result<QByteArray> decodeLenientBase64(const QByteArray& text, int maxBytes);
    // Checks that decoded bytes are an http(s) URL with a host.
    static Result<QUrl> streamUrlFromBytes(const QByteArray& bytes);

private:
    // `base64` is already percent-decoded.
    Result<ImageRequest> finish(const QByteArray& base64, const QByteArray& format, bool renew,
                                bool legacyPath) const;

    QByteArray m_prefix;
    int m_maxBase64Bytes;
};

// What may be logged of a stream URL: scheme, host, port and path, never the query (it may carry tokens such
// as AVideo's uuid or a key) nor user info.
QString loggableStreamUrl(const QUrl& url);

} // namespace avld
