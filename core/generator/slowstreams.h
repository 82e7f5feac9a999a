#pragma once

#include <QHash>
#include <QUrl>

namespace avld {

// The streams whose last grab took longer than AVideo waits (or timed out): a trickling or stalled media
// server, or a hostile URL. GrabScheduler keeps their grabs to a lane of their own so that they cannot hold
// the slots healthy streams need. A stream leaves when one of its grabs is quick again. Bounded: beyond
// `capacity`, the one marked longest ago is forgotten (and counts as healthy again).
class SlowStreams {
public:
    explicit SlowStreams(int capacity = 4096);

    bool contains(const QUrl& stream) const { return m_markedAt.contains(stream); }
    void mark(const QUrl& stream);
    void clear(const QUrl& stream) { m_markedAt.remove(stream); }
    int size() const { return int(m_markedAt.size()); }

private:
    int m_capacity;
    quint64 m_next = 0;
    QHash<QUrl, quint64> m_markedAt; // stream -> order of marking
};

} // namespace avld
