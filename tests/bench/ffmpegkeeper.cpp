#include "ffmpegkeeper.h"

#include "procstats.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

namespace avld::bench {

const QString kThumbnailScalePad =
    QStringLiteral("scale=640:360:force_original_aspect_ratio=decrease,pad=640:360:(ow-iw)/2:(oh-ih)/2");

double ffmpegPerStreamCpuShare(const QUrl& stream, int seconds) {
    QTemporaryDir dir;
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"),
                  QStringLiteral("-live_start_index"), QStringLiteral("-1"), QStringLiteral("-i"),
                  stream.toString(), QStringLiteral("-vf"), QStringLiteral("fps=1/10,") + kThumbnailScalePad,
                  QStringLiteral("-update"), QStringLiteral("1"), QStringLiteral("-y"),
                  dir.filePath(QStringLiteral("live.jpg"))});
    if (!ffmpeg.waitForStarted(5000))
        return qQNaN();
    QThread::sleep(3); // past its start-up
    const qint64 t0 = processTicks(ffmpeg.processId());
    QElapsedTimer timer;
    timer.start();
    QThread::sleep(seconds);
    const qint64 t1 = processTicks(ffmpeg.processId());
    const double share = ticksToMs(t1 - t0) / double(timer.elapsed());
    ffmpeg.kill();
    ffmpeg.waitForFinished(3000);
    return share;
}

} // namespace avld::bench
