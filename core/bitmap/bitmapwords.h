#pragma once

#include <QString>

namespace avld {

// Digits in groups of three, separated by spaces: 1204 -> "1 204".
QString groupedDigits(qint64 number);

// A limit on pixels as a person reads it: "67 million", "250 000".
QString pixelLimitText(qint64 maxPixels);

// What stops a picture of width × height pixels from being made, in words such as "60000×60000 pixels, more
// than the 67 million allowed"; empty when nothing does. Callers put the subject in front: "the PNG declares
// ".
QString pictureSizeProblem(qint64 width, qint64 height, qint64 maxPixels);

} // namespace avld
