#pragma once

#include "imagefetch.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

namespace avld::bench {

// Asks the streams for their image in turn, one request every cycleMs / streams, at most 8 at once, and
// keeps every answer (latency, frame age): the service's real requests, measured beside a load.
class AgeSampler : public QObject {
public:
    // `closeConnections`: each request on a connection of its own, as AVideo asks (and so meeting whatever
    // the service does with new connections under load).
    AgeSampler(QList<QUrl> urls, int cycleMs, bool closeConnections = false);

    void start() { m_timer.start(); }
    void stop(int drainMs);
    const QList<Answer>& answers() const { return m_answers; }
    // The answers since the last call, which are then forgotten.
    QList<Answer> takeAnswers();
    int skipped() const { return m_skipped; }

private:
    void tick();

    QList<QUrl> m_urls;
    bool m_closeConnections;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    qsizetype m_next = 0;
    int m_inFlight = 0;
    int m_skipped = 0;
    QList<Answer> m_answers;
};

} // namespace avld::bench
