#pragma once

#include "bitmap/bitmap.h"
#include "clock.h"

#include <QList>
#include <QSize>
#include <QString>

#include <optional>

namespace avld {

// A short animated preview of a live, ready to show: frames already scaled for the screen.
struct PreviewClip {
    QList<Bitmap> frames;
    int fps = 5;
};

// The last few preview clips, by live key and frame size, so hovering the same tile again shows the clip
// at once instead of grabbing the stream again. A clip is kept for a while only: after that it is an old
// picture of a live scene and is grabbed anew.
class RecentClips {
public:
    static constexpr int kDefaultCapacity = 8;
    static constexpr qint64 kDefaultMaxAgeMs = 30'000;

    explicit RecentClips(const Clock& clock, int capacity = kDefaultCapacity,
                         qint64 maxAgeMs = kDefaultMaxAgeMs);

    // Replaces a clip of the same key and box; drops the least recently used one past the capacity.
    void insert(const QString& key, QSize box, PreviewClip clip);
    // A clip of `key` grabbed for `box` less than maxAgeMs ago; counts as a use.
    std::optional<PreviewClip> find(const QString& key, QSize box);
    int size() const { return int(m_entries.size()); }
    void clear() { m_entries.clear(); }

private:
    struct Entry {
        QString key;
        QSize box;
        PreviewClip clip;
        qint64 storedAtMs = 0;
    };
    void dropExpired();

    const Clock& m_clock;
    int m_capacity;
    qint64 m_maxAgeMs;
    QList<Entry> m_entries; // least recently used first
};

} // namespace avld
