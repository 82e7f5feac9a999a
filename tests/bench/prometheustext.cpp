#include "prometheustext.h"

#include <QList>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

namespace avld::bench {

Metrics parseMetrics(const QByteArray& text) {
    Metrics metrics;
    for (const QByteArray& raw : text.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype space = line.lastIndexOf(' ');
        if (space > 0)
            metrics.insert(QString::fromUtf8(line.left(space)), line.mid(space + 1).toDouble());
    }
    return metrics;
}

double increase(const Metrics& before, const Metrics& after, const QString& key) {
    return after.value(key) - before.value(key);
}

QMap<QString, double> increaseByLabel(const Metrics& before, const Metrics& after, const QString& name,
                                      const QString& label) {
    QMap<QString, double> out;
    const QString prefix = name + QLatin1Char('{');
    const QRegularExpression value(QRegularExpression::escape(label) + QStringLiteral("=\"([^\"]*)\""));
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (it.key().startsWith(prefix))
            out[value.match(it.key()).captured(1)] += it.value() - before.value(it.key());
    }
    return out;
}

double histogramQuantile(const Metrics& before, const Metrics& after, const QString& name, double q) {
    QList<std::pair<double, double>> buckets; // upper bound (+Inf last), cumulative count
    const QString prefix = name + QStringLiteral("_bucket{le=\"");
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!it.key().startsWith(prefix))
            continue;
        const QString le = it.key().mid(prefix.size()).chopped(2);
        const double bound =
            le == QStringLiteral("+Inf") ? std::numeric_limits<double>::infinity() : le.toDouble();
        buckets.append({bound, it.value() - before.value(it.key())});
    }
    std::sort(buckets.begin(), buckets.end());
    if (buckets.isEmpty() || buckets.last().second <= 0)
        return std::nan("");
    const double rank = q * buckets.last().second;
    double lowerBound = 0, lowerCount = 0;
    for (const auto& [bound, count] : buckets) {
        if (count >= rank) {
            if (std::isinf(bound))
                return lowerBound;
            if (count <= lowerCount)
                return bound;
            return lowerBound + (bound - lowerBound) * (rank - lowerCount) / (count - lowerCount);
        }
        lowerBound = bound;
        lowerCount = count;
    }
    return lowerBound;
}

} // namespace avld::bench
