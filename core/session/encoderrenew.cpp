#include "encoderrenew.h"

#include "logging.h"
#include "networkerror.h"
#include "version.h"

#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace avld {

EncoderRenew::EncoderRenew(QNetworkAccessManager& network, QObject* parent)
    : EncoderRenew(network, Options{}, parent) {}

EncoderRenew::EncoderRenew(QNetworkAccessManager& network, Options options, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_options(std::move(options)) {}

EncoderRenew::~EncoderRenew() {
    for (QNetworkReply* reply : std::as_const(m_inFlight)) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void EncoderRenew::ask(const QUrl& url, Answer answer) {
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("AVideoLiveDoctor/" AVLD_VERSION));
    request.setTransferTimeout(m_options.requestTimeoutMs);
    QNetworkReply* reply = m_network.get(request);
    m_inFlight.append(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, answer = std::move(answer)] {
        m_inFlight.removeOne(reply);
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError && status == 0)
            return answer(networkError(*reply, QStringLiteral("the encoder")));
        if (status != 200)
            return answer(Error{QStringLiteral("http-%1").arg(status),
                                QStringLiteral("the encoder answered HTTP %1 to getImage").arg(status),
                                QStringLiteral("check the encoder's web server log")});
        answer(judgeEncoderImage(reply->readAll()));
    });
}

void EncoderRenew::renew(const QUrl& encoderUrl, const QList<QUrl>& streams,
                         std::function<void(QList<EncoderRenewal>)> done) {
    m_done = std::move(done);
    m_renewals.clear();
    for (const QUrl& stream : streams)
        m_renewals.append(
            {.stream = stream, .first = Error{}, .last = Error{}, .refreshed = false, .polls = 0});
    m_pending = int(m_renewals.size());
    if (m_pending == 0) {
        QTimer::singleShot(0, this, [this] { m_done({}); });
        return;
    }
    const QDeadlineTimer deadline(m_options.settleDeadlineMs);
    for (int i = 0; i < m_renewals.size(); ++i) {
        const QUrl url = encoderImageUrl(encoderUrl, m_renewals[i].stream, m_options.format, true);
        ask(url, [this, encoderUrl, i, deadline](Result<EncoderImageVerdict> first) {
            m_renewals[i].first = first;
            m_renewals[i].last = first;
            if (!first) {
                qCInfo(lcEncoders) << "renew failed for" << m_renewals[i].stream << ":"
                                   << first.error().message;
                return settled();
            }
            poll(encoderUrl, i, deadline);
        });
    }
}

void EncoderRenew::poll(const QUrl& encoderUrl, int index, QDeadlineTimer deadline) {
    QTimer::singleShot(m_options.pollIntervalMs, this, [this, encoderUrl, index, deadline] {
        const QUrl url = encoderImageUrl(encoderUrl, m_renewals[index].stream, m_options.format, false);
        ask(url, [this, encoderUrl, index, deadline](Result<EncoderImageVerdict> now) {
            EncoderRenewal& renewal = m_renewals[index];
            renewal.last = now;
            ++renewal.polls;
            const EncoderImageVerdict& first = *renewal.first;
            renewal.refreshed = now && now->isRealFrame() &&
                                (!first.isRealFrame() || now->bytes != first.bytes ||
                                 renewal.polls >= m_options.pollsToAcceptUnchanged);
            if (renewal.refreshed || deadline.hasExpired())
                return settled();
            poll(encoderUrl, index, deadline);
        });
    });
}

void EncoderRenew::settled() {
    --m_pending;
    Q_EMIT progress(int(m_renewals.size()) - m_pending, int(m_renewals.size()));
    if (m_pending == 0)
        m_done(m_renewals);
}

} // namespace avld
