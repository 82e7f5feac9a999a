#pragma once

#include "site/logininfo.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>

namespace avld {

// Where an encoder to watch came from; it decides how it is shown and whether it may be removed.
enum class EncoderOrigin {
    SiteConfigured, // configurations.encoderURL of the site (§2.1)
    AdminAdded,
    LocalStandIn, // our own stand-in generator
    Public,       // a known public encoder (optional entries)
};

// An encoder the monitor watches.
struct EncoderTarget {
    QString id{}; // stable: the history is keyed by it
    QString name{};
    QUrl url{}; // the encoder's root, as AVideo's encoderURL (trailing slash)
    EncoderOrigin origin = EncoderOrigin::AdminAdded;
    int intervalMs = 60'000;
    int retryIntervalMs = 15'000; // while a state change is being confirmed
    // Credentials for status / serverStatus (§2.5): a streamer of `siteUrl` with upload rights. The password
    // (or the hash login returned, with passIsHash) is filled from the secret store at run time, never
    // stored with the target.
    QString statusUser{};
    QString statusPassword{};
    bool statusPassIsHash = false;
    QUrl siteUrl{};
    bool verifyTls = true;
    // PEM certificates of the authorities to trust instead of the system's (TimedRequest::caCertificates).
    QByteArray caCertificates{};

    // "encoder1.wwbn.net" or "127.0.0.1:8090" for messages.
    QString hostLabel() const {
        return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
    }
    // What alerts and logs call it, telling apart two encoders on one host: "127.0.0.1:8090", or the name
    // given with its host and port, "Backup (10.0.0.5:8080)".
    QString displayName() const {
        const QString host = hostLabel();
        if (name.isEmpty() || name == url.host() || name == host)
            return host;
        return name.contains(host) ? name : QStringLiteral("%1 (%2)").arg(name, host);
    }
};

// The encoders AVideo's installer and the encoder network point at (§2.1). Offline since their hosting
// provider dropped them, which is why so many sites show cards; listed so their state can be seen.
QList<EncoderTarget> publicEncoders();
// The site's configured encoder, under the id the history keeps it by ("site:" and its URL) wherever it is
// watched from: the window, `encoders --site` and `diagnose` share one history per site.
EncoderTarget siteEncoderTarget(const QUrl& url);
// Lets the site's encoder read its own status page (§2.5) with the signed-in account, as the site itself
// does: only when the account may upload. Never for a backup or public encoder: the account is the site's.
void giveSiteAccount(EncoderTarget& siteEncoder, const QUrl& siteUrl, const std::optional<LoginInfo>& login);
QString encoderOriginName(EncoderOrigin origin);
// The same words in the language the application loaded, for people; encoderOriginName() stays English for
// the JSON and the command line.
QString encoderOriginText(EncoderOrigin origin);

} // namespace avld
