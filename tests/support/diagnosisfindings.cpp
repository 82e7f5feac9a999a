#include "diagnosisfindings.h"

#include "site/liveentry.h"

#include <QStringList>

namespace avld::test {

const Finding* findingWithId(const Diagnosis& diagnosis, const QString& id) {
    for (const Finding& finding : diagnosis.findings)
        if (finding.id == id)
            return &finding;
    return nullptr;
}

QString describe(const Diagnosis& diagnosis) {
    QStringList lines;
    for (const Finding& finding : diagnosis.findings)
        lines
            << QStringLiteral("%1 %2: %3").arg(severityName(finding.severity), finding.id, finding.sentence);
    return lines.join(QLatin1Char('\n'));
}

} // namespace avld::test
