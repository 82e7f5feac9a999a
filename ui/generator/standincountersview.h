#pragma once

#include "generator/standinstats.h"

#include <QTableWidget>

namespace avld {

// The stand-in's counters since its start, one per row: requests and their outcomes, cache hits, grabs and
// their failures by reason, what is tracked and waiting now, and the latency of the last second.
class StandInCountersView : public QTableWidget {
    Q_OBJECT
public:
    explicit StandInCountersView(QWidget* parent = nullptr);

    void setStats(const StandInStats& stats);
    void clearStats();
    // The value shown in the row called `name` ("Requests", "Cache hits", "Grab failures: timeout", …).
    QString value(const QString& name) const;

private:
    void setRow(int row, const QString& name, const QString& value);

    double m_p50Ms = -1; // the last second with requests
    double m_p99Ms = -1;
};

} // namespace avld
