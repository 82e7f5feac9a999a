# owned by one line of work; see ui/CMakeLists.txt
target_sources(avld_core PRIVATE session/livetile.h session/livetile.cpp)
