#pragma once

#include "result.h"
#include "site/siteprofile.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

namespace avld {

// Options shared by the commands that talk to a site: --site, --user, --stat, --player-server,
// --accept-certificate. The password never comes from the command line (it would show in `ps`):
// it is read from $AVLD_PASSWORD or the systemd credential site-password, or asked for on the terminal
// without echo.
class SiteOptions {
public:
    void addTo(QCommandLineParser& parser) const;
    // The profile the options describe, or why they do not describe one.
    Result<SiteProfile> profile(const QCommandLineParser& parser) const;
    QString user(const QCommandLineParser& parser) const;

    static Result<QString> readPassword(const QString& user);
    // The password given without a prompt: $AVLD_PASSWORD, else the systemd credential `site-password`
    // (LoadCredential=site-password:FILE, for the services).
    static std::optional<QString> presetPassword();

private:
    QCommandLineOption m_site{QStringLiteral("site"), QStringLiteral("The AVideo site's root URL."),
                              QStringLiteral("url")};
    QCommandLineOption m_user{
        QStringLiteral("user"),
        QStringLiteral("Log in as this user (password from $AVLD_PASSWORD, the systemd credential "
                       "site-password, or a prompt)."),
        QStringLiteral("name")};
    QCommandLineOption m_stat{
        QStringLiteral("stat"),
        QStringLiteral("nginx-rtmp stat page (default: the Live plugin's `stats`, read as an admin; never "
                       "guessed)."),
        QStringLiteral("url")};
    QCommandLineOption m_player{
        QStringLiteral("player-server"),
        QStringLiteral("HLS base URL, {it}/{key}/index.m3u8 (default: what each live's watch page plays, "
                       "else the Live plugin's `playerServer`, read as an admin; never guessed)."),
        QStringLiteral("url")};
    QCommandLineOption m_certificate{
        QStringLiteral("accept-certificate"),
        QStringLiteral("Trust the site's certificate with this SHA-256 fingerprint."),
        QStringLiteral("sha256")};
};

} // namespace avld
