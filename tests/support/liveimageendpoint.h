#pragma once

#include "clock.h"
#include "simulatedlive.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace avld::test {

class NginxStatReader;
class SimRequest;
class SiteAccounts;
class SiteCardImages;
class SitePosters;

// plugin/Live/getImage.php of the simulated site, step by step as avideo-protocol.md §1.2 describes it,
// with its two caches (the videos/cache disk files and the ObjectYPT entry, §4.1) on the injected clock and
// the call to the encoder made asynchronously.
class LiveImageEndpoint : public QObject {
    Q_OBJECT
public:
    struct Context {
        QList<SimulatedLive> lives{};
        const SiteAccounts* accounts = nullptr;
        QUrl siteUrl{};
        QUrl playerServer{};
        QString encoderUrl{}; // configurations.encoderURL as stored; _getEncoderURL() adds the slash
        bool protectLive = false;
        bool disableLiveThumbs = false;
        const SitePosters* posters = nullptr; // the streamers' _thumbs_ posters; null: none uploaded
        // AVideo 11.x's getImage.php (the real 11.7, measured) instead of the 2026 code: it reads the encoder
        // with file_get_contents until the server closes (PhpStreamFetch), and when the encoder gives nothing
        // it serves OnAir.jpg as it is and caches it like a frame (5 minutes, 15 for gif/webp).
        bool avideo11 = false;
    };
    struct Answer {
        QByteArray body{};
        QByteArray contentType{};
        // What produced it, for tests and logs: "disk-cache", "object-cache", "offline", "poster",
        // "disabled-thumbs", "fallback-onair" (encoder gave nothing), "fallback-poster" (the same with the
        // streamer's poster, cached like a frame), "placeholder-passthrough" (§1.3 size
        // window, not cached), "encoder" (cached).
        QString source{};
    };
    using Done = std::function<void(const Answer&)>;

    LiveImageEndpoint(QNetworkAccessManager& network, NginxStatReader& stats, const SiteCardImages& cards,
                      const Clock& clock, QObject* parent = nullptr);
    void setClock(const Clock& clock) { m_clock = &clock; }
    // url_get_contents($url, '', 2): the 2 s of §1.2 step 8.
    void setEncoderTimeoutMs(int ms) { m_encoderTimeoutMs = ms; }

    void handle(const SimRequest& request, const Context& context, Done done);

    // clearCache() + ObjectYPT::deleteALLCache() (§4.2): videos/cache/ and the YPTObjectCache entries.
    void clearCaches();
    // Keys of the entries still fresh on the clock.
    QStringList objectCacheKeys() const;
    QStringList diskCacheKeys() const;
    // HTTP requests sent to the encoder (one getImage can send two, see the .cpp) and their URLs.
    int encoderCallCount() const { return m_encoderCalls; }
    QList<QUrl> encoderRequests() const { return m_encoderRequests; }

    // §1.3 Live::isDefaultImage() by byte length: the encoder's OnAir.jpg (70 805-70 810) and notfound.gif
    // (2 095 335-2 095 350) windows.
    static bool isDefaultImage(qint64 size);
    // §1.2 step 1: "jpg", "gif", "webp"; anything else (or nothing) is "png".
    static QString normalizedFormat(const QString& format);
    static QByteArray contentType(const QString& format);

private:
    struct Entry {
        QByteArray bytes{};
        qint64 storedAtMs = 0;
        int lifetimeSeconds = 300;
    };
    bool fresh(const Entry& entry) const;
    void fetchFromEncoder(const QUrl& url, bool avideo11, std::function<void(const QByteArray&)> done);
    void fetchAttempt(const QUrl& url, bool idleTimeout,
                      std::function<void(bool ok, const QByteArray&)> done);

    QNetworkAccessManager& m_network;
    NginxStatReader& m_stats;
    const SiteCardImages& m_cards;
    const Clock* m_clock;
    int m_encoderTimeoutMs = 2000;
    QHash<QString, Entry> m_disk;   // videos/cache/liveImage_{md5}.{format}
    QHash<QString, Entry> m_object; // ObjectYPT getLiveImage_{key}_{format}
    int m_encoderCalls = 0;
    QList<QUrl> m_encoderRequests;
};

} // namespace avld::test
