#pragma once

#include <QByteArray>
#include <QCoreApplication>

#include <cstddef>
#include <cstdint>

namespace avld::fuzz {

// The fuzzer's bytes without a copy: the buffer then ends exactly where the input does, so that
// AddressSanitizer sees a read one byte past it (a copy would hide it behind its terminator and spare
// capacity).
inline QByteArray bytesOf(const uint8_t* data, size_t size) {
    return QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
}

// For parsers that use Qt machinery wanting an application object (QTextDocument's HTML reader): made once
// and kept for the whole run.
inline void ensureCoreApplication() {
    static int argc = 1;
    static char name[] = "fuzz";
    static char* argv[] = {name, nullptr};
    static QCoreApplication* app = new QCoreApplication(argc, argv);
    Q_UNUSED(app);
}

} // namespace avld::fuzz
