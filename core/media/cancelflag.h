#pragma once

#include <atomic>
#include <memory>

namespace avld {

// Shared between whoever may cancel an operation and the worker doing it; checked by FFmpeg's
// interrupt callback and between network steps.
using CancelFlag = std::shared_ptr<std::atomic_bool>;

inline CancelFlag makeCancelFlag() {
    return std::make_shared<std::atomic_bool>(false);
}

} // namespace avld
