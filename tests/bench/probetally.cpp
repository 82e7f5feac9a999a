#include "probetally.h"

#include <cstdio>

namespace avld::bench {

ProbeTally::ProbeTally(QList<RequestKind> kinds)
    : m_kinds(std::move(kinds)) {}

QList<QByteArray> ProbeTally::requests(int round, quint16 nginxPort, const QByteArray& prefix) const {
    QList<QByteArray> requests;
    for (const RequestKind& kind : m_kinds)
        requests << rawRequest(kind, round, nginxPort, prefix, "probe-" + QByteArray::number(round));
    return requests;
}

void ProbeTally::add(const QList<RawAnswer>& answers) {
    for (qsizetype i = 0; i < m_kinds.size() && i < answers.size(); ++i) {
        const RequestKind& kind = m_kinds.at(i);
        const RawAnswer& answer = answers.at(i);
        ++m_outcomes[kind.name][outcomeOf(answer)];
        if (!kind.acceptable.contains(answer.status))
            ++m_unexpected[kind.name];
        if (!answer.reason.isEmpty())
            m_reasons[kind.name] = QString::fromUtf8(answer.reason);
    }
}

int ProbeTally::unexpected() const {
    int total = 0;
    for (const int n : m_unexpected)
        total += n;
    return total;
}

QString ProbeTally::outcomeOf(const RawAnswer& answer) {
    if (answer.status == 0)
        return answer.error.isEmpty() ? QStringLiteral("closed without an answer") : answer.error;
    QString text = QString::number(answer.status);
    if (answer.status == 200)
        text += answer.bodyBytes > 0 ? QStringLiteral(" image") : QStringLiteral(" empty");
    if (!answer.cacheState.isEmpty())
        text += QStringLiteral(" (%1)").arg(QString::fromLatin1(answer.cacheState));
    return text;
}

void ProbeTally::print(const SoakCounts& sent) const {
    std::printf(
        "\nrequests by kind (sent: counted by wrk's Lua; answers seen: the same kind asked once per row by "
        "this process)\n");
    std::printf("  %-17s %9s %6s  %-38s %s\n", "kind", "sent", "share", "expected", "answers seen");
    qint64 sentTotal = 0;
    for (const qint64 n : sent.sentByKind)
        sentTotal += n;
    for (const RequestKind& kind : m_kinds) {
        const qint64 count = sent.sentByKind.value(kind.name);
        QStringList seen;
        const QMap<QString, int> outcomes = m_outcomes.value(kind.name);
        for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
            seen << QStringLiteral("%1 x%2").arg(it.key()).arg(it.value());
        const int unexpected = m_unexpected.value(kind.name);
        if (unexpected > 0)
            seen << QStringLiteral("UNEXPECTED x%1").arg(unexpected);
        std::printf("  %-17s %9lld %5.1f%%  %-38s %s\n", qPrintable(kind.name), qlonglong(count),
                    sentTotal > 0 ? 100.0 * double(count) / double(sentTotal) : 0.0,
                    qPrintable(kind.expected), qPrintable(seen.join(QStringLiteral(", "))));
        if (m_reasons.contains(kind.name))
            std::printf("  %-17s %9s %6s  %-38s reason: %s\n", "", "", "", "",
                        qPrintable(m_reasons.value(kind.name).left(70)));
    }
}

} // namespace avld::bench
