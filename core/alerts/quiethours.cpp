#include "quiethours.h"

namespace avld {

bool QuietHours::contains(const QDateTime& moment, const QTimeZone& zone) const {
    if (!enabled())
        return false;
    const QTime local = moment.toTimeZone(zone).time();
    if (start < end)
        return local >= start && local < end;
    return local >= start || local < end; // wraps midnight
}

QString QuietHours::toString() const {
    if (!enabled())
        return {};
    return start.toString(QStringLiteral("HH:mm")) + QLatin1Char('-') + end.toString(QStringLiteral("HH:mm"));
}

Result<QuietHours> QuietHours::parse(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed == QStringLiteral("off"))
        return QuietHours{};
    const QStringList parts = trimmed.split(QLatin1Char('-'));
    const auto time = [](const QString& part) {
        return QTime::fromString(part.trimmed(), QStringLiteral("H:mm"));
    };
    const QuietHours hours{parts.size() == 2 ? time(parts[0]) : QTime(),
                           parts.size() == 2 ? time(parts[1]) : QTime()};
    if (!hours.start.isValid() || !hours.end.isValid() || hours.start == hours.end)
        return Error{
            QStringLiteral("usage"),
            QStringLiteral("quiet hours \"%1\" are not two different times like 22:00-07:00").arg(text),
            {}};
    return hours;
}

} // namespace avld
