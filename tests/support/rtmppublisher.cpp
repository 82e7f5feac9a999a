#include "rtmppublisher.h"

#include "childprocess.h"

#include <QProcess>

namespace avld::test {

namespace {
constexpr auto kFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
constexpr int kFps = 25;
constexpr int kGopSeconds = 2;

QStringList publisherArguments(const QString& url, const QString& label) {
    const QString gop = QString::number(kFps * kGopSeconds);
    return {QStringLiteral("-hide_banner"),
            QStringLiteral("-nostdin"),
            QStringLiteral("-loglevel"),
            QStringLiteral("warning"),
            QStringLiteral("-re"),
            QStringLiteral("-f"),
            QStringLiteral("lavfi"),
            QStringLiteral("-i"),
            QStringLiteral("testsrc2=size=1280x720:rate=%1").arg(kFps),
            QStringLiteral("-f"),
            QStringLiteral("lavfi"),
            QStringLiteral("-i"),
            QStringLiteral("sine=frequency=440:sample_rate=44100"),
            QStringLiteral("-vf"),
            QStringLiteral("drawtext=fontfile=%1:fontsize=h/12:fontcolor=white:box=1:boxcolor=black@0.6:"
                           "boxborderw=8:x=(w-tw)/2:y=h-th-h/12:text='%2  %{localtime\\:%T}  #%{n}'")
                .arg(QString::fromLatin1(kFont), label),
            QStringLiteral("-pix_fmt"),
            QStringLiteral("yuv420p"),
            QStringLiteral("-c:v"),
            QStringLiteral("libx264"),
            QStringLiteral("-preset"),
            QStringLiteral("ultrafast"),
            QStringLiteral("-tune"),
            QStringLiteral("zerolatency"),
            QStringLiteral("-g"),
            gop,
            QStringLiteral("-keyint_min"),
            gop,
            QStringLiteral("-sc_threshold"),
            QStringLiteral("0"),
            QStringLiteral("-b:v"),
            QStringLiteral("1200k"),
            QStringLiteral("-c:a"),
            QStringLiteral("aac"),
            QStringLiteral("-b:a"),
            QStringLiteral("96k"),
            QStringLiteral("-f"),
            QStringLiteral("flv"),
            url};
}
} // namespace

RtmpPublisher::~RtmpPublisher() {
    stop();
}

Status RtmpPublisher::start(const QString& rtmpUrl, const QString& label, const QString& logPath) {
    stop();
    m_process = new QProcess;
    killChildWithParent(*m_process);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(logPath, QIODevice::Append);
    m_process->start(QStringLiteral("ffmpeg"), publisherArguments(rtmpUrl, label));
    if (!m_process->waitForStarted(5000)) {
        const QString why = m_process->errorString();
        delete m_process;
        m_process = nullptr;
        return Error{QStringLiteral("ffmpeg-start"), QStringLiteral("cannot start ffmpeg: %1").arg(why), {}};
    }
    return {};
}

void RtmpPublisher::stop() {
    if (!m_process)
        return;
    stopChild(*m_process, 3000);
    delete m_process;
    m_process = nullptr;
}

bool RtmpPublisher::isRunning() const {
    return m_process && m_process->state() == QProcess::Running;
}

qint64 RtmpPublisher::pid() const {
    return m_process ? m_process->processId() : 0;
}

} // namespace avld::test
