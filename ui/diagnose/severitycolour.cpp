#include "severitycolour.h"

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

} // namespace avld
