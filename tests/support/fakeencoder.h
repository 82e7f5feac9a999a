#pragma once

#include "clock.h"
#include "deferredresponder.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <memory>
#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QNetworkAccessManager;
class QTcpServer;

namespace avld {
class FrameGrabber;
}

namespace avld::test {

class EncoderPlaceholders;
class SimRequest;

// An AVideo-Encoder as the site sees it (avideo-protocol.md §1.5, §2.5), on loopback: it answers
// objects/getImage.php?base64Url=…&format=… (and the legacy getImage/<b64>/<fmt>),
// view/img/creatingImages.jpg, and status / serverStatus (403 without credentials). Frames are real: grabbed
// from the stream with avld::FrameGrabber and rendered like the encoder's ffmpeg jobs. Like Apache, it closes
// the connection after the answer when the client sends "Connection: close" (PHP's file_get_contents does),
// and keeps it open otherwise.
class FakeEncoder : public QObject {
    Q_OBJECT
public:
    enum class Mode {
        Working,         // the real encoder: stale-while-revalidate, the first answer is the placeholder
        PlaceholderOnly, // always the placeholder (70 808-byte OnAir.jpg; notfound.gif for gif/webp)
        Slow,            // a real frame, but 3 s after the request (AVideo gives up after 2 s)
        BlackHole,       // accepts the connection and never answers
        Down,            // not listening: connection refused
        KeepOpen,        // Working, but never closes a connection, even when asked (the old `serve`)
        LoginPage,       // not an encoder: every path redirects to /login, an HTML login page
        BadStatus,       // Working, but status / serverStatus print a PHP warning and broken JSON
        RedirectLoop,    // not an encoder: every path redirects to itself
        PhpError,        // getImage for a stream answers 200 with a PHP fatal error page, not an image
    };

    struct Options {
        Mode mode = Mode::Working;
        QString referenceImagesDir{};       // the shared reference-images folder; empty: drawn placeholders
        const avld::Clock* clock = nullptr; // cache life of the outputs; null: the system clock
        int slowDelayMs = 3000;
        int grabTimeoutMs = 8000;
        // Credentials `status` accepts (user + pass [clear or the site's hash] + siteURL), §2.5.
        QString statusUser = QStringLiteral("admin");
        QString statusPass = QStringLiteral("admin123");
    };

    FakeEncoder();
    explicit FakeEncoder(Options options, QObject* parent = nullptr);
    ~FakeEncoder() override;

    // Takes a port (0: any free one) and keeps it for the encoder's life, also across Down.
    bool listen(quint16 port = 0);
    quint16 port() const { return m_port; }
    QUrl url() const; // "http://127.0.0.1:PORT/"

    void setMode(Mode mode);
    Mode mode() const { return m_options.mode; }
    static QString modeName(Mode mode);
    static std::optional<Mode> modeFromName(const QString& name);
    void setClock(const avld::Clock& clock) { m_options.clock = &clock; }

    // getImage requests received (both routes), and requests per path ("objects/getImage.php", "status"...).
    int requestCount() const { return m_imageRequests; }
    int requestCount(const QString& path) const { return m_requestCounts.value(path); }
    int grabsStarted() const { return m_grabsStarted; }
    int grabsFailed() const { return m_grabsFailed; }
    int grabsInFlight() const { return int(m_inFlight.size()); }
    // Stream URLs decoded from base64Url, in order of arrival (the last 100).
    QList<QUrl> requestedStreams() const { return m_requestedStreams; }
    // Stream URLs of the getImage requests that carried renew (§1.5), in order of arrival (the last 100).
    QList<QUrl> renewedStreams() const { return m_renewedStreams; }
    // Whether a grabbed output exists for the stream and format (fresh or stale).
    bool hasOutput(const QUrl& stream, const QString& format) const;
    void clearOutputs() { m_outputs.clear(); }
    const EncoderPlaceholders& placeholders() const { return *m_placeholders; }

    // Decodes base64Url as the encoder must: '+' may arrive as a space (AVideo does not URL-encode it),
    // padding may be missing.
    static QUrl decodeStreamUrl(const QString& base64Url);

private:
    struct Output {
        QByteArray bytes{};
        qint64 storedAtMs = 0;
    };
    void dispatch(const QHttpServerRequest& request, QHttpServerResponder&& responder);
    void serveImage(const QString& base64Url, QString format, const SimRequest& request, const Reply& reply);
    void serveStatus(const SimRequest& request, const Reply& reply, bool serverStatus);
    void serveNotAnEncoder(const QUrl& requestUrl, const QString& path, const Reply& reply);
    QByteArray placeholderFor(const QString& format) const;
    bool outputFresh(const QString& key, const QString& format) const;
    void startGrab(const QUrl& stream, const QString& format, const QString& key);
    void dropConnections();
    const avld::Clock& clock() const;

    Options m_options;
    std::unique_ptr<EncoderPlaceholders> m_placeholders;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<avld::FrameGrabber> m_grabber;
    std::unique_ptr<QHttpServer> m_server;
    QTcpServer* m_tcp = nullptr; // owned by m_server
    quint16 m_port = 0;
    QHash<QString, Output> m_outputs; // "{md5(url)}.{format}" as the encoder's temp files
    QSet<QString> m_inFlight;
    QHash<QString, int> m_requestCounts;
    int m_imageRequests = 0;
    int m_grabsStarted = 0;
    int m_grabsFailed = 0;
    QList<QUrl> m_requestedStreams;
    QList<QUrl> m_renewedStreams;
    QList<Reply> m_held; // BlackHole
    bool m_destroying = false;
};

} // namespace avld::test
