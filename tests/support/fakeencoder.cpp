#include "fakeencoder.h"

#include "encoderplaceholders.h"
#include "media/animatedencoder.h"
#include "media/framegrabber.h"
#include "media/imageencoder.h"
#include "media/thumbnailrenderer.h"
#include "phpjson.h"
#include "simrequest.h"
#include "siteaccounts.h"

#include <QCryptographicHash>
#include <QFutureWatcher>
#include <QHttpServer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtConcurrent>

namespace avld::test {

namespace {

struct Encoded {
    QByteArray bytes;
    QString error;
};

bool animated(const QString& format) {
    return format == QStringLiteral("gif") || format == QStringLiteral("webp");
}

QByteArray imageType(const QString& format) {
    if (format == QStringLiteral("png"))
        return "image/png";
    if (format == QStringLiteral("gif"))
        return "image/gif";
    if (format == QStringLiteral("webp"))
        return "image/webp";
    return "image/jpeg";
}

// The encoder's ffmpeg jobs (§1.5), done in process: jpg/png one frame fitted and padded into 640x360;
// gif 3 s at 10 fps in 320x180; webp 3 s (after skipping 3 s) at 10 fps in 640x360, looping. The real encoder
// writes lossless WebP; AnimatedEncoder's lossy default is used here (same picture, much cheaper).
Encoded encode(const avld::GrabResult& grab, const QString& format) {
    if (animated(format)) {
        const QSize box = format == QStringLiteral("gif") ? avld::AnimatedEncoder::GifSize
                                                          : avld::AnimatedEncoder::WebpSize;
        avld::ThumbnailRenderer renderer(box);
        QList<avld::Bitmap> frames;
        for (const avld::GrabbedFrame& frame : grab.frames) {
            Result<avld::Bitmap> rendered = renderer.render(frame);
            if (!rendered)
                return {{}, rendered.error().toString()};
            frames.append(*rendered);
        }
        const avld::AnimatedEncoder encoder;
        const Result<QByteArray> out = format == QStringLiteral("gif") ? encoder.encodeGif(frames, grab.fps)
                                                                       : encoder.encodeWebp(frames, grab.fps);
        return out ? Encoded{*out, {}} : Encoded{{}, out.error().toString()};
    }
    avld::ThumbnailRenderer renderer(avld::ThumbnailRenderer::DefaultBox);
    Result<avld::Bitmap> rendered = renderer.render(grab.frame());
    if (!rendered)
        return {{}, rendered.error().toString()};
    const avld::ImageEncoder encoder;
    const Result<QByteArray> out =
        format == QStringLiteral("png") ? encoder.encodePng(*rendered) : encoder.encodeJpeg(*rendered);
    return out ? Encoded{*out, {}} : Encoded{{}, out.error().toString()};
}

} // namespace

FakeEncoder::FakeEncoder()
    : FakeEncoder(Options{}) {}

FakeEncoder::FakeEncoder(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_placeholders(std::make_unique<EncoderPlaceholders>(m_options.referenceImagesDir))
    , m_network(std::make_unique<QNetworkAccessManager>())
    , m_grabber(std::make_unique<avld::FrameGrabber>(*m_network, avld::Clock::system()))
    , m_server(std::make_unique<QHttpServer>()) {
    // One catch-all handler that may answer later (see DeferredResponder and SiteSimulator).
    m_server->setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        dispatch(request, std::move(responder));
    });
}

FakeEncoder::~FakeEncoder() {
    m_destroying = true;
    m_held.clear();
    m_server.reset();
    m_grabber.reset();
    m_network.reset();
}

const avld::Clock& FakeEncoder::clock() const {
    return m_options.clock ? *m_options.clock : avld::Clock::system();
}

bool FakeEncoder::listen(quint16 port) {
    auto* tcp = new QTcpServer(m_server.get());
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        delete tcp;
        return false;
    }
    m_port = tcp->serverPort();
    m_server->bind(tcp);
    m_tcp = tcp;
    if (m_options.mode == Mode::Down)
        m_tcp->close(); // the port stays ours in name only: connections are refused
    return true;
}

QUrl FakeEncoder::url() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_port));
}

QString FakeEncoder::modeName(Mode mode) {
    switch (mode) {
    case Mode::Working:
        return QStringLiteral("working");
    case Mode::PlaceholderOnly:
        return QStringLiteral("placeholder");
    case Mode::Slow:
        return QStringLiteral("slow");
    case Mode::BlackHole:
        return QStringLiteral("blackhole");
    case Mode::Down:
        return QStringLiteral("down");
    case Mode::KeepOpen:
        return QStringLiteral("keep-open");
    case Mode::LoginPage:
        return QStringLiteral("login-page");
    case Mode::BadStatus:
        return QStringLiteral("bad-status");
    case Mode::RedirectLoop:
        return QStringLiteral("redirect-loop");
    case Mode::PhpError:
        return QStringLiteral("php-error");
    }
    return {};
}

std::optional<FakeEncoder::Mode> FakeEncoder::modeFromName(const QString& name) {
    for (Mode mode : {Mode::Working, Mode::PlaceholderOnly, Mode::Slow, Mode::BlackHole, Mode::Down,
                      Mode::KeepOpen, Mode::LoginPage, Mode::BadStatus, Mode::RedirectLoop, Mode::PhpError}) {
        if (modeName(mode) == name.toLower())
            return mode;
    }
    return std::nullopt;
}

void FakeEncoder::setMode(Mode mode) {
    const Mode old = m_options.mode;
    m_options.mode = mode;
    if (old == Mode::BlackHole && mode != Mode::BlackHole)
        m_held.clear();
    if (!m_tcp || old == mode)
        return;
    if (mode == Mode::Down) {
        m_tcp->close();
        m_held.clear();
        dropConnections(); // or a kept-alive connection would still reach a "down" encoder
    } else if (old == Mode::Down) {
        m_tcp->listen(QHostAddress::LocalHost, m_port);
    }
}

void FakeEncoder::dropConnections() {
    if (!m_tcp)
        return;
    for (QTcpSocket* socket : m_tcp->findChildren<QTcpSocket*>())
        socket->abort();
}

bool FakeEncoder::hasOutput(const QUrl& stream, const QString& format) const {
    const QString key =
        QString::fromLatin1(QCryptographicHash::hash(stream.toEncoded(), QCryptographicHash::Md5).toHex()) +
        QLatin1Char('.') + format;
    return m_outputs.contains(key);
}

QUrl FakeEncoder::decodeStreamUrl(const QString& base64Url) {
    QByteArray text = base64Url.trimmed().toLatin1();
    text.replace(' ', '+');
    while (text.size() % 4 != 0)
        text.append('=');
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        decoded = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding |
                                                           QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return {};
    const QUrl url = QUrl::fromEncoded(decoded.decoded, QUrl::TolerantMode);
    return url.isValid() && !url.scheme().isEmpty() ? url : QUrl();
}

void FakeEncoder::dispatch(const QHttpServerRequest& httpRequest, QHttpServerResponder&& responder) {
    const SimRequest request = SimRequest::from(httpRequest);
    const Reply reply = makeReply(std::move(responder));
    const QString path = request.path();
    ++m_requestCounts[path];
    if (m_options.mode != Mode::KeepOpen && request.header("connection").toLower().contains("close"))
        reply->closeAfterSend();

    if (m_options.mode == Mode::Down) {
        dropConnections();
        return;
    }
    if (m_options.mode == Mode::BlackHole) {
        if (path == QStringLiteral("objects/getImage.php") || path.startsWith(QStringLiteral("getImage/")))
            ++m_imageRequests;
        m_held.append(reply);
        return;
    }

    if (m_options.mode == Mode::LoginPage || m_options.mode == Mode::RedirectLoop) {
        serveNotAnEncoder(httpRequest.url(), path, reply);
        return;
    }

    static const QRegularExpression legacy(QStringLiteral("^getImage/([A-Za-z0-9=/]+)/([A-Za-z0-9]{3})$"));
    if (path == QStringLiteral("objects/getImage.php")) {
        serveImage(request.get(QStringLiteral("base64Url")), request.get(QStringLiteral("format")), request,
                   reply);
    } else if (const QRegularExpressionMatch match = legacy.match(path); match.hasMatch()) {
        // .htaccess: getImage/([A-Za-z0-9=/]+)/([A-Za-z0-9]{3}) ->
        // objects/getImage.php?base64Url=$1&format=$2
        serveImage(match.captured(1), match.captured(2), request, reply);
    } else if (path == QStringLiteral("view/img/creatingImages.jpg")) {
        reply->send(PhpJson::raw(m_placeholders->creatingImagesJpg(), "image/jpeg"));
    } else if ((path == QStringLiteral("status") || path == QStringLiteral("serverStatus")) &&
               m_options.mode == Mode::BadStatus) {
        // A PHP notice printed before the JSON, and the JSON cut short.
        reply->send(PhpJson::raw("<br />\n<b>Warning</b>:  Undefined variable $global in "
                                 "/var/www/html/Encoder/view/status.php on line 12<br />\n{\"queue_size\":0,",
                                 "text/html"));
    } else if (path == QStringLiteral("status") || path == QStringLiteral("serverStatus")) {
        serveStatus(request, reply, path == QStringLiteral("serverStatus"));
    } else {
        reply->send(PhpJson::raw("<html><body><h1>Not Found</h1></body></html>", "text/html", 404));
    }
}

// Some other web site at the encoder's URL: a login page behind a redirect, or a redirect to itself.
void FakeEncoder::serveNotAnEncoder(const QUrl& requestUrl, const QString& path, const Reply& reply) {
    if (m_options.mode == Mode::LoginPage && path == QStringLiteral("login")) {
        reply->send(PhpJson::raw("<!DOCTYPE html><html><head><title>Sign in</title></head><body><form "
                                 "method=\"post\"><input name=\"user\"><input name=\"pass\" "
                                 "type=\"password\"></form></body></html>",
                                 "text/html; charset=UTF-8"));
        return;
    }
    const QUrl target = m_options.mode == Mode::LoginPage ? url().resolved(QUrl(QStringLiteral("login")))
                                                          : url().resolved(QUrl(requestUrl.path()));
    QHttpServerResponse response = PhpJson::raw(QByteArray(), "text/html", 302);
    response.addHeader("Location", target.toEncoded());
    reply->send(response);
}

QByteArray FakeEncoder::placeholderFor(const QString& format) const {
    // §1.5: view/img/OnAir.jpg for jpg, OnAir.png for png, notfound.gif for gif and webp.
    if (format == QStringLiteral("png"))
        return m_placeholders->onAirPng();
    if (animated(format))
        return m_placeholders->notFoundGif();
    return m_placeholders->onAirJpg();
}

bool FakeEncoder::outputFresh(const QString& key, const QString& format) const {
    const auto it = m_outputs.constFind(key);
    // §1.5: cache life 600 s, x2 (1200 s) for gif and webp.
    const qint64 lifeMs = animated(format) ? 1'200'000 : 600'000;
    return it != m_outputs.constEnd() && clock().monotonicMs() - it->storedAtMs < lifeMs;
}

// §1.5 objects/getImage.php: no authentication, Access-Control-Allow-Origin: *.
void FakeEncoder::serveImage(const QString& base64Url, QString format, const SimRequest& request,
                             const Reply& reply) {
    ++m_imageRequests;
    const QUrl stream = decodeStreamUrl(base64Url);
    // §2.5: with no URL the script answers an empty 200. getExternalHttpUrlForShell() (§1.5) also refuses
    // anything but http(s); private and loopback addresses pass, as allowPrivateNetworkURLs defaults to true.
    if (stream.isEmpty() ||
        (stream.scheme() != QStringLiteral("http") && stream.scheme() != QStringLiteral("https"))) {
        reply->send(PhpJson::raw(QByteArray(), "text/html"));
        return;
    }
    m_requestedStreams.append(stream);
    if (m_requestedStreams.size() > 100)
        m_requestedStreams.removeFirst();
    const bool renew = !request.paramIsEmpty(QStringLiteral("renew"));
    if (renew) {
        m_renewedStreams.append(stream);
        if (m_renewedStreams.size() > 100)
            m_renewedStreams.removeFirst();
    }
    format = format.toLower();
    if (format != QStringLiteral("png") && format != QStringLiteral("gif") &&
        format != QStringLiteral("webp"))
        format = QStringLiteral("jpg");
    // The output file {tmp}/md5(url).{format}.
    const QString key =
        QString::fromLatin1(QCryptographicHash::hash(stream.toEncoded(), QCryptographicHash::Md5).toHex()) +
        QLatin1Char('.') + format;
    const QByteArray type = imageType(format);
    auto answer = [type](const QByteArray& body) {
        QHttpServerResponse response = PhpJson::raw(body, type);
        response.addHeader("Access-Control-Allow-Origin", "*");
        return response;
    };

    if (m_options.mode == Mode::PlaceholderOnly) {
        reply->send(answer(placeholderFor(format)));
        return;
    }
    if (m_options.mode == Mode::PhpError) {
        reply->send(
            PhpJson::raw("<br />\n<b>Fatal error</b>:  Uncaught Error: Call to undefined function "
                         "getExternalHttpUrlForShell() in /var/www/html/Encoder/objects/getImage.php:30",
                         "text/html; charset=UTF-8"));
        return;
    }
    // Stale-while-revalidate: echo the previous output if there is one, else the placeholder; then launch
    // the job if the output is missing, older than its cache life, or renew is set.
    if (!outputFresh(key, format) || renew)
        startGrab(stream, format, key);
    if (m_options.mode == Mode::Slow) {
        QPointer<FakeEncoder> self(this);
        QTimer::singleShot(m_options.slowDelayMs, this, [self, reply, key, format, answer] {
            if (!self)
                return;
            const auto it = self->m_outputs.constFind(key);
            reply->send(answer(it != self->m_outputs.constEnd() ? it->bytes : self->placeholderFor(format)));
        });
        return;
    }
    const auto it = m_outputs.constFind(key);
    reply->send(answer(it != m_outputs.constEnd() ? it->bytes : placeholderFor(format)));
}

void FakeEncoder::startGrab(const QUrl& stream, const QString& format, const QString& key) {
    if (m_inFlight.contains(key))
        return;
    m_inFlight.insert(key);
    ++m_grabsStarted;
    avld::GrabOptions options;
    options.timeoutMs = m_options.grabTimeoutMs;
    // get_ffmpeg() gives ffmpeg -user_agent "AVideoStreamer_…" (§1.5).
    options.userAgent = QStringLiteral("AVideoStreamer_avld-fake-encoder");
    if (animated(format)) {
        options.clipDurationMs = avld::AnimatedEncoder::DefaultSeconds * 1000;
        options.clipFps = avld::AnimatedEncoder::DefaultFps;
        options.clipSkipMs = format == QStringLiteral("webp") ? 3000 : 0;
        options.timeoutMs = m_options.grabTimeoutMs + 8000;
    }
    QPointer<FakeEncoder> self(this);
    m_grabber->grab(stream, options, [self, key, format](Result<avld::GrabResult> result) {
        if (!self || self->m_destroying)
            return;
        if (!result) {
            self->m_inFlight.remove(key);
            ++self->m_grabsFailed;
            return;
        }
        auto* watcher = new QFutureWatcher<Encoded>(self);
        QObject::connect(watcher, &QFutureWatcher<Encoded>::finished, self, [self, watcher, key] {
            const Encoded encoded = watcher->result();
            watcher->deleteLater();
            self->m_inFlight.remove(key);
            if (encoded.bytes.isEmpty()) {
                ++self->m_grabsFailed;
                return;
            }
            self->m_outputs.insert(key, {encoded.bytes, self->clock().monotonicMs()});
        });
        watcher->setFuture(
            QtConcurrent::run([grab = std::move(result).value(), format] { return encode(grab, format); }));
    });
}

// §2.5 status / serverStatus: since 2026-06 an encoder session with upload right or API credentials
// user + pass + siteURL (+ encodedPass); otherwise HTTP 403 {"error":true,"msg":"Permission denied"}.
void FakeEncoder::serveStatus(const SimRequest& request, const Reply& reply, bool serverStatus) {
    const QString pass = request.param(QStringLiteral("pass"));
    const bool ok =
        request.param(QStringLiteral("user")) == m_options.statusUser && !pass.isEmpty() &&
        (pass == m_options.statusPass || pass == SiteAccounts::passwordHash(m_options.statusPass)) &&
        !request.param(QStringLiteral("siteURL")).isEmpty();
    if (!ok) {
        reply->send(PhpJson::response(
            {{QStringLiteral("error"), true}, {QStringLiteral("msg"), QStringLiteral("Permission denied")}},
            403));
        return;
    }
    QJsonObject status{{QStringLiteral("queue_size"), 0},
                       {QStringLiteral("concurrent"), 1},
                       {QStringLiteral("is_encoding"), false},
                       {QStringLiteral("is_downloading"), false},
                       {QStringLiteral("queue_list"), QJsonArray()},
                       {QStringLiteral("msg"), QString()},
                       {QStringLiteral("encoding"), QJsonArray()},
                       {QStringLiteral("cmd"), QString()},
                       {QStringLiteral("encoding_status"), QJsonArray()},
                       {QStringLiteral("download_status"), QJsonArray()},
                       {QStringLiteral("version"), QStringLiteral("8.1")},
                       {QStringLiteral("downloaded"), QJsonArray()},
                       {QStringLiteral("downloading"), QJsonArray()},
                       {QStringLiteral("transferring"), QJsonArray()}};
    if (serverStatus) {
        status.insert(QStringLiteral("memory"),
                      QJsonObject{{QStringLiteral("memTotalBytes"), 8.0 * 1024 * 1024 * 1024},
                                  {QStringLiteral("memUsedBytes"), 2.0 * 1024 * 1024 * 1024},
                                  {QStringLiteral("memFreeBytes"), 6.0 * 1024 * 1024 * 1024},
                                  {QStringLiteral("memTotal"), QStringLiteral("8 GB")},
                                  {QStringLiteral("memUsed"), QStringLiteral("2 GB")},
                                  {QStringLiteral("memFree"), QStringLiteral("6 GB")}});
        status.insert(QStringLiteral("file_upload_max_size"), 2147483648.0);
    }
    reply->send(PhpJson::response(status));
}

} // namespace avld::test
