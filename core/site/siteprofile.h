#pragma once

#include "mediaserver.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QUrl>

class QSettings;

namespace avld {

// A site the admin works with. Only non-secret facts live here (and in QSettings); the password hash and
// the APISecret go to the SecretStore under secretKey().
struct SiteProfile {
    QString id; // stable, generated
    QString displayName;
    QUrl siteUrl; // AVideo's webSiteRootURL, with a trailing slash
    QString userName;
    QString
        acceptedCertificate; // SHA-256 of a certificate the admin accepted for this site, hex; empty = none
    QUrl playerServer;       // HLS base the user gave (--player-server, or corrected): wins over the site
    QUrl statUrl;            // nginx-rtmp stat page the user gave (--stat, or corrected)
    MediaServer found;       // what the site's watch pages or its Live plugin options said, and which

    // The user's values, else what the site said, else nothing (never a guess).
    MediaServer media() const;
    QUrl effectivePlayerServer() const { return media().playerServer; }
    QUrl effectiveStatUrl() const { return media().statUrl; }
    QString secretKey(const QString& what) const { return QStringLiteral("site/%1/%2").arg(id, what); }

    // Accepts what a person types ("site.example", "https://site.example/index.php?x") and returns the root
    // URL AVideo expects, or a reason it cannot be one.
    static Result<QUrl> normalizedSiteUrl(const QString& text);
    // The same for every profile of one site, in the window and on the command line alike ("site-" and 16
    // hex digits of the root URL's SHA-256): what is kept per site rather than per profile is named by it.
    static QString siteKey(const QUrl& siteUrl);
    QString siteKey() const { return siteKey(siteUrl); }
};

// Keeps profiles in QSettings (group "sites").
class SiteProfileStore {
public:
    explicit SiteProfileStore(QSettings& settings);

    QList<SiteProfile> load() const;
    // Returns the id, generated when the profile has none yet.
    QString save(const SiteProfile& profile);
    void remove(const QString& id);

private:
    QSettings& m_settings;
};

} // namespace avld
