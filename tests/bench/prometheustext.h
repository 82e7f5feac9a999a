#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

// The service's /metrics (Prometheus text format) read back, and what Prometheus would compute from two
// scrapes of it.
namespace avld::bench {

// Sample name with its labels as written ("avld_x_total{reason=\"y\"}") -> value.
using Metrics = QMap<QString, double>;

Metrics parseMetrics(const QByteArray& text);

double increase(const Metrics& before, const Metrics& after, const QString& key);

// The increase of every sample of `name` by the value of its label `label` (summed over its other labels).
QMap<QString, double> increaseByLabel(const Metrics& before, const Metrics& after, const QString& name,
                                      const QString& label);

// Like Prometheus' histogram_quantile over the increase between two scrapes: linear within the bucket.
double histogramQuantile(const Metrics& before, const Metrics& after, const QString& name, double q);

} // namespace avld::bench
