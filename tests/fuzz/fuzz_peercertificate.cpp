// A server's certificate as libcurl describes it, "Name:value" lines (peerCertificateFromCurlFields), and
// OpenSSL's dates in them (parseOpenSslTime): what any HTTPS server we probe chooses to put there.
#include "fuzzinput.h"
#include "net/peercertificate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace avld;
    const QByteArray bytes = fuzz::bytesOf(data, size);
    (void)parseOpenSslTime(bytes);
    const std::optional<PeerCertificate> certificate = peerCertificateFromCurlFields(bytes.split('\n'));
    if (certificate && certificate->notAfter.isValid())
        (void)certificate->notAfter.toSecsSinceEpoch();
    return 0;
}
