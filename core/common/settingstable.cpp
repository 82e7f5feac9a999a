#include "settings.h"
#include "version.h"

namespace avld {

const std::vector<SettingSpec>& Settings::table() {
    using namespace Validate;
    static const std::vector<SettingSpec> rows{
        {SettingId::LastProfile, QStringLiteral("general/lastProfile"), QString(),
         QStringLiteral("Last site profile"),
         QStringLiteral("The site profile opened at start; empty opens the demo site."), anyText()},
        {SettingId::LivesRefreshSeconds, QStringLiteral("lives/refreshSeconds"), 30,
         QStringLiteral("Lives refresh interval (s)"),
         QStringLiteral("How often the Lives page re-reads the site and grabs fresh frames."),
         intRange(5, 3600)},
        {SettingId::GrabTimeoutMs, QStringLiteral("media/grabTimeoutMs"), 5000,
         QStringLiteral("Grab timeout (ms)"),
         QStringLiteral("Longest time one frame grab may take before it is reported as a timeout."),
         intRange(500, 60000)},
        {SettingId::UserAgent, QStringLiteral("media/userAgent"),
         QStringLiteral("AVideoLiveDoctor/") + QStringLiteral(AVLD_VERSION), QStringLiteral("User-Agent"),
         QStringLiteral("Sent with every site and stream request."), nonEmptyText()},
        {SettingId::ProbeIntervalSeconds, QStringLiteral("encoders/probeIntervalSeconds"), 60,
         QStringLiteral("Encoder probe interval (s)"), QStringLiteral("How often each encoder is checked."),
         intRange(10, 86400)},
        {SettingId::FailuresBeforeDown, QStringLiteral("encoders/failuresBeforeDown"), 3,
         QStringLiteral("Failures before offline"),
         QStringLiteral("Consecutive failed probes before an encoder is reported offline."), intRange(1, 20)},
        {SettingId::SuccessesBeforeUp, QStringLiteral("encoders/successesBeforeUp"), 2,
         QStringLiteral("Successes before online"),
         QStringLiteral("Consecutive good probes before an encoder is reported back online."),
         intRange(1, 20)},
        {SettingId::GeneratorListenAddress, QStringLiteral("generator/listenAddress"),
         QStringLiteral("127.0.0.1"), QStringLiteral("Stand-in listen address"),
         QStringLiteral("Address the stand-in thumbnail service binds to; AVideo's server must reach it."),
         ipAddress()},
        {SettingId::GeneratorPort, QStringLiteral("generator/port"), 8099, QStringLiteral("Stand-in port"),
         QStringLiteral("TCP port of the stand-in thumbnail service."), intRange(1, 65535)},
        {SettingId::GeneratorBudgetMs, QStringLiteral("generator/budgetMs"), 1500,
         QStringLiteral("Stand-in answer budget (ms)"),
         QStringLiteral(
             "Longest wait for a fresh grab before answering empty; AVideo gives up after 2000 ms."),
         intRange(100, 1900)},
        {SettingId::CloseToTray, QStringLiteral("ui/closeToTray"), true, QStringLiteral("Close to tray"),
         QStringLiteral("Closing the window keeps monitoring in the tray."), boolean()},
        {SettingId::LogLevel, QStringLiteral("log/level"), QStringLiteral("info"),
         QStringLiteral("Log level"), QStringLiteral("Least severe message kept in the log."),
         oneOf({QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning")})},
    };
    return rows;
}

} // namespace avld
