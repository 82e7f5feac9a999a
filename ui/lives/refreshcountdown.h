#pragma once

#include <QObject>
#include <QTimer>

namespace avld {

// Counts down to the next automatic refresh in whole seconds. It can be held (while a refresh runs) and
// paused (while nobody sees the page); `expired` fires once per count.
class RefreshCountdown : public QObject {
    Q_OBJECT
public:
    explicit RefreshCountdown(QObject* parent = nullptr);

    int interval() const { return m_interval; }
    void setInterval(int seconds); // 0: no automatic refresh
    int remaining() const { return m_remaining; }
    bool isCounting() const { return m_counting; }
    bool isPaused() const { return m_paused; }

    void restart(); // count the full interval again
    void hold();    // stop counting until the next restart()
    void setPaused(bool paused);

Q_SIGNALS:
    void changed(); // remaining, counting or paused changed
    void expired();

private:
    void tick();
    void update();

    QTimer m_timer;
    int m_interval = 30;
    int m_remaining = 30;
    bool m_counting = false;
    bool m_paused = false;
};

} // namespace avld
