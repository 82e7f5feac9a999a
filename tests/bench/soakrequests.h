#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QUrl>

// What bench_soak sends the service: AVideo's requests for the real streams and the kinds of hostile request
// mixed in, each with the answers the service may give it; as a wrk script, and one at a time.
namespace avld::bench {

struct RequestKind {
    QString name;
    QString expected;      // for a person
    QList<int> acceptable; // HTTP statuses the service may answer with; 0: closes without an answer
    QByteArray method = "GET";
    QList<QByteArray> targets; // one at random per request; empty: a new stream nobody asked for before
    QByteArray body;
    int weight = 10; // among the hostile kinds
};

// The first kind is the legitimate one (jpg of the real streams), the others hostile. `prefix` is the
// service's secret prefix ("/SECRET/"); `nginxPort` serves the real streams on 127.0.0.1, the only host
// allowed.
QList<RequestKind> soakRequestKinds(const QByteArray& prefix, const QList<QUrl>& streams, quint16 nginxPort);

// A stream URL on the allowed host that was never asked for and does not exist: "…/live/flood-ID.m3u8".
QByteArray floodTarget(const QByteArray& prefix, quint16 nginxPort, const QByteArray& id);

// A wrk script: the legitimate kind, or (hostilePercent % of requests) a hostile kind at random by weight,
// each connection waiting `delayMs` between requests (0: none). At the end it prints "soak-sent KIND N" and
// "soak-status CODE N" lines (parseSoakCounts).
QString wrkSoakScript(const QList<RequestKind>& kinds, const QByteArray& prefix, quint16 nginxPort,
                      int hostilePercent, int delayMs);

struct SoakCounts {
    QMap<QString, qint64> sentByKind;
    QMap<int, qint64> answersByStatus;
};
SoakCounts parseSoakCounts(const QString& wrkOutput);

// The whole request, `Connection: close`; the flood kind gets `floodId` in its stream URL.
QByteArray rawRequest(const RequestKind& kind, qsizetype targetIndex, quint16 nginxPort,
                      const QByteArray& prefix, const QByteArray& floodId);

} // namespace avld::bench
