#include "logcolors.h"

namespace avld {

QColor levelColor(QtMsgType level, const QPalette& palette) {
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    switch (level) {
    case QtDebugMsg:
        return palette.color(QPalette::PlaceholderText);
    case QtInfoMsg:
        return {};
    case QtWarningMsg:
        return dark ? QColor(0xff, 0xc4, 0x57) : QColor(0x9a, 0x5b, 0x00);
    case QtCriticalMsg:
    case QtFatalMsg:
        return dark ? QColor(0xff, 0x7a, 0x70) : QColor(0xb3, 0x14, 0x14);
    }
    return {};
}

} // namespace avld
