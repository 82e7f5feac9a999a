#include "ffmpeglog.h"

#include "logging.h"

#include <mutex>

extern "C" {
#include <libavutil/log.h>
}

namespace avld {

namespace {
void forwardLog(void* avcl, int level, const char* format, va_list args) {
    if (level > av_log_get_level())
        return;
    char line[1024];
    int prefix = 1;
    av_log_format_line2(avcl, level, format, args, line, sizeof line, &prefix);
    const QString text = QString::fromUtf8(line).trimmed();
    if (text.isEmpty())
        return;
    // Debug only: FFmpeg complains loudly about input we expect to be bad; callers report the reason.
    qCDebug(lcMedia).noquote() << "ffmpeg:" << text;
}
} // namespace

void installFfmpegLogHandler() {
    static std::once_flag once;
    std::call_once(once, [] {
        av_log_set_level(AV_LOG_WARNING);
        av_log_set_callback(forwardLog);
    });
}

} // namespace avld
