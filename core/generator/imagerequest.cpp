#include "imagerequest.h"

#include <QStringDecoder>

namespace avld {

namespace {

Error badRequest(const char* code, const QString& message) {
    return {QString::fromLatin1(code), message, {}};
}

Error notFound() {
    return {QStringLiteral("not-found"), QStringLiteral("not found"), {}};
}

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Decodes %XX; a '%' not followed by two hex digits stays as it is (QByteArray::fromPercentEncoding would
// turn it into an arbitrary byte).
QByteArray percentDecoded(const QByteArray& text) {
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == '%' && i + 2 < text.size() && hexValue(text.at(i + 1)) >= 0 &&
            hexValue(text.at(i + 2)) >= 0) {
            out.append(char(hexValue(text.at(i + 1)) * 16 + hexValue(text.at(i + 2))));
            i += 2;
        } else {
            out.append(text.at(i));
        }
    }
    return out;
}

QByteArray normalisedPrefix(const QString& prefix) {
    QByteArray bytes = prefix.trimmed().toUtf8();
    if (!bytes.startsWith('/'))
        bytes.prepend('/');
    if (!bytes.endsWith('/'))
        bytes.append('/');
    return bytes;
}

// PHP's empty(): "" and "0" are false, anything else true.
bool phpTruthy(const QByteArray& value) {
    return !value.isEmpty() && value != "0";
}

struct QueryValues {
    std::optional<QByteArray> base64Url; // raw, still percent-encoded
    QByteArray format;
    QByteArray renew;
};

// Splits a raw query string; when a name repeats the last one wins, as in PHP's $_GET.
QueryValues readQuery(const QByteArray& rawQuery) {
    QueryValues values;
    for (const QByteArray& pair : rawQuery.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray name = eq < 0 ? pair : pair.left(eq);
        name.replace('+', ' ');
        name = percentDecoded(name);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        if (name == "base64Url")
            values.base64Url = value;
        else if (name == "format")
            values.format = percentDecoded(value).trimmed();
        else if (name == "renew")
            values.renew = percentDecoded(value).trimmed();
    }
    return values;
}

} // namespace

ImageRequestParser::ImageRequestParser(const QString& prefix, int maxBase64Bytes)
    : m_prefix(normalisedPrefix(prefix))
    , m_maxBase64Bytes(qMax(16, maxBase64Bytes)) {}

bool ImageRequestParser::underPrefix(const QByteArray& rawPath) const {
    return percentDecoded(rawPath).startsWith(m_prefix);
}

Result<ImageRequest> ImageRequestParser::parse(const QByteArray& rawPath, const QByteArray& rawQuery) const {
    const QByteArray path = percentDecoded(rawPath);
    if (!path.startsWith(m_prefix))
        return notFound();
    // A percent-encoded base64 takes at most three bytes per character; anything longer is refused before
    // it is decoded.
    if (rawPath.size() > 3 * m_maxBase64Bytes + 256 || rawQuery.size() > 3 * m_maxBase64Bytes + 256)
        return badRequest("too-long", QStringLiteral("request too long"));
    const QByteArray route = path.mid(m_prefix.size());
    const QueryValues query = readQuery(rawQuery);
    const bool renew = phpTruthy(query.renew);

    if (route == "objects/getImage.php") {
        if (!query.base64Url || query.base64Url->trimmed().isEmpty())
            return Error{QStringLiteral("no-url"), QStringLiteral("no stream URL"), {}};
        return finish(percentDecoded(*query.base64Url), query.format, renew, false);
    }
    static constexpr char kLegacy[] = "getImage/";
    if (route.startsWith(kLegacy)) {
        const QByteArray rest = route.mid(sizeof(kLegacy) - 1);
        const qsizetype slash = rest.lastIndexOf('/');
        if (slash <= 0)
            return notFound();
        return finish(rest.left(slash), rest.mid(slash + 1), renew, true);
    }
    return notFound();
}

Result<ImageRequest> ImageRequestParser::finish(const QByteArray& base64, const QByteArray& format,
                                                bool renew, bool legacyPath) const {
    ImageRequest request;
    request.renew = renew;
    request.legacyPath = legacyPath;
    // No format at all: the encoder's default, a still JPEG.
    if (!format.isEmpty()) {
        const std::optional<ThumbnailFormat> parsed =
            format.size() <= 8 ? thumbnailFormatFromName(QString::fromLatin1(format)) : std::nullopt;
        if (!parsed)
            return badRequest("unknown-format", QStringLiteral("unknown format (use jpg, png, gif or webp)"));
        request.format = *parsed;
    }
    Result<QByteArray> decoded = decodeLenientBase64(base64, m_maxBase64Bytes);
    if (!decoded)
        return decoded.error();
    Result<QUrl> url = streamUrlFromBytes(*decoded);
    if (!url)
        return url.error();
    request.streamUrl = *url;
    return request;
}

Result<QByteArray> ImageRequestParser::decodeLenientBase64(const QByteArray& text, int maxBytes) {
    if (text.size() > maxBytes)
        return badRequest("too-long", QStringLiteral("base64Url longer than %1 bytes").arg(maxBytes));
    QByteArray clean;
    clean.reserve(text.size() + 3);
    bool paddingSeen = false;
    for (const char c : text) {
        char out = c;
        if (c == ' ' || c == '-')
            out = '+';
        else if (c == '_')
            out = '/';
        else if (c == '\r' || c == '\n' || c == '\t')
            continue;
        else if (c == '=') {
            paddingSeen = true;
            continue;
        } else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
                     c == '/'))
            return badRequest("bad-base64", QStringLiteral("base64Url is not base64"));
        if (paddingSeen) // data after '=': two values glued together, or garbage
            return badRequest("bad-base64", QStringLiteral("base64Url is not base64"));
        clean.append(out);
    }
    if (clean.isEmpty() || clean.size() % 4 == 1)
        return badRequest("bad-base64", QStringLiteral("base64Url is not base64"));
    while (clean.size() % 4 != 0)
        clean.append('=');
    auto decoded = QByteArray::fromBase64Encoding(clean, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return badRequest("bad-base64", QStringLiteral("base64Url is not base64"));
    return std::move(decoded.decoded);
}

Result<QUrl> ImageRequestParser::streamUrlFromBytes(const QByteArray& bytes) {
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f)
            return badRequest("bad-url", QStringLiteral("the stream URL has control characters"));
    }
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8.decode(bytes);
    if (utf8.hasError())
        return badRequest("bad-url", QStringLiteral("the stream URL is not UTF-8"));
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        return badRequest("bad-url", QStringLiteral("the stream URL is not a URL"));
    const QString scheme = url.scheme().toLower();
    if (scheme != QStringLiteral("http") && scheme != QStringLiteral("https"))
        return badRequest("not-http", QStringLiteral("only http(s) stream URLs"));
    if (url.host().isEmpty())
        return badRequest("bad-url", QStringLiteral("the stream URL has no host"));
    return url;
}

QString loggableStreamUrl(const QUrl& url) {
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toDisplayString();
}

} // namespace avld
