// The encoder's status / serverStatus answer (readEncoderStatusAnswer): whatever any host named as an
// encoder sends back. The first byte picks the HTTP status and whether credentials were sent, the first
// line is the Content-Type, the rest the body.
#include "encoders/encoderstatusanswer.h"
#include "fuzzinput.h"

#include <array>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace avld;
    if (size == 0)
        return 0;
    constexpr std::array<int, 6> statuses{200, 403, 404, 500, 301, 0};
    const int status = statuses[(data[0] & 0x7f) % statuses.size()];
    const bool withCredentials = (data[0] & 0x80) != 0;
    const QByteArray rest = fuzz::bytesOf(data + 1, size - 1);
    const qsizetype newline = rest.indexOf('\n');
    const QByteArray contentType = newline < 0 ? QByteArray() : rest.left(newline);
    const QByteArray body = newline < 0 ? rest : rest.mid(newline + 1);
    const EncoderStatusInfo info = readEncoderStatusAnswer(status, contentType, body, withCredentials);
    // A count is -1 or what an int holds; a status read is alive.
    if (info.queueSize < -1 || info.concurrent < -1 || (info.readable && !info.alive))
        __builtin_trap();
    (void)describeEncoderBody(contentType, body);
    return 0;
}
