#include "benchfigures.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace avld::bench {

double percentile(QList<double> values, double p) {
    if (values.isEmpty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const double rank = p * double(values.size() - 1);
    const auto lo = qsizetype(rank);
    const auto hi = qMin(lo + 1, values.size() - 1);
    return values[lo] + (values[hi] - values[lo]) * (rank - double(lo));
}

QString ms(double value, int decimals) {
    return std::isnan(value) ? QStringLiteral("n/a") : QStringLiteral("%1 ms").arg(value, 0, 'f', decimals);
}

QString sec(double valueMs) {
    return std::isnan(valueMs) ? QStringLiteral("n/a")
                               : QStringLiteral("%1 s").arg(valueMs / 1000.0, 0, 'f', 2);
}

QString percentOfCore(double cpuMs, double wallMs) {
    return cpuMs < 0 ? QStringLiteral("n/a") : QStringLiteral("%1 %").arg(100.0 * cpuMs / wallMs, 0, 'f', 1);
}

QString countList(const QMap<QString, double>& counts) {
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() != 0)
            parts << QStringLiteral("%1 %2").arg(it.key()).arg(qint64(it.value()));
    }
    return parts.join(QStringLiteral(", "));
}

void row(const char* label, const QString& value) {
    std::printf("  %-46s %s\n", label, qPrintable(value));
}

} // namespace avld::bench
