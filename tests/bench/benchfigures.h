#pragma once

#include <QList>
#include <QMap>
#include <QString>

// Statistics and the printed shape of figures, the same in every report of the service benchmarks.
namespace avld::bench {

// Linear between the closest ranks; NaN for no values.
double percentile(QList<double> values, double p);

// "12.3 ms", "4.56 s", "37.5 %"; "n/a" for NaN (negative CPU time: not measured).
QString ms(double value, int decimals = 1);
QString sec(double valueMs);
QString percentOfCore(double cpuMs, double wallMs);

// "image 120, empty 3": the non-zero counts by name, in the map's order.
QString countList(const QMap<QString, double>& counts);

// One line of a report: the label in a 46-character column, then the value.
void row(const char* label, const QString& value);

} // namespace avld::bench
