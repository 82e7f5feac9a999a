// nginx-rtmp's /stat XML (NginxStat::parse).
#include "fuzzinput.h"
#include "site/nginxstat.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace avld;
    const Result<NginxStat> stat = NginxStat::parse(fuzz::bytesOf(data, size));
    if (!stat)
        return 0;
    for (const NginxStream& stream : stat->streams) {
        const NginxStream* found = stat->find(stream.name);
        if (!found || found->name != stream.name)
            __builtin_trap(); // every stream parsed must be found by its name
        // What the live detail window does with the announced rate (frameRateFact).
        if (stream.frameRate > 0)
            (void)qRound(stream.frameRate);
    }
    (void)stat->find(QStringLiteral("missing"));
    return 0;
}
