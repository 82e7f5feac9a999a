#include "encodertarget.h"

#include <QCoreApplication>
#include <QList>

namespace avld {

QList<EncoderTarget> publicEncoders() {
    QList<EncoderTarget> targets;
    for (int n : {1, 2}) {
        EncoderTarget target;
        target.id = QStringLiteral("public-encoder%1").arg(n);
        target.name = QStringLiteral("Public encoder %1").arg(n);
        target.url = QUrl(QStringLiteral("https://encoder%1.wwbn.net/").arg(n));
        target.origin = EncoderOrigin::Public;
        target.intervalMs = 300'000;
        targets.append(target);
    }
    return targets;
}

EncoderTarget siteEncoderTarget(const QUrl& url) {
    EncoderTarget target;
    target.id = QStringLiteral("site:") + url.toString();
    target.name = url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
    target.url = url;
    target.origin = EncoderOrigin::SiteConfigured;
    return target;
}

void giveSiteAccount(EncoderTarget& siteEncoder, const QUrl& siteUrl, const std::optional<LoginInfo>& login) {
    siteEncoder.siteUrl = siteUrl;
    if (siteEncoder.origin != EncoderOrigin::SiteConfigured || !login || !login->canUpload ||
        login->passwordHash.isEmpty())
        return;
    siteEncoder.statusUser = login->user;
    siteEncoder.statusPassword = login->passwordHash;
    siteEncoder.statusPassIsHash = true;
}

QString encoderOriginText(EncoderOrigin origin) {
    switch (origin) {
    case EncoderOrigin::SiteConfigured:
        return QCoreApplication::translate("avld::EncoderOrigin", "site's encoder");
    case EncoderOrigin::AdminAdded:
        return QCoreApplication::translate("avld::EncoderOrigin", "added");
    case EncoderOrigin::LocalStandIn:
        return QCoreApplication::translate("avld::EncoderOrigin", "local stand-in");
    case EncoderOrigin::Public:
        return QCoreApplication::translate("avld::EncoderOrigin", "public");
    }
    return {};
}

QString encoderOriginName(EncoderOrigin origin) {
    switch (origin) {
    case EncoderOrigin::SiteConfigured:
        return QStringLiteral("site's encoder");
    case EncoderOrigin::AdminAdded:
        return QStringLiteral("added");
    case EncoderOrigin::LocalStandIn:
        return QStringLiteral("local stand-in");
    case EncoderOrigin::Public:
        return QStringLiteral("public");
    }
    return {};
}

} // namespace avld
