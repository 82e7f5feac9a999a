// Our marker in image metadata (ImageMarker), read from the thumbnails a site serves: JPEG segments, PNG
// chunks, GIF blocks and WebP RIFF chunks of any shape.
#include "fuzzinput.h"
#include "media/imagemarker.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace avld;
    const QByteArray image = fuzz::bytesOf(data, size);
    (void)ImageMarker::sniff(image);
    (void)ImageMarker::carries(image);
    const QString text = ImageMarker::ourText(image);
    if (ImageMarker::madeByUs(image) != !text.isEmpty())
        __builtin_trap();
    (void)ImageMarker::instanceOf(text);

    // Marking is done to our own images, but it walks the same structures: it must not trip on odd ones.
    const QString marker = ImageMarker::textForInstance(QStringLiteral("fuzz"));
    const Result<QByteArray> marked = ImageMarker::insert(image, marker, int(size % 64));
    if (marked)
        (void)ImageMarker::carries(*marked, marker);
    return 0;
}
