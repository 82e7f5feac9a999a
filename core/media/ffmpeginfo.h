#pragma once

#include <QString>

namespace avld {

// Versions of the FFmpeg libraries this process runs with (for the About dialog and bug reports).
struct FfmpegInfo {
    QString release;     // e.g. "5.1.6-0+deb12u1"
    QString libavformat; // "59.27.100"
    QString libavcodec;
    QString libswscale;
    QString libavutil;

    static FfmpegInfo current();
    QString summary() const;
};

} // namespace avld
