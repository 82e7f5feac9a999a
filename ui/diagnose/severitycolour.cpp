#include "severitycolour.h"

#include "palettecolours.h"

namespace avld {

QColor severityColour(Severity severity) {
    switch (severity) {
    case Severity::Critical:
        return QColor(0xc6, 0x28, 0x28);
    case Severity::Warning:
        return QColor(0xef, 0x6c, 0x00);
    case Severity::Ok:
        return QColor(0x2e, 0x7d, 0x32);
    case Severity::Unknown:
        break;
    }
    return QColor(0x54, 0x6e, 0x7a);
}

QColor severityTextColour(Severity severity, const QPalette& palette) {
    switch (severity) {
    case Severity::Critical:
        return badTextColour(palette);
    case Severity::Warning:
        return warningTextColour(palette);
    case Severity::Ok:
        return goodTextColour(palette);
    case Severity::Unknown:
        break;
    }
    return mutedTextColour(palette);
}

} // namespace avld
