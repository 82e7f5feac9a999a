#pragma once

#include "diagnosis/diagnosisrun.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace avld {
class SiteWorkspace;
}

namespace avld::test {

// What a run of one of our programs printed and how it ended.
struct CommandRun {
    int exitCode = -1; // -1: crashed or killed at the timeout
    QString out;
    QString err;
};

// Runs `program arguments…` to its end with its own account under `home` (HOME, XDG_CONFIG_HOME and
// XDG_DATA_HOME): the settings, history and followed lives it keeps are the test's, never the tester's.
CommandRun runProgramAt(const QString& home, const QString& program, const QStringList& arguments,
                        int timeoutMs = 90000);

// One diagnosis of `site` (the window's way: its workspace, checked anew); nothing when it did not end.
std::optional<Diagnosis> diagnoseOnce(SiteWorkspace& site, DiagnosisRun::Options options = {},
                                      int timeoutMs = 150000);

// Checks the site once more through its workspace; false when no check ended within the timeout.
bool checkOnceMore(SiteWorkspace& site, int timeoutMs = 60000);

// The row of `check`'s table for the live titled `title` (its line starts with two spaces and the title).
QString tableRow(const QString& out, const QString& title);

} // namespace avld::test
