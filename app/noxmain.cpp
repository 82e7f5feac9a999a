#include "headlessmain.h"

// avideo-live-doctor-nox: the headless commands of avideo-live-doctor (the same parsing, output and exit
// codes: headlessmain.cpp) without the window. It links avld_cli and through it avld_core only, none of the
// window's libraries (Widgets, Multimedia, Charts, GStreamer through QtMultimedia) nor Qt Gui (its reports
// are HTML; it installs no PDF printer, so a .pdf is refused), so it starts several times faster
// (tests/bench/bench_startup.cpp); the test nox_links_no_window_libraries keeps it so.
int main(int argc, char** argv) {
    return avld::runCommandLine(argc, argv, avld::Build::Headless).value_or(avld::ExitCode::Usage);
}
