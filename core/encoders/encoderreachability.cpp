#include "encoderreachability.h"

namespace avld {

bool encoderFramesTested(const EncoderSnapshot& snapshot) {
    if (!snapshot.last)
        return false;
    const ProbeRecord& record = snapshot.last->record;
    return record.functionalMs >= 0 || !record.frameClass.isEmpty();
}

bool encoderOnlyReachable(const EncoderSnapshot& snapshot) {
    return snapshot.state == EncoderState::Online && !encoderFramesTested(snapshot);
}

} // namespace avld
