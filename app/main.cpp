#include "guistartup.h"
#include "headlessmain.h"

#include <optional>

// avideo-live-doctor: the window by default, and the headless commands as avideo-live-doctor-nox runs them
// (noxmain.cpp), for compatibility; servers and cron should run that one, which loads no window libraries.
int main(int argc, char** argv) {
    if (const std::optional<int> exitCode = avld::runCommandLine(argc, argv, avld::Build::WithWindow))
        return *exitCode;
    return avld::runGui(argc, argv);
}
