#pragma once

#include "result.h"

#include <QDateTime>
#include <QTime>
#include <QTimeZone>

namespace avld {

// A daily window of local time during which only critical alerts are sent, e.g. 22:00-07:00 (it may wrap
// midnight). start == end, or both invalid: no quiet hours.
struct QuietHours {
    QTime start{};
    QTime end{};

    bool enabled() const { return start.isValid() && end.isValid() && start != end; }
    // Whether `moment` falls inside the window, read in `zone`.
    bool contains(const QDateTime& moment, const QTimeZone& zone) const;
    // "22:00-07:00"; empty when disabled.
    QString toString() const;
    // "22:00-07:00" (or "off", or empty: no quiet hours).
    static Result<QuietHours> parse(const QString& text);
};

} // namespace avld
