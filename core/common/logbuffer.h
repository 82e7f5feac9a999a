#pragma once

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

#include <atomic>
#include <vector>

namespace avld {

// One message as the Qt message handler received it. `id` grows by one per record, so views can tell
// which records they already hold.
struct LogRecord {
    quint64 id = 0;
    QDateTime time;
    QtMsgType level = QtInfoMsg;
    QString category;
    QString message;
};

// Debug < Info < Warning < Critical < Fatal (QtMsgType's own values are not in that order).
int severityRank(QtMsgType level);
// "debug", "info", "warning", "critical", "fatal".
QString levelName(QtMsgType level);
// The inverse of levelName(); unknown names give `fallback`.
QtMsgType levelFromName(const QString& name, QtMsgType fallback = QtInfoMsg);

// The last `capacity` log records of the process, fed by a Qt message handler (install()) that chains to
// the handler installed before it, so stderr output keeps working. Any thread may log; appended() is
// emitted in the buffer's thread, once per batch rather than once per record. Messages are kept as given:
// callers never log secrets.
class LogBuffer : public QObject {
    Q_OBJECT
public:
    static constexpr int DefaultCapacity = 5000;

    explicit LogBuffer(int capacity = DefaultCapacity, QObject* parent = nullptr);
    ~LogBuffer() override; // uninstalls itself

    // Makes this buffer the process's message sink (one buffer at a time); the previous handler still runs.
    void install();
    // Restores the handler that was there before install(), if this buffer is still the installed one.
    void uninstall();
    bool isInstalled() const;

    // Thread-safe. Records less severe than minimumLevel() are not kept (they still reach the previous
    // handler).
    void append(QtMsgType level, const QString& category, const QString& message);
    void setMinimumLevel(QtMsgType level);
    QtMsgType minimumLevel() const;

    int capacity() const { return m_capacity; }
    // All records held, oldest first.
    QList<LogRecord> snapshot() const;
    // Records held whose id is greater than `id`, oldest first (recordsAfter(0) == snapshot()).
    QList<LogRecord> recordsAfter(quint64 id) const;
    // Records appended since the previous takeNew() (at most capacity()), oldest first. For one consumer.
    QList<LogRecord> takeNew();

Q_SIGNALS:
    // New records are waiting; coalesced: one signal for any number of records appended meanwhile.
    void appended();

private:
    void deliver();
    QList<LogRecord> collectAfterLocked(quint64 id) const;

    const int m_capacity;
    mutable QMutex m_mutex;
    std::vector<LogRecord> m_ring; // grows to m_capacity, then overwritten at m_head
    std::size_t m_head = 0;        // index of the oldest record once the ring is full
    quint64 m_lastId = 0;
    quint64 m_takenId = 0;
    std::atomic<bool> m_notifyPending{false};
    std::atomic<int> m_minimumRank;
};

} // namespace avld
