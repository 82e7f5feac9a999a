#include "ffmpeginfo.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libswscale/swscale.h>
}

namespace avld {

namespace {
QString versionText(unsigned v) {
    return QStringLiteral("%1.%2.%3")
        .arg(AV_VERSION_MAJOR(v))
        .arg(AV_VERSION_MINOR(v))
        .arg(AV_VERSION_MICRO(v));
}
} // namespace

FfmpegInfo FfmpegInfo::current() {
    return {QString::fromLatin1(av_version_info()), versionText(avformat_version()),
            versionText(avcodec_version()), versionText(swscale_version()), versionText(avutil_version())};
}

QString FfmpegInfo::summary() const {
    return QStringLiteral("FFmpeg %1 (libavformat %2, libavcodec %3, libswscale %4, libavutil %5)")
        .arg(release, libavformat, libavcodec, libswscale, libavutil);
}

} // namespace avld
