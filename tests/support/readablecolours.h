#pragma once

#include <QImage>
#include <QPalette>
#include <QRgb>

namespace avld::test {

// WCAG's relative luminance of a colour and the contrast ratio of two (1 = none, 21 = black on white).
double luminance(QRgb rgb);
double contrast(QRgb a, QRgb b);
// The text of a label or pill as it is on screen: its most common pixel is the background, and the pixel
// that differs most from it is the core of a glyph; their contrast ratio.
double textContrast(const QImage& area);
// A dark system palette (what a desktop in dark mode hands the app), for pages built under it.
QPalette darkPalette();

} // namespace avld::test
