#include "liveimageendpoint.h"

#include "phpstreamfetch.h"

#include "liveurls.h"
#include "nginxstatreader.h"
#include "simrequest.h"
#include "siteaccounts.h"
#include "sitecardimages.h"
#include "siteposters.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace avld::test {

namespace {

// getSelfUserAgent() of a 2026 AVideo: "AVideoStreamer_" + md5(salt + current minute).
QByteArray selfUserAgent(const Clock& clock) {
    const QByteArray minute = clock.now().toString(QStringLiteral("mm")).toLatin1();
    return "AVideoStreamer_" +
           QCryptographicHash::hash("avld-sim-salt" + minute, QCryptographicHash::Md5).toHex();
}

const SimulatedLive* transmissionOfUser(const QList<SimulatedLive>& lives, const QString& user) {
    for (const SimulatedLive& live : lives) {
        if (live.user == user)
            return &live;
    }
    return nullptr;
}

// §1.2 step 5: the user's _thumbs_ poster when uploaded; empty when $filename is OnAir.jpg.
QByteArray thumbsPoster(const LiveImageEndpoint::Context& context, const SimulatedLive& live) {
    const SimulatedUser* owner = context.accounts ? context.accounts->byName(live.user) : nullptr;
    if (!context.posters || !owner)
        return {};
    return context.posters->poster(owner->id, live.liveServersId);
}

} // namespace

LiveImageEndpoint::LiveImageEndpoint(QNetworkAccessManager& network, NginxStatReader& stats,
                                     const SiteCardImages& cards, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_stats(stats)
    , m_cards(cards)
    , m_clock(&clock) {}

bool LiveImageEndpoint::isDefaultImage(qint64 size) {
    return (size >= 70'805 && size <= 70'810) || (size >= 2'095'335 && size <= 2'095'350);
}

QString LiveImageEndpoint::normalizedFormat(const QString& format) {
    if (format == QStringLiteral("jpg") || format == QStringLiteral("gif") ||
        format == QStringLiteral("webp"))
        return format;
    return QStringLiteral("png");
}

QByteArray LiveImageEndpoint::contentType(const QString& format) {
    // The headers getImage.php sets in step 1 (image/jpg and image/x-png are what it writes).
    if (format == QStringLiteral("jpg"))
        return "image/jpg";
    if (format == QStringLiteral("gif"))
        return "image/gif";
    if (format == QStringLiteral("webp"))
        return "image/webp";
    return "image/x-png";
}

bool LiveImageEndpoint::fresh(const Entry& entry) const {
    return m_clock->monotonicMs() - entry.storedAtMs < qint64(entry.lifetimeSeconds) * 1000;
}

void LiveImageEndpoint::clearCaches() {
    m_disk.clear();
    m_object.clear();
}

QStringList LiveImageEndpoint::objectCacheKeys() const {
    QStringList keys;
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (fresh(it.value()))
            keys << it.key();
    }
    keys.sort();
    return keys;
}

QStringList LiveImageEndpoint::diskCacheKeys() const {
    QStringList keys;
    for (auto it = m_disk.begin(); it != m_disk.end(); ++it) {
        if (fresh(it.value()))
            keys << it.key();
    }
    keys.sort();
    return keys;
}

void LiveImageEndpoint::handle(const SimRequest& request, const Context& context, Done done) {
    // §1.2 step 1: format (empty or unknown -> png), lifetime 300 s, x3 for gif and webp.
    const QString format = normalizedFormat(request.get(QStringLiteral("format")));
    const QByteArray type = contentType(format);
    const int lifetime = (format == QStringLiteral("gif") || format == QStringLiteral("webp")) ? 900 : 300;

    // §1.1: c=<channelName> is mapped to u (channel names are user names here).
    QString user = request.get(QStringLiteral("u"));
    if (!request.get(QStringLiteral("c")).isEmpty())
        user = request.get(QStringLiteral("c"));
    const QString liveServersId = request.get(QStringLiteral("live_servers_id"));
    const QString liveIndex = request.get(QStringLiteral("live_index"));
    const QString playlistsIdLive = request.get(QStringLiteral("playlists_id_live"));
    const bool debug = !request.get(QStringLiteral("debug")).isEmpty();

    // §1.2 step 2: the disk cache comes first, before the database and the configuration are loaded.
    const QString diskKey =
        QStringLiteral("liveImage_%1.%2")
            .arg(QString::fromLatin1(
                     QCryptographicHash::hash(QStringLiteral("%1_%2_%3_%4")
                                                  .arg(user, liveServersId, liveIndex, playlistsIdLive)
                                                  .toUtf8(),
                                              QCryptographicHash::Md5)
                         .toHex()),
                 format);
    if (const auto it = m_disk.constFind(diskKey); it != m_disk.constEnd()) {
        if (!debug && fresh(*it)) {
            done({it->bytes, type, QStringLiteral("disk-cache")});
            return;
        }
        m_disk.remove(diskKey); // "Otherwise both files are deleted."
    }

    // §1.2 step 3 (scheduled lives) is not modelled: the simulator has no live_schedule table.

    // §1.2 step 4: no transmission -> Live::getOfflineImage() (Offline.jpg, served as it is).
    const SimulatedLive* found = transmissionOfUser(context.lives, user);
    if (!found) {
        done({m_cards.offline(), type, QStringLiteral("offline")});
        return;
    }
    const SimulatedLive live = *found;

    m_stats.snapshot(
        [this, live, context, format, type, lifetime, liveIndex, diskKey, done](const NginxSnapshot& stat) {
            // §1.2 step 4: Live::isLive(users_id) needs an unfinished history row; the simulator has one
            // while the key is publishing (on_publish created it) or while the row is flagged as left
            // unfinished.
            const NginxStream* stream = stat.find(live.key);
            const bool isLive = (stream && stream->publishing) || live.listedWhileNotPublishing;
            if (!isLive) {
                // Live::getPoster(): the user's _bg_ poster, or Offline.jpg (no posters are uploaded here).
                done({m_cards.offline(), type, QStringLiteral("poster")});
                return;
            }
            // §1.2 step 5: $filename is the user's _thumbs_ poster, else plugin/Live/view/OnAir.jpg.
            const QByteArray poster = thumbsPoster(context, live);
            // §1.2 step 6: disableLiveThumbs -> $filename (OnAir.jpg scaled to 1200x630), no encoder call.
            if (context.disableLiveThumbs) {
                const QByteArray file = poster.isEmpty() ? m_cards.onAirScaled() : poster;
                done({file, type, QStringLiteral("disabled-thumbs")});
                return;
            }
            // §1.2 step 7: ObjectYPT cache getLiveImage_{key[-live_index]}_{format}, written to the disk
            // cache on a hit.
            QString uuid = live.key;
            if (!liveIndex.isEmpty() && liveIndex != QStringLiteral("false"))
                uuid += QLatin1Char('-') + liveIndex;
            const QString objectKey = QStringLiteral("getLiveImage_%1_%2").arg(uuid, format);
            if (const auto it = m_object.constFind(objectKey);
                it != m_object.constEnd() && fresh(*it) && !isDefaultImage(it->bytes.size())) {
                m_disk.insert(diskKey, {it->bytes, m_clock->monotonicMs(), lifetime});
                done({it->bytes, type, QStringLiteral("object-cache")});
                return;
            }

            // §1.2 step 8: {encoderURL}objects/getImage.php?base64Url=<base64(m3u8)>&format=<fmt>, with
            // encoderURL = _getEncoderURL() (raw configurations.encoderURL, trailing slash enforced).
            // PHP concatenates base64_encode() into the query without URL-encoding it, so '+', '/' and '=' go
            // raw.
            QString encoderUrl = context.encoderUrl;
            if (!encoderUrl.endsWith(QLatin1Char('/')))
                encoderUrl += QLatin1Char('/');
            const QUrl m3u8 = LiveUrls::m3u8(context.siteUrl, context.playerServer, uuid, live.liveServersId,
                                             context.protectLive);
            const QByteArray call = encoderUrl.toUtf8() +
                                    "objects/getImage.php?base64Url=" + m3u8.toEncoded().toBase64() +
                                    "&format=" + format.toLatin1();
            fetchFromEncoder(QUrl::fromEncoded(call, QUrl::TolerantMode), context.avideo11,
                             [this, type, lifetime, objectKey, diskKey, poster, avideo11 = context.avideo11,
                              done](const QByteArray& content) {
                                 // §1.2 step 9. 11.7 serves the poster file as it is, for every format,
                                 // and copies it into videos/cache/ like a frame.
                                 if (content.isEmpty() && !poster.isEmpty()) {
                                     m_disk.insert(diskKey, {poster, m_clock->monotonicMs(), lifetime});
                                     done({poster, type, QStringLiteral("fallback-poster")});
                                     return;
                                 }
                                 if (content.isEmpty() && avideo11) {
                                     // 11.x: Live::isDefaultImage() never recognises its own card, so it
                                     // is copied into videos/cache/ and served for 5 (15) minutes.
                                     m_disk.insert(diskKey, {m_cards.onAir(), m_clock->monotonicMs(), lifetime});
                                     done({m_cards.onAir(), type, QStringLiteral("fallback-onair")});
                                     return;
                                 }
                                 if (content.isEmpty()) {
                                     done({m_cards.onAirScaled(), type, QStringLiteral("fallback-onair")});
                                     return;
                                 }
                                 if (isDefaultImage(content.size())) {
                                     done({content, type, QStringLiteral("placeholder-passthrough")});
                                     return;
                                 }
                                 const qint64 now = m_clock->monotonicMs();
                                 m_object.insert(objectKey, {content, now, lifetime});
                                 m_disk.insert(diskKey, {content, now, lifetime});
                                 done({content, type, QStringLiteral("encoder")});
                             });
        });
}

// url_get_contents($url, '', 2) as the 2026 code runs it: first file_get_contents() with
// default_socket_timeout = 2 (an idle timeout; it fails on a refused connection, a silence of 2 s, or an
// HTTP status >= 400), and when that returned false, curl with CURLOPT_TIMEOUT = 2 (a total deadline),
// which returns whatever body came, whatever the status. So a silent encoder costs about 4 s and sees two
// requests, and an encoder's HTML error page comes back as "content" (and gets cached as if it were a frame).
void LiveImageEndpoint::fetchFromEncoder(const QUrl& url, bool avideo11,
                                         std::function<void(const QByteArray&)> done) {
    if (avideo11) { // allow_url_fopen is on: file_get_contents() only, read until the server closes
        ++m_encoderCalls;
        m_encoderRequests.append(url);
        if (m_encoderRequests.size() > 100)
            m_encoderRequests.removeFirst();
        PhpStreamFetch::get(url, m_encoderTimeoutMs, std::move(done), this);
        return;
    }
    fetchAttempt(url, true, [this, url, done](bool ok, const QByteArray& body) {
        if (ok) {
            done(body);
            return;
        }
        fetchAttempt(url, false, [done](bool, const QByteArray& curlBody) { done(curlBody); });
    });
}

void LiveImageEndpoint::fetchAttempt(const QUrl& url, bool idleTimeout,
                                     std::function<void(bool ok, const QByteArray&)> done) {
    ++m_encoderCalls;
    m_encoderRequests.append(url);
    if (m_encoderRequests.size() > 100)
        m_encoderRequests.removeFirst();
    QNetworkRequest request(url);
    request.setRawHeader("User-Agent", selfUserAgent(*m_clock));
    if (idleTimeout)
        request.setTransferTimeout(m_encoderTimeoutMs);
    QNetworkReply* reply = m_network.get(request);
    if (!idleTimeout) {
        QPointer<QNetworkReply> guard(reply);
        QTimer::singleShot(m_encoderTimeoutMs, Qt::PreciseTimer, reply, [guard] {
            if (guard && guard->isRunning())
                guard->abort();
        });
    }
    connect(reply, &QNetworkReply::finished, this, [reply, idleTimeout, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray(); // closed once aborted
        if (idleTimeout) {
            const bool ok = reply->error() == QNetworkReply::NoError && status > 0 && status < 400;
            done(ok, ok ? body : QByteArray());
        } else {
            // curl_exec() returns the body of any HTTP answer; false (-> "") when none came in time.
            const bool answered = status > 0 && reply->error() != QNetworkReply::OperationCanceledError;
            done(answered, answered ? body : QByteArray());
        }
    });
}

} // namespace avld::test
