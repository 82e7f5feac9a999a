#pragma once

#include "diagnosis/diagnosis.h"

#include <QString>

namespace avld::test {

// The finding with this id in a diagnosis; nullptr when there is none.
const Finding* findingWithId(const Diagnosis& diagnosis, const QString& id);
// Every finding on a line of its own, "severity id: sentence", for a failing test's message.
QString describe(const Diagnosis& diagnosis);

} // namespace avld::test
