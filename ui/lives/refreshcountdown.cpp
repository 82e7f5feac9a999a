#include "refreshcountdown.h"

namespace avld {

RefreshCountdown::RefreshCountdown(QObject* parent)
    : QObject(parent) {
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &RefreshCountdown::tick);
}

void RefreshCountdown::setInterval(int seconds) {
    m_interval = qMax(0, seconds);
    restart();
}

void RefreshCountdown::restart() {
    m_remaining = m_interval;
    m_counting = m_interval > 0;
    update();
}

void RefreshCountdown::hold() {
    m_counting = false;
    update();
}

void RefreshCountdown::setPaused(bool paused) {
    m_paused = paused;
    update();
}

void RefreshCountdown::tick() {
    if (--m_remaining <= 0) {
        m_remaining = 0;
        m_counting = false;
        update();
        Q_EMIT expired();
        return;
    }
    Q_EMIT changed();
}

void RefreshCountdown::update() {
    // Restarting the timer on resume drops the part-second already counted: a pause costs at most 1 s.
    const bool run = m_counting && !m_paused;
    if (run && !m_timer.isActive())
        m_timer.start();
    else if (!run)
        m_timer.stop();
    Q_EMIT changed();
}

} // namespace avld
