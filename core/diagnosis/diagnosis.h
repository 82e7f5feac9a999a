#pragma once

#include "diagnosisinput.h"
#include "finding.h"
#include "healthscore.h"

#include <QHash>
#include <QJsonObject>

namespace avld {

// The answer to "why do the lives show cards, and what do I do": the checklist's findings, most serious
// first, a health score for the site and each live, and the one sentence the dashboard also shows.
struct Diagnosis {
    DiagnosisInput input{};
    QList<Finding> findings{}; // findingComesBefore order
    HealthScore site{};
    QHash<QString, HealthScore> lives{}; // by stream key
    QString summary{};                   // the top finding's sentence, as the dashboard words it
    bool cancelled = false;              // the run was stopped before every check ran

    // The worst severity among the findings; Unknown when the run was cancelled before the site was read.
    Severity overall() const;
    // Nagios: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
    int exitCode() const { return int(overall()); }
    QList<Finding> findingsIn(CheckArea area) const;
    QList<Finding> findingsOf(Severity severity) const;
    // Every field a script needs; never the stand-in's secret prefix, passwords or hashes.
    QJsonObject toJson() const;
};

// Walks the checklist over what was gathered. Pure.
Diagnosis diagnose(const DiagnosisInput& input);

} // namespace avld
