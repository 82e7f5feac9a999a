// Start-up of the programs (issue #17, "Start fast"), measured side by side, interleaved, in one run:
//   - a start that does nothing: `avideo-live-doctor --version` (links the window: Widgets, Multimedia,
//   Charts,
//     GStreamer), `avideo-live-doctor-nox --version` (the headless commands only) and `ffmpeg -version`;
//   - a whole thumbnail process: `grab URL -o x.jpg` with each program against the command AVideo's encoder
//     runs (`ffmpeg -i URL -f image2 -vf scale=...,pad=... -vframes 1 out.jpg`, as bench_grab) on the same
//     live nginx-rtmp HLS stream (test::StreamStack);
//   - what the dynamic loader does for each: shared objects mapped before main() (ldd), initialised in a
//   whole
//     run (LD_DEBUG=files, dlopen()ed plugins included), its own time and relocations (LD_DEBUG=statistics);
//   - where the headless program's start goes: each library it links, loaded alone into /bin/true
//     (LD_PRELOAD), with the tree it pulls in; the same for the libraries only the window's program links.
// Wall time is from posix_spawn() to the child reaped. Other builds may share the cores: the load is printed.
// Usage: bench_startup [--runs N]

#include "benchfigures.h"
#include "processstart.h"
#include "procstats.h"
#include "streamstack.h"

#include <QCoreApplication>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>

using namespace avld;
using namespace avld::bench;

namespace {

const QString kScalePad =
    QStringLiteral("scale=640:360:force_original_aspect_ratio=decrease,pad=640:360:(ow-iw)/2:(oh-ih)/2");
const QString kWindowProgram = QStringLiteral(AVLD_PROGRAM);
const QString kHeadlessProgram = QStringLiteral(AVLD_NOX_PROGRAM);
const double kStartTargetMs = 50;    // "a few tens of milliseconds"
const double kGrabTargetRatio = 1.5; // whole-process grab against the ffmpeg program

struct Case {
    QString label;
    QStringList command;
    QStringList environment;
    QString output; // a file the command must write (removed before each run)
    QList<double> wall;
    QList<double> cpu;
};

// Runs every case `runs` times, interleaved (each round starts one case further on). Fails on a wrong exit.
bool measure(QList<Case>& cases, int runs, const QString& errorFile) {
    for (int run = -1; run < runs; ++run) { // round -1 warms the page cache and is not counted
        for (qsizetype i = 0; i < cases.size(); ++i) {
            Case& c = cases[(i + qMax(run, 0)) % cases.size()];
            if (!c.output.isEmpty())
                QFile::remove(c.output);
            const ProcessRun r = runProcess(c.command, c.environment, errorFile);
            if (r.exitCode != 0 || (!c.output.isEmpty() && !QFile::exists(c.output))) {
                QFile error(errorFile);
                error.open(QIODevice::ReadOnly);
                std::fprintf(stderr, "bench_startup: %s failed (exit %d): %s\n", qPrintable(c.label),
                             r.exitCode, error.readAll().right(800).constData());
                return false;
            }
            if (run >= 0) {
                c.wall << r.wallMs;
                c.cpu << r.cpuMs;
            }
        }
    }
    return true;
}

double median(const QList<double>& values) {
    return percentile(values, 0.5);
}

void printCases(const QList<Case>& cases) {
    std::printf("%-46s %10s %10s %10s\n", "", "median", "p90", "CPU med.");
    for (const Case& c : cases)
        std::printf("%-46s %7.1f ms %7.1f ms %7.1f ms\n", qPrintable(c.label), median(c.wall),
                    percentile(c.wall, 0.9), median(c.cpu));
}

// Loads each library alone into /bin/true: what it and the tree it pulls in cost any process that links it.
void printLibraryCosts(const QString& title, const QStringList& sonames, const QList<SharedObject>& objects,
                       int runs, const QString& errorFile) {
    QList<Case> cases{{QStringLiteral("/bin/true"), {QStringLiteral("/bin/true")}, {}, {}, {}, {}}};
    for (const QString& soname : sonames) {
        const QString path = pathOf(objects, soname);
        if (!path.isEmpty())
            cases << Case{
                soname, {QStringLiteral("/bin/true")}, {QStringLiteral("LD_PRELOAD=") + path}, {}, {}, {}};
    }
    if (!measure(cases, runs, errorFile))
        return;
    const double base = median(cases.first().wall);
    std::printf("\n%s\n%-46s %12s %12s\n", qPrintable(title), "library (LD_PRELOAD into /bin/true)",
                "objects", "added wall");
    for (qsizetype i = 1; i < cases.size(); ++i) {
        const qsizetype tree = linkedLibraries(pathOf(objects, cases[i].label)).size();
        std::printf("%-46s %12lld %9.1f ms\n", qPrintable(cases[i].label), qint64(tree),
                    median(cases[i].wall) - base);
    }
    std::printf("%-46s %12s %9.1f ms\n", "(/bin/true itself: spawn, exec, exit)", "", base);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int runs = 20;
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--runs")); i > 0 && i + 1 < args.size())
        runs = qBound(3, args.at(i + 1).toInt(), 500);

    QTemporaryDir scratch;
    const QString errorFile = scratch.filePath(QStringLiteral("stderr.txt"));
    test::StreamStack stack;
    if (const Status failed = stack.start(); !failed.ok()) {
        std::fprintf(stderr, "bench_startup: %s\n", qPrintable(failed.error().toString()));
        return 1;
    }
    if (const Status failed = stack.publish({.key = QStringLiteral("bench")}, 30000, 3); !failed.ok()) {
        std::fprintf(stderr, "bench_startup: %s\n", qPrintable(failed.error().toString()));
        return 1;
    }
    const QString url = stack.hlsUrl(QStringLiteral("bench")).toString();
    std::printf("programs: %s, %s\nstream: %s (1280x720 25 fps, 2 s segments), %d interleaved runs each\n"
                "load at start: %s; LD_BIND_NOW %s\n",
                qPrintable(kWindowProgram), qPrintable(kHeadlessProgram), qPrintable(url), runs,
                qPrintable(loadText(loadAverages())),
                qEnvironmentVariableIsSet("LD_BIND_NOW") ? "is set" : "is not set");

    const auto grab = [&](const QString& program, const QString& file) {
        return QStringList{program, QStringLiteral("grab"), url, QStringLiteral("-o"),
                           scratch.filePath(file)};
    };
    const QStringList ffmpegGrab{QStringLiteral("ffmpeg"),
                                 QStringLiteral("-i"),
                                 url,
                                 QStringLiteral("-f"),
                                 QStringLiteral("image2"),
                                 QStringLiteral("-vf"),
                                 kScalePad,
                                 QStringLiteral("-vframes"),
                                 QStringLiteral("1"),
                                 QStringLiteral("-y"),
                                 scratch.filePath(QStringLiteral("program.jpg"))};
    const QList<SharedObject> noxObjects = linkedLibraries(kHeadlessProgram);
    QStringList noxFiles; // for LD_PRELOAD, in the loader's order; the loader itself is there anyway
    for (const SharedObject& o : noxObjects) {
        if (!o.path.contains(QStringLiteral("/ld-linux")))
            noxFiles << o.path;
    }

    QList<Case> cases;
    const auto add = [&cases](const QString& label, const QStringList& command,
                              const QStringList& environment = {}, const QString& output = {}) {
        cases << Case{label, command, environment, output, {}, {}};
        return cases.size() - 1;
    };
    const qsizetype bareTrue =
        add(QStringLiteral("/bin/true (spawn, exec, exit)"), {QStringLiteral("/bin/true")});
    const qsizetype loadedTrue =
        add(QStringLiteral("/bin/true with the -nox's %1 libraries").arg(noxFiles.size()),
            {QStringLiteral("/bin/true")}, {QStringLiteral("LD_PRELOAD=") + noxFiles.join(QLatin1Char(' '))});
    const qsizetype windowVersion =
        add(QStringLiteral("avideo-live-doctor --version"), {kWindowProgram, QStringLiteral("--version")});
    const qsizetype noxVersion = add(QStringLiteral("avideo-live-doctor-nox --version"),
                                     {kHeadlessProgram, QStringLiteral("--version")});
    const qsizetype ffmpegVersion =
        add(QStringLiteral("ffmpeg -version"), {QStringLiteral("ffmpeg"), QStringLiteral("-version")});
    const qsizetype windowGrab = add(QStringLiteral("avideo-live-doctor grab URL -o x.jpg"),
                                     grab(kWindowProgram, QStringLiteral("window.jpg")), {},
                                     scratch.filePath(QStringLiteral("window.jpg")));
    const qsizetype noxGrab = add(QStringLiteral("avideo-live-doctor-nox grab URL -o x.jpg"),
                                  grab(kHeadlessProgram, QStringLiteral("nox.jpg")), {},
                                  scratch.filePath(QStringLiteral("nox.jpg")));
    const qsizetype noxKeyframe =
        add(QStringLiteral("  the same, --first-keyframe"),
            grab(kHeadlessProgram, QStringLiteral("keyframe.jpg")) << QStringLiteral("--first-keyframe"), {},
            scratch.filePath(QStringLiteral("keyframe.jpg")));
    const qsizetype ffmpegGrabCase = add(QStringLiteral("ffmpeg -i URL ... -vframes 1 out.jpg"), ffmpegGrab,
                                         {}, scratch.filePath(QStringLiteral("program.jpg")));
    if (!measure(cases, runs, errorFile))
        return 1;
    std::printf("\nwhole processes, wall time from spawn to reaped\n");
    printCases(cases);

    const auto at = [&cases](qsizetype i) { return median(cases[i].wall); };
    std::printf("\n%-46s %9.1fx\n", "--version: window's / headless program",
                at(windowVersion) / at(noxVersion));
    std::printf("%-46s %9.1fx\n", "grab: window's / headless program", at(windowGrab) / at(noxGrab));
    std::printf("%-46s %9.1fx\n", "grab: ffmpeg program / window's program",
                at(ffmpegGrabCase) / at(windowGrab));
    std::printf("%-46s %9.1fx\n", "grab: ffmpeg program / headless program",
                at(ffmpegGrabCase) / at(noxGrab));
    std::printf("%-46s %9.1fx\n", "grab: ffmpeg program / headless, first keyframe",
                at(ffmpegGrabCase) / at(noxKeyframe));
    std::printf("%-46s %7.1f ms\n", "headless --version: loading its libraries",
                at(loadedTrue) - at(bareTrue));
    std::printf("%-46s %7.1f ms\n", "headless --version: the rest (main() and exit)",
                at(noxVersion) - at(loadedTrue));
    std::printf("%-46s %7.1f ms\n", "grab's work (headless grab - its --version)",
                at(noxGrab) - at(noxVersion));
    std::printf("%-46s %7.1f ms\n", "  first keyframe", at(noxKeyframe) - at(noxVersion));
    std::printf("%-46s %7.1f ms\n", "ffmpeg's work (its grab - its -version)",
                at(ffmpegGrabCase) - at(ffmpegVersion));

    // What the loader does for each program.
    struct Program {
        const char* name;
        QString file;
        QStringList version;
        QStringList grab;
    };
    const QList<Program> programs{
        {"avideo-live-doctor",
         kWindowProgram,
         {kWindowProgram, QStringLiteral("--version")},
         grab(kWindowProgram, QStringLiteral("window.jpg"))},
        {"avideo-live-doctor-nox",
         kHeadlessProgram,
         {kHeadlessProgram, QStringLiteral("--version")},
         grab(kHeadlessProgram, QStringLiteral("nox.jpg"))},
        {"ffmpeg",
         QStandardPaths::findExecutable(QStringLiteral("ffmpeg")),
         {QStringLiteral("ffmpeg"), QStringLiteral("-version")},
         ffmpegGrab},
    };
    std::printf("\n%-24s %8s %10s %10s %12s %12s\n", "dynamic loader", "ldd", "init'd", "init'd", "symbol",
                "relative");
    std::printf("%-24s %8s %10s %10s %12s %12s\n", "", "objects", "--version", "grab", "relocations",
                "relocations");
    for (const Program& p : programs) {
        const LoaderStatistics s = loaderStatistics(p.version, scratch.path());
        std::printf("%-24s %8lld %10d %10d %12lld %12lld\n", p.name, qint64(linkedLibraries(p.file).size()),
                    initialisedObjects(p.version, scratch.path()), initialisedObjects(p.grab, scratch.path()),
                    s.relocations, s.relativeRelocations);
    }

    // Where the headless program's start goes, library by library; then what the window's program adds.
    const QList<SharedObject> windowObjects = linkedLibraries(kWindowProgram);
    const QStringList noxNeeded = neededLibraries(kHeadlessProgram);
    QStringList windowOnly;
    for (const QString& soname : neededLibraries(kWindowProgram)) {
        if (!noxNeeded.contains(soname))
            windowOnly << soname;
    }
    const int libraryRuns = qMax(5, runs / 2);
    printLibraryCosts(QStringLiteral("what avideo-live-doctor-nox links (its DT_NEEDED), one at a time:"),
                      noxNeeded, noxObjects, libraryRuns, errorFile);
    printLibraryCosts(QStringLiteral("what avideo-live-doctor links and -nox does not:"), windowOnly,
                      windowObjects, libraryRuns, errorFile);

    std::printf("\nload at end: %s\n", qPrintable(loadText(loadAverages())));
    std::printf("\ntargets (issue #17):\n");
    std::printf("  --version of the headless program within a few tens of ms (<= %.0f ms): %.1f ms: %s\n",
                kStartTargetMs, at(noxVersion), at(noxVersion) <= kStartTargetMs ? "met" : "NOT met");
    std::printf(
        "  whole-process grab >= %.1fx faster than the ffmpeg program: headless %.2fx (first keyframe "
        "%.2fx), window's %.2fx: %s\n",
        kGrabTargetRatio, at(ffmpegGrabCase) / at(noxGrab), at(ffmpegGrabCase) / at(noxKeyframe),
        at(ffmpegGrabCase) / at(windowGrab),
        at(ffmpegGrabCase) / at(noxGrab) >= kGrabTargetRatio ? "met" : "NOT met");
    return 0;
}
