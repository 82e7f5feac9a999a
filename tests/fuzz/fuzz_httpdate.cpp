// HTTP-date header values (parseHttpDate), e.g. the Date a media server sends with a playlist.
#include "common/httpdate.h"
#include "fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace avld;
    const QDateTime date = parseHttpDate(fuzz::bytesOf(data, size));
    if (date.isValid())
        (void)date.toMSecsSinceEpoch();
    return 0;
}
