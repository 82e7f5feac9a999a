# The in-memory log behind the Log page (issue #7).
target_sources(avld_core PRIVATE common/logbuffer.h common/logbuffer.cpp)
