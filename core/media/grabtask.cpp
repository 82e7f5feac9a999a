#include "grabtask.h"

#include "httpdate.h"
#include "logging.h"
#include "networkerror.h"
#include "version.h"

#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QtConcurrent>

#include <optional>

namespace avld {

namespace {

constexpr auto kTooLargeProperty = "avldTooLarge";

// How many of the newest segments hold `seconds` of stream (all of them when the playlist holds less).
int segmentsHolding(const HlsPlaylist& playlist, double seconds) {
    int count = 1;
    while (count < playlist.segments.size() && playlist.tailDurationSeconds(count) < seconds)
        ++count;
    return count;
}

bool looksLikeMediaBody(const QByteArray& body, const QByteArray& contentType) {
    if (body.size() >= 188 * 2 && body.at(0) == 0x47 && body.at(188) == 0x47)
        return true; // MPEG-TS sync bytes
    return contentType.startsWith("video/");
}

} // namespace

GrabTask::GrabTask(QNetworkAccessManager& network, const Clock& clock, QUrl url, GrabOptions options,
                   Done done, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock)
    , m_url(std::move(url))
    , m_options(std::move(options))
    , m_done(std::move(done))
    , m_deadline(clock, m_options.timeoutMs) {
    if (m_options.userAgent.isEmpty())
        m_options.userAgent = QStringLiteral("AVideoLiveDoctor/" AVLD_VERSION);
    m_report.url = m_url;
    m_deadlineTimer.setSingleShot(true);
    connect(&m_deadlineTimer, &QTimer::timeout, this, [this] {
        // During decoding the worker watches the same deadline itself; here only network waits are cut.
        if (m_reply || m_verifying > 0)
            fail(deadlineError());
    });
}

void GrabTask::start() {
    m_deadlineTimer.start(int(qMin<qint64>(m_deadline.remainingMs(), INT_MAX)));
    const QString scheme = m_url.scheme().toLower();
    if (scheme == QStringLiteral("http") || scheme == QStringLiteral("https")) {
        fetch(m_url, m_options.maxPlaylistBytes, QStringLiteral("the playlist"),
              [this](const QByteArray& body, QNetworkReply& reply) { onPlaylist(body, reply); });
    } else if (scheme == QStringLiteral("rtmp") || scheme == QStringLiteral("rtmps")) {
        // RTMP has nothing published to read back: a clip is recorded as it is played out, so 3 s take at
        // least 3 s and the first animated request of an RTMP stream outlasts the stand-in's budget (it gets
        // an empty answer; the ones after it the clip). HLS clips come from segments already on the server.
        m_report.method = QStringLiteral("rtmp");
        m_report.mediaUrl = m_url;
        decode({.url = m_url.toString(), .userAgent = m_options.userAgent});
    } else if (m_url.isLocalFile()) {
        m_report.method = QStringLiteral("file");
        m_report.mediaUrl = m_url;
        decode({.url = m_url.toLocalFile()});
    } else {
        fail({QStringLiteral("unsupported-url"),
              QStringLiteral("cannot grab from \"%1\": only http(s) HLS, rtmp(s) and files are supported")
                  .arg(m_url.toDisplayString()),
              {}});
    }
}

void GrabTask::cancel() {
    m_cancelledByCaller = true;
    m_cancel->store(true);
    fail({QStringLiteral("cancelled"), QStringLiteral("the grab was cancelled"), {}});
}

Error GrabTask::deadlineError() const {
    return {QStringLiteral("timeout"), QStringLiteral("no frame within %1 ms").arg(m_options.timeoutMs),
            QStringLiteral("The server is slow or silent; check that the stream is really live.")};
}

void GrabTask::fetch(const QUrl& url, qint64 maxBytes, const QString& what, BodyHandler handler,
                     FailureHandler onFailure) {
    if (!m_options.verifyUrl)
        return get(url, maxBytes, what, std::move(handler), std::move(onFailure));
    verifyThen(url, [this, url, maxBytes, what, handler = std::move(handler),
                     onFailure = std::move(onFailure)] { get(url, maxBytes, what, handler, onFailure); });
}

void GrabTask::verifyThen(const QUrl& url, std::function<void()> next) {
    QPointer<GrabTask> self(this);
    ++m_verifying;
    m_options.verifyUrl(url, [self, next = std::move(next)](Status verdict) {
        if (!self)
            return;
        --self->m_verifying;
        if (self->m_finished)
            return;
        if (!verdict.ok())
            return self->fail(verdict.error());
        next();
    });
}

void GrabTask::verifyEach(QList<QUrl> urls, std::function<void()> next) {
    if (urls.isEmpty())
        return next();
    const QUrl first = urls.takeFirst();
    verifyThen(first, [this, urls = std::move(urls), next = std::move(next)] { verifyEach(urls, next); });
}

void GrabTask::onRedirect(QNetworkReply* reply, const QUrl& target) {
    const QUrl to = reply->url().resolved(target);
    // What NoLessSafeRedirectPolicy did before verifyUrl took over the decision.
    if (reply->url().scheme().toLower() == QStringLiteral("https") &&
        to.scheme().toLower() != QStringLiteral("https"))
        return fail({QStringLiteral("insecure-redirect"),
                     QStringLiteral("%1 redirects from https to %2, which is less safe")
                         .arg(reply->url().host(), to.scheme()),
                     {}});
    QPointer<QNetworkReply> guard(reply);
    verifyThen(to, [guard] {
        if (guard)
            Q_EMIT guard->redirectAllowed();
    });
}

void GrabTask::get(const QUrl& url, qint64 maxBytes, const QString& what, BodyHandler handler,
                   FailureHandler onFailure) {
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, m_options.userAgent);
    if (!m_options.referer.isEmpty())
        request.setRawHeader("Referer", m_options.referer.toUtf8());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         m_options.verifyUrl ? QNetworkRequest::UserVerifiedRedirectPolicy
                                             : QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(int(qBound<qint64>(1, m_deadline.remainingMs(), qint64(INT_MAX))));

    QNetworkReply* reply = m_network.get(request);
    m_reply = reply;
    if (m_options.verifyUrl)
        connect(reply, &QNetworkReply::redirected, this,
                [this, reply](const QUrl& target) { onRedirect(reply, target); });
    connect(reply, &QNetworkReply::downloadProgress, this, [reply, maxBytes](qint64 received, qint64 total) {
        if (received > maxBytes || total > maxBytes) {
            reply->setProperty(kTooLargeProperty, true);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, maxBytes, what, handler = std::move(handler), onFailure = std::move(onFailure)] {
                reply->deleteLater();
                if (m_reply == reply)
                    m_reply = nullptr;
                if (m_finished)
                    return;
                m_report.bytesDownloaded += reply->bytesAvailable();
                if (reply->property(kTooLargeProperty).toBool()) {
                    fail({QStringLiteral("too-large"),
                          QStringLiteral("%1 is larger than %2 MB; this is not a live stream")
                              .arg(what)
                              .arg(maxBytes >> 20),
                          {}});
                    return;
                }
                if (reply->error() != QNetworkReply::NoError) {
                    if (onFailure && !m_deadline.expired())
                        return onFailure();
                    fail(m_deadline.expired() ? deadlineError() : networkError(*reply, what));
                    return;
                }
                handler(reply->readAll(), *reply);
            });
}

void GrabTask::onPlaylist(const QByteArray& body, QNetworkReply& reply) {
    const QByteArray contentType = reply.header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (looksLikeMediaBody(body, contentType)) {
        m_report.method = QStringLiteral("http-media");
        m_report.mediaUrl = reply.url();
        decode({.data = body});
        return;
    }
    Result<HlsPlaylist> parsed = HlsPlaylist::parse(body, reply.url());
    if (!parsed)
        return fail(parsed.error());
    if (!parsed->isMaster)
        return onMediaPlaylist(*parsed, reply);

    const HlsPlaylist::Variant* best = parsed->bestVariant();
    qCDebug(lcMedia) << "master playlist" << reply.url() << "-> variant" << best->url << best->resolution;
    fetch(best->url, m_options.maxPlaylistBytes, QStringLiteral("the variant playlist"),
          [this](const QByteArray& variantBody, QNetworkReply& variantReply) {
              Result<HlsPlaylist> variant = HlsPlaylist::parse(variantBody, variantReply.url());
              if (!variant)
                  return fail(variant.error());
              if (variant->isMaster)
                  return fail(
                      {QStringLiteral("not-a-playlist"),
                       QStringLiteral("the variant is another master playlist; nested masters are not HLS"),
                       {}});
              onMediaPlaylist(*variant, variantReply);
          });
}

void GrabTask::onMediaPlaylist(const HlsPlaylist& playlist, QNetworkReply& reply) {
    const QDateTime lastModified = reply.header(QNetworkRequest::LastModifiedHeader).toDateTime();
    if (lastModified.isValid()) {
        const QDateTime serverNow = parseHttpDate(reply.rawHeader("Date"));
        // The server's own clock, when it sends one, so that clock skew between us and it does not count.
        m_report.playlistAgeMs =
            qMax<qint64>(0, lastModified.msecsTo(serverNow.isValid() ? serverNow : m_clock.now()));
        const qint64 staleAfterMs = qMax<qint64>(6000, qint64(playlist.targetDurationSeconds * 3000) + 1000);
        if (!playlist.endList && m_report.playlistAgeMs > staleAfterMs) {
            return fail(
                {QStringLiteral("stale"),
                 QStringLiteral(
                     "the playlist has not changed for %1 s: the publisher has stopped, so the live "
                     "is offline")
                     .arg(m_report.playlistAgeMs / 1000),
                 QStringLiteral("Start the stream again; until then AVideo shows its OFFLINE card.")});
        }
    }
    m_report.segmentSeconds = playlist.segments.last().durationSeconds;
    // The newest segment starts with a keyframe (segments are cut at keyframes), so its first picture is the
    // freshest one that can be decoded alone. A clip takes as many of the newest segments as hold it, all
    // already published: they are read and decoded as fast as the CPU allows, not in real time. (A live that
    // has just started may have published less: its clip is then shorter, not late.)
    const int count =
        m_options.clipDurationMs > 0
            ? segmentsHolding(playlist, (m_options.clipDurationMs + m_options.clipSkipMs) / 1000.0)
            : 1;

    if (playlist.isEncrypted() || playlist.hasInitSection) {
        // libavformat's HLS demuxer knows AES-128 keys and fMP4 init sections; start it at the newest
        // segment, or for a clip at the newest ones that hold it.
        m_report.method = QStringLiteral("hls-demuxer");
        m_report.mediaUrl = reply.url();
        m_report.frameAgeMs = qint64(playlist.tailDurationSeconds(count) * 1000);
        DecoderInput input{.url = reply.url().toString(),
                           .userAgent = m_options.userAgent,
                           .referer = m_options.referer,
                           .liveStartIndex = -count};
        if (!m_options.verifyUrl)
            return decode(std::move(input));
        // libavformat fetches these itself: offer one segment URL per origin before handing over.
        QList<QUrl> origins;
        QSet<QString> seen;
        for (const HlsPlaylist::Segment& segment : playlist.segments) {
            const QString origin = segment.url
                                       .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                                                 QUrl::RemoveUserInfo)
                                       .toString();
            if (!seen.contains(origin)) {
                seen.insert(origin);
                origins.append(segment.url);
            }
        }
        verifyEach(origins, [this, input] { decode(input); });
        return;
    }

    m_segments = playlist.segments.mid(playlist.segments.size() - count);
    if (count == 1 && m_options.newestFrame)
        m_beingWritten = playlist.segmentBeingWritten();
    m_report.method = QStringLiteral("hls-segment");
    m_report.mediaUrl = m_segments.last().url;
    // Stream time between the picture and the newest media the server has (its end is the live edge).
    m_report.frameAgeMs = qint64(playlist.tailDurationSeconds(count) * 1000);
    fetchSegments();
}

void GrabTask::fetchSegments() {
    if (m_segments.isEmpty() && m_beingWritten && !m_segmentData.isEmpty())
        return fetchSegmentBeingWritten();
    if (m_segments.isEmpty()) {
        if (m_segmentData.isEmpty())
            return fail(
                {QStringLiteral("empty-segment"),
                 QStringLiteral("the media segment %1 was empty (0 bytes)").arg(m_report.mediaUrl.toString()),
                 QStringLiteral("The media server wrote nothing: is the publisher still sending?")});
        decode({.data = std::exchange(m_segmentData, {})});
        return;
    }
    const HlsPlaylist::Segment next = m_segments.takeFirst();
    fetch(next.url, m_options.maxSegmentBytes - m_segmentData.size(), QStringLiteral("a media segment"),
          [this](const QByteArray& body, QNetworkReply&) {
              m_segmentData += body;
              fetchSegments();
          });
}

void GrabTask::fetchSegmentBeingWritten() {
    const QUrl url = *std::exchange(m_beingWritten, std::nullopt);
    // Whatever goes wrong here (not there yet, another naming after all: 404), the listed segment stands.
    fetch(
        url, m_options.maxSegmentBytes - m_segmentData.size(), QStringLiteral("the segment being written"),
        [this](const QByteArray& body, QNetworkReply&) {
            m_listedBytes = m_segmentData.size();
            m_segmentData += body;
            fetchSegments();
        },
        [this] { fetchSegments(); });
}

void GrabTask::decode(DecoderInput input) {
    if (m_options.verifyUrlNow) {
        input.urlGate = m_options.verifyUrlNow;
    } else if (m_options.verifyUrl) {
        const QString checked = input.url;
        input.urlGate = [checked](const QUrl& url) -> Status {
            if (url.toString() == checked)
                return {};
            return Error{
                QStringLiteral("host-not-allowed"), QStringLiteral("host not allowed"),
                QStringLiteral("%1 was named by the stream, and cannot be checked here").arg(url.toString())};
        };
    }
    using Outcome = std::optional<Result<DecodedVideo>>;
    const DecodeRequest request{.clipDurationMs = m_options.clipDurationMs,
                                .clipFps = m_options.clipFps,
                                .skipMs = m_options.clipSkipMs,
                                .newestFrame = m_options.newestFrame,
                                .maxWidth = m_options.maxFrameWidth,
                                .measureSound = m_options.measureSound};
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (m_finished)
            return;
        Result<DecodedVideo> decoded = *watcher->result();
        if (!decoded)
            return fail(decoded.error());
        GrabResult result;
        result.frames = decoded->frames;
        result.fps = m_options.clipFps;
        m_report.codec = decoded->codec;
        m_report.container = decoded->container;
        m_report.codedSize = decoded->codedSize;
        m_report.frameRate = decoded->frameRate;
        m_report.hasAudio = decoded->hasAudio;
        m_report.framePtsMs = result.frames.first().ptsMs;
        // The age was counted from the segment's start; a newer picture of it is that much younger.
        if (const qint64 start = decoded->keyframes.firstPtsMs;
            m_report.frameAgeMs >= 0 && start >= 0 && m_report.framePtsMs > start)
            m_report.frameAgeMs = std::max<qint64>(0, m_report.frameAgeMs - (m_report.framePtsMs - start));
        m_report.keyframeIntervalMs = decoded->keyframes.intervalMs;
        m_report.sound = decoded->sound;
        m_report.pictureStillForMs = decoded->pictureStillForMs;
        m_report.pictureBlackForMs = decoded->pictureBlackForMs;
        // A picture past the listed segment's end came from the one being written: at the live edge of what
        // the server has, newer than its playlist.
        if (const qint64 start = decoded->keyframes.firstPtsMs; m_listedBytes >= 0 && start >= 0)
            m_report.fromSegmentBeingWritten =
                m_report.framePtsMs - start >= qint64(m_report.segmentSeconds * 1000) - 1;
        // A clip, or a segment and the one after it: the count is not one segment's.
        const bool oneSegment = m_options.clipDurationMs <= 0 && m_listedBytes < 0;
        m_report.keyframesInSegment =
            oneSegment && decoded->keyframes.complete ? decoded->keyframes.keyframes : 0;
        if (m_report.method == QStringLiteral("rtmp") || m_report.method == QStringLiteral("hls-demuxer"))
            m_report.bytesDownloaded += decoded->bytesRead;
        m_report.elapsedMs = m_deadline.elapsedMs();
        result.report = m_report;
        finish(std::move(result));
    });
    // The worker owns copies of everything it touches, so this task may go away while it runs.
    watcher->setFuture(QtConcurrent::run(
        [input = std::move(input), request, deadline = m_deadline, cancel = m_cancel]() -> Outcome {
            return FrameDecoder::decode(input, request, deadline, cancel);
        }));
}

void GrabTask::fail(Error error) {
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    finish(std::move(error));
}

void GrabTask::finish(Result<GrabResult> result) {
    if (m_finished)
        return;
    m_finished = true;
    m_deadlineTimer.stop();
    m_cancel->store(true); // stops a worker that may still run
    if (!result)
        qCDebug(lcMedia) << "grab of" << m_url << "failed:" << result.error().toString();
    Done done = std::move(m_done);
    deleteLater();
    done(std::move(result));
}

} // namespace avld
