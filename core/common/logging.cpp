#include "logging.h"

Q_LOGGING_CATEGORY(lcSite, "avld.site", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMedia, "avld.media", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEncoders, "avld.encoders", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGenerator, "avld.generator", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "avld.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCore, "avld.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAlerts, "avld.alerts", QtInfoMsg)

namespace avld {

void applyLogLevel(const QString& level) {
    const bool debug = level == QStringLiteral("debug");
    const bool info = debug || level == QStringLiteral("info") || level.isEmpty();
    QLoggingCategory::setFilterRules(QStringLiteral("avld.*.debug=%1\navld.*.info=%2")
                                         .arg(debug ? QStringLiteral("true") : QStringLiteral("false"),
                                              info ? QStringLiteral("true") : QStringLiteral("false")));
}

} // namespace avld
