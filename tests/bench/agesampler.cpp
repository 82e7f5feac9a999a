#include "agesampler.h"

#include <QElapsedTimer>
#include <QNetworkReply>

#include <utility>

namespace avld::bench {

AgeSampler::AgeSampler(QList<QUrl> urls, int cycleMs, bool closeConnections)
    : m_urls(std::move(urls))
    , m_closeConnections(closeConnections) {
    m_timer.setInterval(qMax(5, cycleMs / int(qMax<qsizetype>(1, m_urls.size()))));
    connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
}

void AgeSampler::stop(int drainMs) {
    m_timer.stop();
    spinUntil([this] { return m_inFlight == 0; }, drainMs);
}

QList<Answer> AgeSampler::takeAnswers() {
    return std::exchange(m_answers, {});
}

void AgeSampler::tick() {
    if (m_inFlight >= 8) {
        ++m_skipped;
        return;
    }
    const QUrl url = m_urls.at(m_next++ % m_urls.size());
    QElapsedTimer timer;
    timer.start();
    QNetworkReply* reply = m_network.get(plainRequest(url, m_closeConnections));
    ++m_inFlight;
    connect(reply, &QNetworkReply::finished, this, [this, reply, timer] {
        --m_inFlight;
        m_answers.append(answerOf(reply, double(timer.nsecsElapsed()) / 1e6));
        reply->deleteLater();
    });
}

} // namespace avld::bench
