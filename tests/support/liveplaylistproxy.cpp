#include "liveplaylistproxy.h"

#include "liveurls.h"
#include "phpjson.h"
#include "simrequest.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

namespace avld::test {

LivePlaylistProxy::LivePlaylistProxy(QNetworkAccessManager& network, QObject* parent)
    : QObject(parent)
    , m_network(network) {}

void LivePlaylistProxy::handle(const SimRequest& request, const QUrl& playerServer, int timeoutMs,
                               Done done) {
    const QByteArray type = "audio/x-mpegurl";
    const QString uuid = request.get(QStringLiteral("uuid"));
    if (uuid.isEmpty()) {
        done(PhpJson::raw("uuid empty", type));
        return;
    }
    const std::optional<QString> key = LiveUrls::decryptKey(uuid);
    if (!key) {
        done(PhpJson::raw("uuid decrypt error", type));
        return;
    }
    // Not adaptive: {playerServer}/{key}/index.m3u8.
    const QUrl playlist = LiveUrls::playerPlaylist(playerServer, *key);
    QNetworkReply* fetch = m_network.get(QNetworkRequest(playlist));
    QPointer<QNetworkReply> guard(fetch);
    QTimer::singleShot(timeoutMs, fetch, [guard] {
        if (guard && guard->isRunning())
            guard->abort();
    });
    connect(fetch, &QNetworkReply::finished, this, [fetch, playlist, type, done] {
        fetch->deleteLater();
        const QByteArray body = fetch->error() == QNetworkReply::NoError ? fetch->readAll() : QByteArray();
        if (!body.startsWith("#EXTM3U")) {
            done(PhpJson::raw(QByteArray(), type, 404));
            return;
        }
        const QByteArray base = playlist.resolved(QUrl(QStringLiteral("."))).toEncoded();
        QByteArrayList lines = body.split('\n');
        for (QByteArray& line : lines) {
            const QByteArray trimmed = line.trimmed();
            const bool media =
                trimmed.contains(".m3u8") || trimmed.contains(".ts") || trimmed.contains(".key");
            if (!trimmed.isEmpty() && !trimmed.startsWith('#') && media && !trimmed.startsWith("http"))
                line = base + trimmed;
        }
        done(PhpJson::raw(lines.join('\n'), type));
    });
}

} // namespace avld::test
