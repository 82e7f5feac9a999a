#include "liveplayer.h"

#include "clock.h"
#include "deadline.h"
#include "logging.h"
#include "videoframereader.h"

#include <QElapsedTimer>
#include <QPointer>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace avld {

// What the player and its worker share. The worker owns a reference, so it outlives a player that is
// destroyed while the worker is still inside a network call.
struct LivePlayer::Shared {
    std::atomic_bool cancel{false};
    std::atomic_int maxWidth{0};
    std::mutex mutex;
    std::condition_variable wake;
    LivePlayer* player = nullptr; // under mutex; null once the player is gone
    std::optional<GrabbedFrame> newest;
    bool deliveryPosted = false;

    // Sleeps up to `ms`; false when cancelled.
    bool pause(qint64 ms) {
        std::unique_lock lock(mutex);
        return !wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return cancel.load(); });
    }

    void publish(GrabbedFrame frame) {
        std::lock_guard lock(mutex);
        newest = std::move(frame); // a slow GUI sees the newest picture, not a queue of old ones
        if (player && !deliveryPosted) {
            deliveryPosted = true;
            QMetaObject::invokeMethod(player, &LivePlayer::takeFrame, Qt::QueuedConnection);
        }
    }

    void report(const Error& error) {
        std::lock_guard lock(mutex);
        if (player && !cancel.load())
            QMetaObject::invokeMethod(
                player, [p = player, error] { Q_EMIT p->failed(error); }, Qt::QueuedConnection);
    }
};

namespace {

// The stream's clock against the wall clock: a frame is shown when as much time has passed since the
// first as its timestamp says. A jump (a new segment's timestamps, a reconnect) or falling behind by more
// than a moment starts the clock again rather than racing or freezing.
class Pacer {
public:
    // Milliseconds to wait before showing a frame stamped `ptsMs`.
    qint64 delayFor(qint64 ptsMs) {
        if (ptsMs < 0)
            return 0;
        if (m_basePts >= 0) {
            const qint64 due = ptsMs - m_basePts - m_wall.elapsed();
            if (due >= -kLateMs && due <= kJumpMs)
                return qMax<qint64>(0, due);
        }
        m_basePts = ptsMs;
        m_wall.restart();
        return 0;
    }

private:
    static constexpr qint64 kLateMs = 500;
    static constexpr qint64 kJumpMs = 2000;
    qint64 m_basePts = -1;
    QElapsedTimer m_wall;
};

} // namespace

void LivePlayer::run(std::shared_ptr<Shared> shared, DecoderInput input, Options options) {
    const Clock& clock = Clock::system();
    while (!shared->cancel.load()) {
        Deadline deadline(clock, options.openTimeoutMs);
        const MediaInterrupt interrupt{&deadline, &shared->cancel};
        VideoFrameReader reader;
        reader.setMaxWidth(shared->maxWidth.load());
        Status failure = reader.open(input, interrupt);
        Pacer pacer;
        while (failure.ok() && !shared->cancel.load()) {
            deadline = Deadline(clock, options.stallTimeoutMs);
            reader.setMaxWidth(shared->maxWidth.load());
            Result<GrabbedFrame> frame = reader.next();
            if (!frame) {
                failure = frame.error();
                break;
            }
            if (!shared->pause(pacer.delayFor(frame->ptsMs)))
                return;
            shared->publish(std::move(frame).value());
        }
        if (shared->cancel.load())
            return;
        Error error = failure.error();
        if (error.code == QLatin1String("timeout"))
            error = {QStringLiteral("stalled"),
                     QStringLiteral("no picture for %1 s").arg(options.stallTimeoutMs / 1000),
                     QStringLiteral("The publisher may have stopped; the live detail tries again.")};
        qCDebug(lcMedia) << "live player:" << error.toString();
        shared->report(error);
        shared->pause(options.retryDelayMs);
    }
}

LivePlayer::LivePlayer(QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<avld::GrabbedFrame>();
}

LivePlayer::~LivePlayer() {
    stop();
}

void LivePlayer::play(const QUrl& source, const Options& options) {
    stop();
    m_source = source;
    if (source.isEmpty())
        return;
    m_shared = std::make_shared<Shared>();
    m_shared->player = this;
    m_shared->maxWidth = m_maxWidth;
    DecoderInput input;
    input.url = source.isLocalFile() ? source.toLocalFile() : source.toString();
    input.userAgent = options.userAgent;
    input.referer = options.referer;
    std::thread(&LivePlayer::run, m_shared, input, options).detach();
}

void LivePlayer::stop() {
    m_source.clear();
    if (!m_shared)
        return;
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->cancel = true;
        m_shared->player = nullptr;
    }
    m_shared->wake.notify_all();
    m_shared.reset();
}

void LivePlayer::setMaxWidth(int pixels) {
    if (m_shared)
        m_shared->maxWidth = qMax(0, pixels);
    m_maxWidth = qMax(0, pixels);
}

void LivePlayer::takeFrame() {
    if (!m_shared)
        return;
    std::optional<GrabbedFrame> frame;
    {
        std::lock_guard lock(m_shared->mutex);
        frame.swap(m_shared->newest);
        m_shared->deliveryPosted = false;
    }
    if (!frame)
        return;
    ++m_framesShown;
    Q_EMIT frameReady(*frame);
}

} // namespace avld
