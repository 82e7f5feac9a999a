#pragma once

#include "thumbnailformat.h"

#include <QHashFunctions>
#include <QUrl>

namespace avld {

// What one cached thumbnail and one grab are for: a stream in one format.
struct FrameKey {
    QUrl url;
    ThumbnailFormat format = ThumbnailFormat::Jpg;

    bool operator==(const FrameKey&) const = default;
};

inline size_t qHash(const FrameKey& key, size_t seed = 0) {
    return qHashMulti(seed, key.url.toEncoded(), int(key.format));
}

} // namespace avld
