#include "drawnage.h"

#include "drawnclock.h"

#include <QDateTime>

namespace avld::bench {

qint64 wallNowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

double drawnAgeMs(const QImage& image, qint64 seenAtMs) {
    const qint64 made = test::DrawnClock::read(image, seenAtMs);
    return made < 0 ? qQNaN() : double(seenAtMs - made);
}

double drawnAgeMs(const QByteArray& encoded, qint64 seenAtMs) {
    return drawnAgeMs(QImage::fromData(encoded), seenAtMs);
}

} // namespace avld::bench
