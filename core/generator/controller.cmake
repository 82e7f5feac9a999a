# owned by one line of work
# The stand-in service for the GUI: runs ThumbnailService on a worker thread, samples its metrics.
target_sources(avld_core PRIVATE
  generator/standinstats.h generator/standinstats.cpp
  generator/standinworker.h generator/standinworker.cpp
  generator/standincontroller.h generator/standincontroller.cpp)
