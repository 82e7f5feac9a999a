#include "tilepreview.h"

namespace avld {

TilePreview::TilePreview(QObject* parent)
    : QObject(parent) {
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TilePreview::advance);
}

void TilePreview::reset(State state, const QString& key) {
    const QString previous = m_key;
    m_timer.stop();
    m_state = state;
    m_key = key;
    m_reason.clear();
    m_frames.clear();
    m_pixmaps.clear();
    m_box = QSize();
    m_current = 0;
    if (!previous.isEmpty() && previous != key)
        Q_EMIT changed(previous);
    if (!key.isEmpty())
        Q_EMIT changed(key);
}

void TilePreview::load(const QString& key) {
    if (key == m_key && m_state != State::Idle)
        return;
    reset(State::Loading, key);
}

bool TilePreview::play(const QString& key, const QList<QImage>& frames, int fps) {
    if (key.isEmpty() || key != m_key || m_state == State::Idle)
        return false;
    if (frames.isEmpty())
        return fail(key, tr("the clip has no frames"));
    reset(State::Playing, key);
    m_frames = frames;
    m_fps = qBound(1, fps, 30);
    if (m_frames.size() > 1)
        m_timer.start(1000 / m_fps);
    return true;
}

bool TilePreview::fail(const QString& key, const QString& reason) {
    if (key.isEmpty() || key != m_key || m_state == State::Idle)
        return false;
    reset(State::Failed, key);
    m_reason = reason;
    return true;
}

void TilePreview::stop() {
    if (m_state != State::Idle)
        reset(State::Idle, {});
}

void TilePreview::advance() {
    if (m_frames.isEmpty())
        return;
    m_current = (m_current + 1) % int(m_frames.size());
    Q_EMIT changed(m_key);
}

void TilePreview::prepare(QSize box, qreal devicePixelRatio) {
    if (m_frames.isEmpty() || box.isEmpty() || (box == m_box && devicePixelRatio == m_devicePixelRatio))
        return;
    m_box = box;
    m_devicePixelRatio = devicePixelRatio;
    m_pixmaps.clear();
    m_pixmaps.reserve(m_frames.size());
    for (const QImage& frame : std::as_const(m_frames)) {
        const QSize device =
            (frame.size().scaled(box, Qt::KeepAspectRatio) * devicePixelRatio).expandedTo({1, 1});
        // The loader fits the frames to the picture area already, so usually nothing is left to scale (a
        // pixel of rounding apart).
        const bool fits =
            qAbs(frame.width() - device.width()) <= 1 && qAbs(frame.height() - device.height()) <= 1;
        QPixmap pixmap = QPixmap::fromImage(
            fits ? frame : frame.scaled(device, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
        pixmap.setDevicePixelRatio(devicePixelRatio);
        m_pixmaps.append(pixmap);
    }
}

QPixmap TilePreview::framePixmap(QSize box, qreal devicePixelRatio) {
    if (m_state != State::Playing)
        return {};
    prepare(box, devicePixelRatio);
    return m_pixmaps.value(m_current);
}

} // namespace avld
