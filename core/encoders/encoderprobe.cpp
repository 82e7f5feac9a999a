#include "encoderprobe.h"

#include "clock.h"
#include "net/timedhttpclient.h"
#include "ownprobeheader.h"
#include "plural.h"

#include <QCryptographicHash>
#include <QPointer>
#include <QUrlQuery>

#include <algorithm>

namespace avld {

struct EncoderProbe::Round {
    EncoderTarget target;
    QUrl stream;
    EncoderProbeReport report;
    std::function<void(EncoderProbeReport)> done;
};

namespace {

QUrl under(const EncoderTarget& target, const QString& path) {
    QUrl base = target.url;
    if (!base.path().endsWith(QLatin1Char('/')))
        base.setPath(base.path() + QLatin1Char('/'));
    return base.resolved(QUrl(path));
}

QString seconds(qint64 ms) {
    return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 1);
}

} // namespace

EncoderProbe::EncoderProbe(TimedHttpClient& http, const Clock& clock, EncoderProbeOptions options,
                           QObject* parent)
    : QObject(parent)
    , m_http(http)
    , m_clock(clock)
    , m_options(std::move(options)) {}

void EncoderProbe::probe(const EncoderTarget& target, const QUrl& stream,
                         std::function<void(EncoderProbeReport)> done) {
    auto round = std::make_shared<Round>();
    round->target = target;
    round->stream = stream;
    round->done = std::move(done);
    round->report.record.encoderId = target.id;
    round->report.record.at = m_clock.now();
    reach(round);
}

void EncoderProbe::reach(std::shared_ptr<Round> round) {
    TimedRequest request;
    request.url = under(round->target, QStringLiteral("objects/getImage.php"));
    request.timeoutMs = m_options.reachTimeoutMs;
    request.verifyTls = round->target.verifyTls;
    request.caCertificates = round->target.caCertificates;
    request.maxBodyBytes = 1024 * 1024;
    request.followRedirects = true; // as AVideo's PHP does
    QPointer<EncoderProbe> self(this);
    m_http.start(request, [this, self, round, asked = request.url](TimedOutcome outcome) {
        if (!self)
            return;
        ProbeRecord& record = round->report.record;
        const QString host = round->target.hostLabel();
        record.phases = outcome.phases;
        if (outcome.certificate) {
            round->report.certificate = outcome.certificate;
            round->report.certificateDaysLeft = m_clock.now().daysTo(outcome.certificate->notAfter);
        }
        if (!outcome.ok()) {
            const Error& error = outcome.result.error();
            record.health = ProbeHealth::Failed;
            record.errorCode = error.code;
            record.reason =
                error.code == QStringLiteral("redirect-loop")
                    ? QStringLiteral("%1 answers, but redirects in a loop: this URL is not an AVideo encoder "
                                     "(check the Encoder URL)")
                          .arg(host)
                    : QStringLiteral("%1 is unreachable: %2").arg(host, error.toString());
            return finish(round);
        }
        const TimedResponse& response = *outcome.result;
        record.httpStatus = response.httpStatus;
        if (record.httpStatus >= 400 || record.httpStatus < 200) {
            record.health = ProbeHealth::Failed;
            record.errorCode = QStringLiteral("http-%1").arg(record.httpStatus);
            record.reason =
                record.httpStatus == 404
                    ? QStringLiteral("%1 answers, but has no objects/getImage.php (HTTP 404): this "
                                     "URL is not an AVideo encoder")
                          .arg(host)
                : record.httpStatus >= 500
                    ? QStringLiteral("%1 answers HTTP %2: its web server or PHP is failing")
                          .arg(host)
                          .arg(record.httpStatus)
                    : QStringLiteral("%1 answers objects/getImage.php with HTTP %2: AVideo gets no "
                                     "thumbnails from it")
                          .arg(host)
                          .arg(record.httpStatus);
            return finish(round);
        }
        // With no URL the encoder's script prints nothing (§2.5); a page here is some other web site.
        if (!response.body.trimmed().isEmpty()) {
            record.health = ProbeHealth::Failed;
            record.errorCode = QStringLiteral("not-an-encoder");
            record.reason =
                QStringLiteral("%1 answers objects/getImage.php with %2 (%3 bytes%4) instead of "
                               "the encoder's empty answer: this URL is not an AVideo encoder "
                               "(a login page? check the Encoder URL)")
                    .arg(host, describeEncoderBody(response.contentType, response.body))
                    .arg(response.body.size())
                    .arg(response.effectiveUrl.isValid() && response.effectiveUrl.path() != asked.path()
                             ? QStringLiteral(", after a redirect")
                             : QString());
            return finish(round);
        }
        status(round);
    });
}

void EncoderProbe::status(std::shared_ptr<Round> round) {
    const EncoderTarget& target = round->target;
    const bool withCredentials = !target.statusUser.isEmpty() && !target.statusPassword.isEmpty();
    TimedRequest request;
    request.url = under(target, withCredentials ? QStringLiteral("serverStatus") : QStringLiteral("status"));
    request.timeoutMs = m_options.statusTimeoutMs;
    request.verifyTls = target.verifyTls;
    request.caCertificates = target.caCertificates;
    request.maxBodyBytes = 1024 * 1024;
    if (withCredentials) {
        // POSTed, not in the query string: the encoder's access log must not collect the password.
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("user"), target.statusUser);
        form.addQueryItem(QStringLiteral("pass"), target.statusPassword);
        form.addQueryItem(QStringLiteral("siteURL"), target.siteUrl.toString());
        if (target.statusPassIsHash)
            form.addQueryItem(QStringLiteral("encodedPass"), QStringLiteral("1"));
        request.postBody = form.query(QUrl::FullyEncoded).toUtf8();
        request.headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    }
    QPointer<EncoderProbe> self(this);
    m_http.start(request, [this, self, round, withCredentials](TimedOutcome outcome) {
        if (!self)
            return;
        EncoderStatusInfo& info = round->report.status;
        if (!outcome.ok()) {
            info.note = QStringLiteral("status: ") + outcome.result.error().message;
            return image(round);
        }
        const TimedResponse& response = *outcome.result;
        info = readEncoderStatusAnswer(response.httpStatus, response.contentType, response.body,
                                       withCredentials);
        image(round);
    });
}

void EncoderProbe::image(std::shared_ptr<Round> round) {
    ProbeRecord& record = round->report.record;
    const QString host = round->target.hostLabel();
    if (round->stream.isEmpty()) {
        const EncoderStatusInfo& status = round->report.status;
        if (status.malformed || !status.alive) {
            // Without a live to test frames with, the status page is the only sign of an encoder: an HTML
            // page, bad JSON, a 404 or a redirect loop there is no such sign.
            record.health = ProbeHealth::Degraded;
            record.errorCode = QStringLiteral("not-an-encoder");
            record.reason = QStringLiteral("%1 answers, but %2: it may not be an AVideo encoder (check the "
                                           "Encoder URL); frames not tested")
                                .arg(host, status.note);
        } else {
            record.health = ProbeHealth::Healthy;
            record.reason = QStringLiteral("%1 is reachable; frames not tested (no live stream to test "
                                           "thumbnails with right now)")
                                .arg(host);
        }
        return finish(round);
    }
    // As AVideo's url_get_contents($url, '', 2) (objects/functions.php): the context replaces the User-Agent
    // header with just {timeout: 2}, so PHP sends none; PHP 8 asks HTTP/1.1 with Connection: close and reads
    // until the server closes; connecting and each read may take 2 s; redirects are followed.
    TimedRequest request;
    request.url = encoderImageUrl(round->target.url, round->stream, m_options.format, m_options.renew);
    request.timeoutMs = m_options.imageTimeoutMs;
    request.connectTimeoutMs = m_options.readTimeoutMs;
    request.idleTimeoutMs = m_options.readTimeoutMs;
    request.readUntilClose = true;
    request.sendUserAgent = false;
    request.followRedirects = true;
    request.headers.append(qMakePair(QByteArray("Connection"), QByteArray("close")));
    request.headers.append(qMakePair(QByteArray(kOwnProbeHeader), QByteArray("1")));
    request.verifyTls = round->target.verifyTls;
    request.caCertificates = round->target.caCertificates;
    QPointer<EncoderProbe> self(this);
    m_http.start(request, [this, self, round](TimedOutcome outcome) {
        if (!self)
            return;
        judgeImage(round, outcome);
        finish(round);
    });
}

void EncoderProbe::judgeImage(const std::shared_ptr<Round>& round, const TimedOutcome& outcome) {
    ProbeRecord& record = round->report.record;
    const QString host = round->target.hostLabel();
    const QString budget = seconds(m_options.readTimeoutMs);
    record.functionalMs = outcome.phases.totalMs;
    record.health = ProbeHealth::Degraded;
    if (!outcome.ok()) {
        const Error& error = outcome.result.error();
        record.frameClass = QStringLiteral("error");
        record.errorCode = error.code;
        // Silent for a read's 2 s, or not even connected within them: AVideo's PHP gives up the same way.
        if (error.code == QStringLiteral("timeout") &&
            (outcome.endedBySilence || outcome.phases.firstByteMs < 0))
            record.reason = QStringLiteral("%1 did not answer the thumbnail request within %2: AVideo gives "
                                           "up then and shows its card")
                                .arg(host, budget);
        else if (error.code == QStringLiteral("timeout"))
            record.reason = QStringLiteral("%1 was still sending its thumbnail after %2: AVideo has no total "
                                           "limit and waits as long as bytes keep coming")
                                .arg(host, seconds(record.functionalMs));
        else
            record.reason = QStringLiteral("%1 is reachable but its thumbnail request failed: %2")
                                .arg(host, error.message);
        return;
    }
    const TimedResponse& response = *outcome.result;
    const EncoderImageVerdict verdict =
        response.httpStatus == 200 ? judge(round->target.id, response.body) : EncoderImageVerdict{};
    round->report.image = verdict;
    if (verdict.frameClass != QStringLiteral("empty") &&
        verdict.frameClass != QStringLiteral("not-an-image") && !verdict.frameClass.isEmpty()) {
        round->report.picture = response.body;
        round->report.pictureType = response.contentType;
    }
    record.imageBytes = verdict.bytes;
    record.frameClass = response.httpStatus == 200 ? verdict.frameClass : QStringLiteral("error");
    const qint64 ms = record.functionalMs;
    // PHP measured against a server that keeps the connection open: the last byte + 2 s, or + 4 s when the
    // headers and the body came in one packet (2 s when a read gives up, twice).
    const QString keptOpenCost = QStringLiteral("AVideo reads until the server closes, so it waits %1 to %2 "
                                                "for each thumbnail")
                                     .arg(seconds(ms), seconds(ms + m_options.readTimeoutMs));
    if (response.httpStatus != 200) {
        record.errorCode = QStringLiteral("http-%1").arg(response.httpStatus);
        record.reason = QStringLiteral("%1 answers the thumbnail request with HTTP %2: AVideo gets nothing "
                                       "and shows its card")
                            .arg(host)
                            .arg(response.httpStatus);
    } else if (response.keptOpen && verdict.frameClass == QStringLiteral("empty")) {
        record.errorCode = QStringLiteral("kept-open");
        record.reason =
            QStringLiteral("%1 sends the headers of its thumbnail but no image within %2 and keeps "
                           "the connection open: AVideo gets nothing and shows its card")
                .arg(host, budget);
    } else if (verdict.frameClass == QStringLiteral("not-an-image")) {
        record.reason = QStringLiteral("%1 answers the thumbnail request with %2 (%3 bytes), not an image: "
                                       "AVideo would pass it on as the thumbnail, a broken picture")
                            .arg(host, describeEncoderBody(response.contentType, response.body))
                            .arg(verdict.bytes);
    } else if (!verdict.isRealFrame()) {
        record.reason = verdict.frameClass == QStringLiteral("empty")
                            ? QStringLiteral("%1 answers thumbnail requests with nothing").arg(host)
                            : QStringLiteral("%1 answers only with %2 (%3 bytes), not a frame of the live")
                                  .arg(host, verdict.frameClass == QStringLiteral("encoder-placeholder")
                                                 ? QStringLiteral("its placeholder")
                                                 : QStringLiteral("a %1 image").arg(verdict.frameClass))
                                  .arg(verdict.bytes);
        if (response.keptOpen)
            record.reason += QStringLiteral("; it also keeps the connection open (%1)").arg(keptOpenCost);
    } else if (response.keptOpen) {
        record.errorCode = QStringLiteral("kept-open");
        record.reason =
            QStringLiteral("%1 answers with a real frame in %2 ms, but keeps the connection open: "
                           "%3")
                .arg(host)
                .arg(std::max<qint64>(response.lastByteMs, 0))
                .arg(keptOpenCost);
    } else if (ms > kAVideoEncoderBudgetMs) {
        record.reason =
            QStringLiteral("%1 makes real frames but takes %2 to answer and close the connection: "
                           "AVideo waits that long for each thumbnail (more than %3)")
                .arg(host, seconds(ms), seconds(kAVideoEncoderBudgetMs));
    } else {
        record.health = ProbeHealth::Healthy;
        record.reason = QStringLiteral("%1 answers with a real frame in %2 ms").arg(host).arg(ms);
    }
    if (record.health == ProbeHealth::Healthy && round->report.status.malformed) {
        record.health = ProbeHealth::Degraded;
        record.errorCode = QStringLiteral("not-an-encoder");
        record.reason +=
            QStringLiteral(", but %1: check that this is an AVideo encoder").arg(round->report.status.note);
    }
}

EncoderImageVerdict EncoderProbe::judge(const QString& encoderId, const QByteArray& body) {
    // An encoder serves the same file for minutes (§1.5: 600 s): judging it again would decode it again.
    const QByteArray digest = QCryptographicHash::hash(body, QCryptographicHash::Md5);
    const auto known = m_lastVerdicts.constFind(encoderId);
    if (known != m_lastVerdicts.constEnd() && known->first == digest)
        return known->second;
    const EncoderImageVerdict verdict = judgeEncoderImage(body);
    m_lastVerdicts.insert(encoderId, {digest, verdict});
    return verdict;
}

void EncoderProbe::finish(std::shared_ptr<Round> round) {
    EncoderProbeReport& report = round->report;
    if (report.certificateDaysLeft && report.record.health != ProbeHealth::Failed) {
        const qint64 days = *report.certificateDaysLeft;
        if (days < 0)
            report.record.reason += QStringLiteral("; its TLS certificate expired %1 ago")
                                        .arg(countOf(-days, QStringLiteral("day"), QStringLiteral("days")));
        else if (days < m_options.certificateWarningDays)
            report.record.reason += QStringLiteral("; its TLS certificate expires in %1")
                                        .arg(countOf(days, QStringLiteral("day"), QStringLiteral("days")));
    }
    const auto done = std::move(round->done);
    done(report);
}

} // namespace avld
