// getImage requests as AVideo sends them to its encoder (ImageRequestParser::parse) and the lenient base64
// of their stream URL (decodeLenientBase64, streamUrlFromBytes). The first byte picks what is fuzzed; the
// rest is a request target "path?query" or the base64 text.
#include "fuzzinput.h"
#include "generator/imagerequest.h"

namespace {

void checkStreamUrl(const QUrl& url) {
    const QString scheme = url.scheme().toLower();
    if (url.host().isEmpty() || (scheme != QStringLiteral("http") && scheme != QStringLiteral("https")))
        __builtin_trap(); // the parser promises an http(s) URL with a host
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace avld;
    if (size == 0)
        return 0;
    static const ImageRequestParser atRoot;
    static const ImageRequestParser underSecret(QStringLiteral("s3cr3t"), 256);
    const uint8_t mode = data[0];
    const QByteArray rest = fuzz::bytesOf(data + 1, size - 1);

    if (mode & 1) {
        const Result<QByteArray> decoded = ImageRequestParser::decodeLenientBase64(rest, 4096);
        if (!decoded)
            return 0;
        if (decoded->size() > 4096)
            __builtin_trap(); // base64 never decodes to more bytes than it has
        const Result<QUrl> url = ImageRequestParser::streamUrlFromBytes(*decoded);
        if (url)
            checkStreamUrl(*url);
        return 0;
    }
    const ImageRequestParser& parser = (mode & 2) ? underSecret : atRoot;
    const qsizetype question = rest.indexOf('?');
    const QByteArray path = question < 0 ? rest : rest.left(question);
    const QByteArray query = question < 0 ? QByteArray() : rest.mid(question + 1);
    (void)parser.underPrefix(path);
    const Result<ImageRequest> request = parser.parse(path, query);
    if (!request)
        return 0;
    checkStreamUrl(request->streamUrl);
    (void)loggableStreamUrl(request->streamUrl);
    return 0;
}
