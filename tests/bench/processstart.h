#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// What starting a program costs, for bench_startup: one timed run, and what the dynamic loader maps and does
// (ldd, LD_DEBUG=files and LD_DEBUG=statistics, glibc's).
namespace avld::bench {

struct ProcessRun {
    double wallMs = 0; // from posix_spawn() to the child reaped: the whole process as a caller waits for it
    double cpuMs = 0;  // the child's user + system time (wait4)
    int exitCode = -1; // -1: it did not exit normally, or could not start
};

// Runs `command` (the program first, looked up in PATH) with stdin and stdout on /dev/null and stderr into
// `errorFile` (/dev/null when empty); `environment` entries ("NAME=value") are added to this process's.
ProcessRun runProcess(const QStringList& command, const QStringList& environment = {},
                      const QString& errorFile = {});

// The shared objects the loader maps before main(), in its order (ldd; the vDSO left out).
struct SharedObject {
    QString soname;
    QString path;
};
QList<SharedObject> linkedLibraries(const QString& file);
QString pathOf(const QList<SharedObject>& objects, const QString& soname); // empty when not there
// A file's own DT_NEEDED entries, in order (objdump -p).
QStringList neededLibraries(const QString& file);

// Shared objects initialised during a whole run of `command`, those it dlopen()s included (LD_DEBUG=files).
int initialisedObjects(const QStringList& command, const QString& scratchDir);

// The dynamic loader's relocations at start (LD_DEBUG=statistics). Its time figures are left out: glibc's
// cycle counts are several times below the wall time on this machine (a callgrind profile puts 93 % of a
// start's instructions in _dl_relocate_object), while the counts are exact.
struct LoaderStatistics {
    qint64 relocations = -1; // symbol relocations: each a lookup through the global scope
    qint64 relativeRelocations = -1;
};
LoaderStatistics loaderStatistics(const QStringList& command, const QString& scratchDir);

} // namespace avld::bench
