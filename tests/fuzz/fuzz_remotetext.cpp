// Text a site sends (titles, user names, messages) cleaned for a person (RemoteText::clean, with its HTML
// character references decoded by decodeHtmlEntities). Beyond not crashing: nothing that steers a terminal
// is left, and decoding never makes the text longer than what came in.
#include "common/remotetext.h"
#include "fuzzinput.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace avld;
    const QString remote = QString::fromUtf8(fuzz::bytesOf(data, size));
    const QString clean = RemoteText::clean(remote);
    if (clean.size() > qMin(remote.size(), RemoteText::kMaxInput))
        std::abort();
    for (const QChar c : clean) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f))
            std::abort();
    }
    return 0;
}
