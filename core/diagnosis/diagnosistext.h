#pragma once

#include <QCoreApplication>

namespace avld {

// The diagnosis' words for people (findings, evidence, actions), in the language the application loaded:
// the window's. The command line loads no translation, so `diagnose` and its JSON stay English.
struct DiagnosisText {
    Q_DECLARE_TR_FUNCTIONS(DiagnosisText)
};

} // namespace avld
