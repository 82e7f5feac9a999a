#pragma once

#include "diagnosis/diagnosis.h"

#include <QString>

namespace avld {

// The diagnosis for a terminal: the verdict and score, then each finding that needs something done, most
// serious first, with its action and evidence, then the checklist items that passed, one line each.
QString diagnosisText(const Diagnosis& diagnosis);

} // namespace avld
