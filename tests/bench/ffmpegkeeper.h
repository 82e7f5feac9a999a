#pragma once

#include <QString>
#include <QUrl>

// The baseline of the stand-in's benchmarks: one `ffmpeg` process per stream keeping that stream's picture
// fresh by itself, as people run it without a stand-in (decoding the live continuously, a picture every 10
// s).
namespace avld::bench {

// The encoder's scaling for a 640x360 thumbnail, as an ffmpeg filter.
extern const QString kThumbnailScalePad;

// The share of one core such a process takes, measured over `seconds` after its start-up; NaN when it does
// not start.
double ffmpegPerStreamCpuShare(const QUrl& stream, int seconds);

} // namespace avld::bench
