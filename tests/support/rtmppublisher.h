#pragma once

#include "result.h"

#include <QString>

class QProcess;

namespace avld::test {

// One `ffmpeg` pushing a stamped test stream to an RTMP URL given whole (AVideo's publish URLs carry their
// token in the query): a 1280x720 25 fps test pattern with the wall clock and frame number drawn in,
// yuv420p H.264 with a 2 s GOP, AAC audio. Our child; logs to `logPath`.
class RtmpPublisher {
public:
    RtmpPublisher() = default;
    ~RtmpPublisher();
    RtmpPublisher(const RtmpPublisher&) = delete;
    RtmpPublisher& operator=(const RtmpPublisher&) = delete;

    // Starts ffmpeg; `label` is drawn into the picture. Does not wait for the stream to arrive.
    Status start(const QString& rtmpUrl, const QString& label, const QString& logPath);
    void stop();
    bool isRunning() const;
    qint64 pid() const;

private:
    QProcess* m_process = nullptr;
};

} // namespace avld::test
