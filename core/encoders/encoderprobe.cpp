#include "encoderprobe.h"

#include "clock.h"
#include "timedhttpclient.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QUrlQuery>

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

qint64 jsonInteger(const QJsonValue& value) {
    if (value.isDouble())
        return qint64(value.toDouble());
    bool ok = false;
    const qint64 parsed = value.toString().toLongLong(&ok);
    return ok ? parsed : -1;
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
    QPointer<EncoderProbe> self(this);
    m_http.start(request, [this, self, round](TimedOutcome outcome) {
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
            record.reason = QStringLiteral("%1 is unreachable: %2").arg(host, error.toString());
            return finish(round);
        }
        record.httpStatus = outcome.result->httpStatus;
        if (record.httpStatus >= 500 || record.httpStatus == 404 || record.httpStatus == 0) {
            record.health = ProbeHealth::Failed;
            record.errorCode = QStringLiteral("http-%1").arg(record.httpStatus);
            record.reason =
                record.httpStatus == 404
                    ? QStringLiteral("%1 answers, but has no objects/getImage.php (HTTP 404): this "
                                     "URL is not an AVideo encoder")
                          .arg(host)
                    : QStringLiteral("%1 answers HTTP %2: its web server or PHP is failing")
                          .arg(host)
                          .arg(record.httpStatus);
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
        const QJsonObject json = QJsonDocument::fromJson(response.body).object();
        if (response.httpStatus == 403) {
            info.alive = true;
            info.note = withCredentials ? QStringLiteral("alive, status credentials refused")
                                        : QStringLiteral("alive, no credentials for status");
        } else if (response.httpStatus == 200 && json.contains(QStringLiteral("queue_size"))) {
            info.alive = true;
            info.readable = true;
            info.version = json.value(QStringLiteral("version")).toVariant().toString();
            info.queueSize = int(jsonInteger(json.value(QStringLiteral("queue_size"))));
            info.concurrent = int(jsonInteger(json.value(QStringLiteral("concurrent"))));
            const QJsonObject memory = json.value(QStringLiteral("memory")).toObject();
            info.memFreeBytes = jsonInteger(memory.value(QStringLiteral("memFreeBytes")));
            info.memTotalBytes = jsonInteger(memory.value(QStringLiteral("memTotalBytes")));
            info.note = QStringLiteral("version %1, %2 in queue").arg(info.version).arg(info.queueSize);
        } else {
            info.note = QStringLiteral("status answered HTTP %1 without the encoder's fields")
                            .arg(response.httpStatus);
        }
        image(round);
    });
}

void EncoderProbe::image(std::shared_ptr<Round> round) {
    ProbeRecord& record = round->report.record;
    const QString host = round->target.hostLabel();
    if (round->stream.isEmpty()) {
        record.health = ProbeHealth::Healthy;
        record.reason =
            QStringLiteral("%1 is reachable (no live stream to test thumbnails with right now)").arg(host);
        return finish(round);
    }
    TimedRequest request;
    request.url = encoderImageUrl(round->target.url, round->stream, m_options.format, m_options.renew);
    request.timeoutMs = m_options.imageTimeoutMs;
    request.verifyTls = round->target.verifyTls;
    request.caCertificates = round->target.caCertificates;
    QPointer<EncoderProbe> self(this);
    m_http.start(request, [this, self, round, host](TimedOutcome outcome) {
        if (!self)
            return;
        ProbeRecord& record = round->report.record;
        record.functionalMs = outcome.phases.totalMs;
        if (!outcome.ok()) {
            record.health = ProbeHealth::Degraded;
            record.frameClass = QStringLiteral("error");
            record.errorCode = outcome.result.error().code;
            record.reason = QStringLiteral("%1 is reachable but its thumbnail request failed: %2")
                                .arg(host, outcome.result.error().message);
            return finish(round);
        }
        const TimedResponse& response = *outcome.result;
        const EncoderImageVerdict verdict =
            response.httpStatus == 200 ? judge(round->target.id, response.body) : EncoderImageVerdict{};
        round->report.image = verdict;
        record.imageBytes = verdict.bytes;
        record.frameClass = response.httpStatus == 200 ? verdict.frameClass : QStringLiteral("error");
        const qint64 ms = record.functionalMs;
        if (response.httpStatus != 200) {
            record.health = ProbeHealth::Degraded;
            record.errorCode = QStringLiteral("http-%1").arg(response.httpStatus);
            record.reason = QStringLiteral("%1 answers the thumbnail request with HTTP %2")
                                .arg(host)
                                .arg(response.httpStatus);
        } else if (!verdict.isRealFrame()) {
            record.health = ProbeHealth::Degraded;
            record.reason =
                verdict.frameClass == QStringLiteral("empty")
                    ? QStringLiteral("%1 answers thumbnail requests with nothing").arg(host)
                    : QStringLiteral("%1 answers only with %2 (%3 bytes), not a frame of the live")
                          .arg(host, verdict.frameClass == QStringLiteral("encoder-placeholder")
                                         ? QStringLiteral("its placeholder")
                                         : QStringLiteral("a %1 image").arg(verdict.frameClass))
                          .arg(verdict.bytes);
        } else if (ms > kAVideoEncoderBudgetMs) {
            record.health = ProbeHealth::Degraded;
            record.reason =
                QStringLiteral("%1 makes real frames but answers in %2; AVideo gives up after %3 and "
                               "shows its card")
                    .arg(host, seconds(ms), seconds(kAVideoEncoderBudgetMs));
        } else {
            record.health = ProbeHealth::Healthy;
            record.reason = QStringLiteral("%1 answers with a real frame in %2 ms").arg(host).arg(ms);
        }
        finish(round);
    });
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
            report.record.reason += QStringLiteral("; its TLS certificate expired %1 day(s) ago").arg(-days);
        else if (days < m_options.certificateWarningDays)
            report.record.reason += QStringLiteral("; its TLS certificate expires in %1 day(s)").arg(days);
    }
    const auto done = std::move(round->done);
    done(report);
}

} // namespace avld
