#include "palettecolours.h"

#include <QChart>
#include <QWidget>

namespace avld {

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor goodTextColour(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x6e, 0x20);
}

QColor badTextColour(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xa4, 0x26, 0x2c);
}

QColor warningTextColour(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0xff, 0xb7, 0x4d) : QColor(0x8a, 0x4b, 0x00);
}

QColor mutedTextColour(const QPalette& palette) {
    return palette.color(QPalette::PlaceholderText);
}

void setTextColour(QWidget* widget, const QColor& colour) {
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, colour);
    palette.setColor(QPalette::Text, colour);
    widget->setPalette(palette);
}

void applyPaletteToChart(QChart* chart, const QPalette& palette) {
    chart->setTheme(isDarkPalette(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.color(QPalette::Window));
    chart->setTitleBrush(palette.color(QPalette::WindowText));
    chart->legend()->setLabelColor(palette.color(QPalette::WindowText));
}

} // namespace avld
