#pragma once

#include "rawexchange.h"
#include "soakrequests.h"

#include <QList>
#include <QMap>
#include <QString>

namespace avld::bench {

// What the service answered each kind of request of the soak, as this process asks each kind once per row
// (wrk cannot tell which answer belongs to which kind), and the table of kinds at the end.
class ProbeTally {
public:
    explicit ProbeTally(QList<RequestKind> kinds);

    // One request of each kind, in the order of the kinds; `round` picks the target and names the new stream.
    QList<QByteArray> requests(int round, quint16 nginxPort, const QByteArray& prefix) const;
    // Their answers, in the same order.
    void add(const QList<RawAnswer>& answers);

    int unexpected() const;
    // kind, sent by wrk (and its share), expected, answers seen (UNEXPECTED ones marked), the last reason.
    void print(const SoakCounts& sent) const;

    // "404", "200 image (hit)", "closed without an answer", ...
    static QString outcomeOf(const RawAnswer& answer);

private:
    QList<RequestKind> m_kinds;
    QMap<QString, QMap<QString, int>> m_outcomes; // kind -> outcome -> count
    QMap<QString, int> m_unexpected;
    QMap<QString, QString> m_reasons; // the last X-Avld-Reason
};

} // namespace avld::bench
