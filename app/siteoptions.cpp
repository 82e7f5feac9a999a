#include "siteoptions.h"

#include "systemdcredential.h"
#include "terminaltext.h"

#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace avld {

void SiteOptions::addTo(QCommandLineParser& parser) const {
    parser.addOptions({m_site, m_user, m_stat, m_player, m_certificate});
}

Result<SiteProfile> SiteOptions::profile(const QCommandLineParser& parser) const {
    if (!parser.isSet(m_site))
        return Error{QStringLiteral("usage"), QStringLiteral("--site URL is required"), {}};
    Result<QUrl> site = SiteProfile::normalizedSiteUrl(parser.value(m_site));
    if (!site)
        return site.error();
    SiteProfile profile;
    // Stable per site, so the password hash kept for one site is never offered to another.
    profile.id = SiteProfile::siteKey(*site);
    profile.siteUrl = *site;
    profile.displayName = site->host();
    profile.userName = parser.value(m_user);
    profile.acceptedCertificate = parser.value(m_certificate);
    for (const auto& [option, target] :
         {std::pair{&m_stat, &profile.statUrl}, std::pair{&m_player, &profile.playerServer}}) {
        if (!parser.isSet(*option))
            continue;
        const QUrl url(parser.value(*option));
        if (!url.isValid() ||
            (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https")))
            return Error{QStringLiteral("usage"),
                         QStringLiteral("--%1 must be an http(s) URL").arg(option->names().first()),
                         {}};
        *target = url;
    }
    return profile;
}

QString SiteOptions::user(const QCommandLineParser& parser) const {
    return parser.value(m_user);
}

std::optional<QString> SiteOptions::presetPassword() {
    if (const QByteArray fromEnvironment = qgetenv("AVLD_PASSWORD"); !fromEnvironment.isEmpty())
        return QString::fromUtf8(fromEnvironment);
    return systemdCredentialLine(QStringLiteral("site-password"));
}

Result<QString> SiteOptions::readPassword(const QString& user) {
    if (std::optional<QString> preset = presetPassword())
        return *preset;
    if (!::isatty(STDIN_FILENO))
        return Error{QStringLiteral("usage"),
                     QStringLiteral("no password: set AVLD_PASSWORD, give the systemd credential "
                                    "site-password, or run in a terminal"),
                     {}};
    std::fprintf(stderr, "Password for %s: ", safePrintable(user));
    std::fflush(stderr);
    termios saved{};
    tcgetattr(STDIN_FILENO, &saved);
    termios silent = saved;
    silent.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    QTextStream in(stdin);
    const QString password = in.readLine();
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::fputs("\n", stderr);
    return password;
}

} // namespace avld
