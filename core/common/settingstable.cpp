#include "settings.h"
#include "version.h"

#include <QCoreApplication>

namespace avld {

// Labels and descriptions are English sources, marked for lupdate; label() and description() translate them.
const std::vector<SettingSpec>& Settings::table() {
    using namespace Validate;
    static const std::vector<SettingSpec> rows{
        {SettingId::LastProfile, QStringLiteral("general/lastProfile"), QString(),
         QStringLiteral(QT_TRANSLATE_NOOP("avld::Settings", "Last site profile")),
         QStringLiteral(QT_TRANSLATE_NOOP("avld::Settings",
                                          "The site profile opened at start; empty opens the demo site.")),
         anyText()},
        {SettingId::LivesRefreshSeconds, QStringLiteral("lives/refreshSeconds"), 30,
         QStringLiteral(QT_TRANSLATE_NOOP("avld::Settings", "Lives refresh interval (s)")),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "avld::Settings", "How often the Lives page re-reads the site and grabs fresh frames.")),
         intRange(5, 3600)},
        {SettingId::GrabTimeoutMs, QStringLiteral("media/grabTimeoutMs"), 5000,
         QStringLiteral(QT_TRANSLATE_NOOP("avld::Settings", "Grab timeout (ms)")),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "avld::Settings", "Longest time one frame grab may take before it is reported as a timeout.")),
         intRange(500, 60000)},
        {SettingId::UserAgent, QStringLiteral("media/userAgent"),
         QStringLiteral("AVideoLiveDoctor/") + QStringLiteral(AVLD_VERSION),
         QStringLiteral(QT_TRANSLATE_NOOP("avld::Settings", "User-Agent")),
         QStringLiteral(QT_TRANSLATE_NOOP("avld::Settings", "Sent with every site and stream request.")),
         nonEmptyText()},
        {SettingId::ProbeIntervalSeconds, QStringLiteral("encoders/probeIntervalSeconds"), 60,
         QStringLiteral(QT_TRANSLATE_NOOP("avld::Settings", "Encoder probe interval (s)")),
         QStringLiteral(QT_TRANSLATE_NOOP("avld::Settings", "How often each encoder is checked.")),
         intRange(10, 86400)},
        {SettingId::FailuresBeforeDown, QStringLiteral("encoders/failuresBeforeDown"), 3,
         QStringLiteral(QT_TRANSLATE_NOOP("avld::Settings", "Failures before offline")),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "avld::Settings", "Consecutive failed probes before an encoder is reported offline.")),
         intRange(1, 20)},
        {SettingId::SuccessesBeforeUp, QStringLiteral("encoders/successesBeforeUp"), 2,
         QStringLiteral(QT_TRANSLATE_NOOP("avld::Settings", "Successes before online")),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "avld::Settings", "Consecutive good probes before an encoder is reported back online.")),
         intRange(1, 20)},
        {SettingId::GeneratorListenAddress, QStringLiteral("generator/listenAddress"),
         QStringLiteral("127.0.0.1"),
         QStringLiteral(QT_TRANSLATE_NOOP("avld::Settings", "Stand-in listen address")),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "avld::Settings",
             "Address the stand-in thumbnail service binds to; AVideo's server must reach it.")),
         ipAddress()},
        {SettingId::GeneratorPort, QStringLiteral("generator/port"), 8099,
         QStringLiteral(QT_TRANSLATE_NOOP("avld::Settings", "Stand-in port")),
         QStringLiteral(QT_TRANSLATE_NOOP("avld::Settings", "TCP port of the stand-in thumbnail service.")),
         intRange(1, 65535)},
        {SettingId::GeneratorBudgetMs, QStringLiteral("generator/budgetMs"), 1500,
         QStringLiteral(QT_TRANSLATE_NOOP("avld::Settings", "Stand-in answer budget (ms)")),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "avld::Settings",
             "Longest wait for a fresh grab before answering empty; AVideo gives up after 2000 ms.")),
         intRange(100, 1900)},
        {SettingId::CloseToTray, QStringLiteral("ui/closeToTray"), true,
         QStringLiteral(QT_TRANSLATE_NOOP("avld::Settings", "Close to tray")),
         QStringLiteral(
             QT_TRANSLATE_NOOP("avld::Settings", "Closing the window keeps monitoring in the tray.")),
         boolean()},
        {SettingId::LogLevel, QStringLiteral("log/level"), QStringLiteral("info"),
         QStringLiteral(QT_TRANSLATE_NOOP("avld::Settings", "Log level")),
         QStringLiteral(QT_TRANSLATE_NOOP("avld::Settings", "Least severe message kept in the log.")),
         oneOf({QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning")})},
        {SettingId::Language, QStringLiteral("ui/language"), QStringLiteral("system"),
         QStringLiteral(QT_TRANSLATE_NOOP("avld::Settings", "Language")),
         QStringLiteral(QT_TRANSLATE_NOOP("avld::Settings",
                                          "The language of the window; System default follows the desktop's "
                                          "language. Applied at the next start.")),
         oneOf({QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("zh_CN"),
                QStringLiteral("pt_BR")})},
    };
    return rows;
}

} // namespace avld
