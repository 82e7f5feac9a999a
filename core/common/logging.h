#pragma once

#include <QLoggingCategory>

// One category per module, so an admin can turn on e.g. QT_LOGGING_RULES="avld.encoders.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcSite)
Q_DECLARE_LOGGING_CATEGORY(lcMedia)
Q_DECLARE_LOGGING_CATEGORY(lcEncoders)
Q_DECLARE_LOGGING_CATEGORY(lcGenerator)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcAlerts)

namespace avld {

// The least severe message the app's categories keep: "debug", "info" or "warning" (the Log level
// setting). QT_LOGGING_RULES, when set, still wins: Qt applies it after these rules.
void applyLogLevel(const QString& level);

} // namespace avld
