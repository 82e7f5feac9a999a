#pragma once

namespace avld {

// Runs the window: the last site used, else the local demo site ($AVLD_DEMO_INFO, written by
// scripts/run.sh), else an empty window that asks for a site.
int runGui(int argc, char** argv);

} // namespace avld
