#pragma once

#include "idleconnections.h"
#include "imagefetch.h"
#include "prometheustext.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <cmath>

namespace avld::bench {

// One row of the soak: what was measured of the service over a sampling window, and how it is printed.
struct SoakWindow {
    double endSeconds = 0; // since the load started
    double seconds = 0;
    qint64 rssKiB = -1;
    int descriptors = -1;
    int threads = -1;
    double cpuMs = -1;
    double machineIdle = std::nan(""); // share of the machine's CPU time left idle
    Metrics metrics;                   // the scrape at the window's end
    QJsonObject health;                // /healthz then
    QList<Answer> legit;               // the AVideo-like sampler's answers in the window
    IdleConnections::Counts idle;

    qint64 healthNumber(const char* key) const;
};

QJsonObject healthOf(const QString& baseUrl);
// A number of /healthz; -1 when it is not there.
qint64 healthNumber(const QJsonObject& health, const char* key);

// Why an answer to an AVideo-like request is not a picture ("HTTP 503", "200 with an empty body", ...);
// empty when it is one.
QString legitFailure(const Answer& answer);

// The column titles; printSoakWindow() prints the values with the same widths.
void printSoakHeader();
// Rates are the increase since `previous`.
void printSoakWindow(const SoakWindow& window, const SoakWindow& previous);

// Least squares, in MiB per hour, of the RSS of the windows from `from` on; NaN for fewer than 3.
double rssSlopeMiBPerHour(const QList<SoakWindow>& windows, qsizetype from);

} // namespace avld::bench
