#include "siteprofile.h"

#include <QCryptographicHash>
#include <QSettings>
#include <QUuid>

namespace avld {

MediaServer SiteProfile::media() const {
    MediaServer media = found;
    if (playerServer.isValid() && !playerServer.isEmpty()) {
        media.playerServer = playerServer;
        media.playerServerFrom = MediaSource::User;
        media.throughSite = false;
    }
    if (statUrl.isValid() && !statUrl.isEmpty()) {
        media.statUrl = statUrl;
        media.statFrom = MediaSource::User;
    }
    if (media.playerServer.isEmpty())
        media.playerServerFrom = MediaSource::Unknown;
    if (media.statUrl.isEmpty())
        media.statFrom = MediaSource::Unknown;
    return media;
}

Result<QUrl> SiteProfile::normalizedSiteUrl(const QString& text) {
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error{QStringLiteral("bad-url"), QStringLiteral("the site URL is empty"), {}};
    if (!trimmed.contains(QStringLiteral("://")))
        trimmed.prepend(QStringLiteral("https://"));
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return Error{QStringLiteral("bad-url"), QStringLiteral("\"%1\" is not a web address").arg(text), {}};
    if (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https"))
        return Error{QStringLiteral("bad-url"),
                     QStringLiteral("the site URL must start with https:// or http://"),
                     {}};
    url.setQuery(QString());
    url.setFragment(QString());
    QString path = url.path();
    if (path.endsWith(QStringLiteral(".php")))
        path = path.left(path.lastIndexOf(QLatin1Char('/')) + 1);
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path);
    return url;
}

QString SiteProfile::siteKey(const QUrl& siteUrl) {
    const Result<QUrl> root = normalizedSiteUrl(siteUrl.toString());
    const QByteArray encoded = (root ? *root : siteUrl).toEncoded();
    return QStringLiteral("site-") +
           QString::fromLatin1(
               QCryptographicHash::hash(encoded, QCryptographicHash::Sha256).toHex().left(16));
}

SiteProfileStore::SiteProfileStore(QSettings& settings)
    : m_settings(settings) {}

QList<SiteProfile> SiteProfileStore::load() const {
    QList<SiteProfile> profiles;
    m_settings.beginGroup(QStringLiteral("sites"));
    for (const QString& id : m_settings.childGroups()) {
        m_settings.beginGroup(id);
        SiteProfile p;
        p.id = id;
        p.displayName = m_settings.value(QStringLiteral("displayName")).toString();
        p.siteUrl = m_settings.value(QStringLiteral("siteUrl")).toUrl();
        p.userName = m_settings.value(QStringLiteral("userName")).toString();
        p.acceptedCertificate = m_settings.value(QStringLiteral("acceptedCertificate")).toString();
        p.playerServer = m_settings.value(QStringLiteral("playerServer")).toUrl();
        p.statUrl = m_settings.value(QStringLiteral("statUrl")).toUrl();
        p.found.playerServer = m_settings.value(QStringLiteral("foundPlayerServer")).toUrl();
        p.found.playerServerFrom =
            mediaSourceFromName(m_settings.value(QStringLiteral("foundPlayerServerFrom")).toString());
        p.found.throughSite = m_settings.value(QStringLiteral("foundThroughSite")).toBool();
        p.found.statUrl = m_settings.value(QStringLiteral("foundStatUrl")).toUrl();
        p.found.statFrom = mediaSourceFromName(m_settings.value(QStringLiteral("foundStatFrom")).toString());
        m_settings.endGroup();
        if (p.siteUrl.isValid())
            profiles.append(p);
    }
    m_settings.endGroup();
    return profiles;
}

QString SiteProfileStore::save(const SiteProfile& profile) {
    const QString id = profile.id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : profile.id;
    m_settings.beginGroup(QStringLiteral("sites/") + id);
    m_settings.setValue(QStringLiteral("displayName"), profile.displayName);
    m_settings.setValue(QStringLiteral("siteUrl"), profile.siteUrl);
    m_settings.setValue(QStringLiteral("userName"), profile.userName);
    m_settings.setValue(QStringLiteral("acceptedCertificate"), profile.acceptedCertificate);
    m_settings.setValue(QStringLiteral("playerServer"), profile.playerServer);
    m_settings.setValue(QStringLiteral("statUrl"), profile.statUrl);
    m_settings.setValue(QStringLiteral("foundPlayerServer"), profile.found.playerServer);
    m_settings.setValue(QStringLiteral("foundPlayerServerFrom"),
                        mediaSourceName(profile.found.playerServerFrom));
    m_settings.setValue(QStringLiteral("foundThroughSite"), profile.found.throughSite);
    m_settings.setValue(QStringLiteral("foundStatUrl"), profile.found.statUrl);
    m_settings.setValue(QStringLiteral("foundStatFrom"), mediaSourceName(profile.found.statFrom));
    m_settings.endGroup();
    return id;
}

void SiteProfileStore::remove(const QString& id) {
    m_settings.remove(QStringLiteral("sites/") + id);
}

} // namespace avld
