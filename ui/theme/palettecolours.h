#pragma once

#include <QColor>
#include <QPalette>

class QChart;
class QWidget;

namespace avld {

// Colours that stay readable on the system's palette, light or dark: the pages take their state colours
// from here instead of fixing one shade that only works on a light background.
bool isDarkPalette(const QPalette& palette);
QColor goodTextColour(const QPalette& palette);
QColor badTextColour(const QPalette& palette);
QColor warningTextColour(const QPalette& palette);
QColor mutedTextColour(const QPalette& palette);

// Gives a label (or any widget) a text colour through its palette, so style sheets stay out of the way.
void setTextColour(QWidget* widget, const QColor& colour);

// A chart drawn with the palette's colours: the light or dark Qt Charts theme, on the window's background.
// Call before adding series: a theme resets their colours.
void applyPaletteToChart(QChart* chart, const QPalette& palette);

} // namespace avld
