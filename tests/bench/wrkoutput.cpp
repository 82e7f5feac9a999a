#include "wrkoutput.h"

#include <QRegularExpression>

namespace avld::bench {

double wrkTimeToMs(const QString& number, const QString& unit) {
    const double value = number.toDouble();
    if (unit == QStringLiteral("us"))
        return value / 1000.0;
    if (unit == QStringLiteral("s"))
        return value * 1000.0;
    if (unit == QStringLiteral("m"))
        return value * 60'000.0;
    if (unit == QStringLiteral("h"))
        return value * 3'600'000.0;
    return value;
}

WrkResult parseWrk(const QString& out) {
    WrkResult r;
    static const QString unit = QStringLiteral("([0-9.]+)(us|ms|s|m|h)");
    const QRegularExpression percentileLine(QStringLiteral("^\\s*(50|75|90|99)%\\s+") + unit +
                                                QStringLiteral("\\s*$"),
                                            QRegularExpression::MultilineOption);
    for (auto it = percentileLine.globalMatch(out); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        r.latencyMs.insert(m.captured(1).toInt(), wrkTimeToMs(m.captured(2), m.captured(3)));
    }
    const QRegularExpressionMatch latency =
        QRegularExpression(QStringLiteral("Latency\\s+") + unit + QStringLiteral("\\s+") + unit +
                           QStringLiteral("\\s+") + unit)
            .match(out);
    if (latency.hasMatch()) {
        r.avgMs = wrkTimeToMs(latency.captured(1), latency.captured(2));
        r.maxMs = wrkTimeToMs(latency.captured(5), latency.captured(6));
    }
    const QRegularExpressionMatch total =
        QRegularExpression(QStringLiteral("(\\d+) requests in ") + unit + QStringLiteral(", (\\S+) read"))
            .match(out);
    if (total.hasMatch()) {
        r.requests = total.captured(1).toLongLong();
        r.seconds = wrkTimeToMs(total.captured(2), total.captured(3)) / 1000.0;
        r.readVolume = total.captured(4);
    }
    const QRegularExpressionMatch errors =
        QRegularExpression(
            QStringLiteral("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)"))
            .match(out);
    if (errors.hasMatch()) {
        r.connectErrors = errors.captured(1).toLongLong();
        r.readErrors = errors.captured(2).toLongLong();
        r.writeErrors = errors.captured(3).toLongLong();
        r.timeouts = errors.captured(4).toLongLong();
    }
    const QRegularExpressionMatch non2xx =
        QRegularExpression(QStringLiteral("Non-2xx or 3xx responses: (\\d+)")).match(out);
    if (non2xx.hasMatch())
        r.non2xx = non2xx.captured(1).toLongLong();
    const QRegularExpressionMatch rps =
        QRegularExpression(QStringLiteral("Requests/sec:\\s+([0-9.]+)")).match(out);
    if (rps.hasMatch())
        r.requestsPerSecond = rps.captured(1).toDouble();
    r.parsed = rps.hasMatch() && r.latencyMs.contains(99);
    return r;
}

} // namespace avld::bench
