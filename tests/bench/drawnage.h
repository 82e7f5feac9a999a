#pragma once

#include <QByteArray>
#include <QImage>

// How old a picture is by the wall clock the test publisher draws into every frame (test::DrawnClock).
namespace avld::bench {

qint64 wallNowMs();
// The picture's age at `seenAtMs`, in ms; NaN when the clock's cells cannot be read.
double drawnAgeMs(const QImage& image, qint64 seenAtMs);
double drawnAgeMs(const QByteArray& encoded, qint64 seenAtMs);

} // namespace avld::bench
