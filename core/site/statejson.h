#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <cmath>
#include <limits>
#include <optional>

namespace avld {

// The pieces of a followed live's saved state (LiveSound::stateJson, LivePicture::stateJson) that JSON has no
// word for. Times in UTC, ISO 8601 with milliseconds: "2026-12-07T14:02:10.250Z".
inline QString stateJsonTime(const QDateTime& at) {
    return at.toUTC().toString(Qt::ISODateWithMs);
}

inline std::optional<QDateTime> stateJsonTimeFrom(const QJsonValue& value) {
    const QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!at.isValid())
        return std::nullopt;
    return at;
}

// A number exactly; one that is not finite (a level of digital silence is -inf, one not measured NaN) as the
// string "-inf", "inf" or "nan".
inline QJsonValue stateJsonNumber(double value) {
    if (std::isnan(value))
        return QStringLiteral("nan");
    if (std::isinf(value))
        return value < 0 ? QStringLiteral("-inf") : QStringLiteral("inf");
    return value;
}

inline std::optional<double> stateJsonNumberFrom(const QJsonValue& value) {
    if (value.isDouble())
        return value.toDouble();
    const QString text = value.toString();
    if (text == QStringLiteral("nan"))
        return std::numeric_limits<double>::quiet_NaN();
    if (text == QStringLiteral("inf"))
        return std::numeric_limits<double>::infinity();
    if (text == QStringLiteral("-inf"))
        return -std::numeric_limits<double>::infinity();
    return std::nullopt;
}

} // namespace avld
