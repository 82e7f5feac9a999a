#pragma once

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace avld::fuzz {

// The fuzzer's bytes without a copy: the buffer then ends exactly where the input does, so that
// AddressSanitizer sees a read one byte past it (a copy would hide it behind its terminator and spare
// capacity).
inline QByteArray bytesOf(const uint8_t* data, size_t size) {
    return QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
}

} // namespace avld::fuzz
