# owned by one line of work; see ui/CMakeLists.txt
target_sources(avld_core PRIVATE session/livetile.h session/livetile.cpp)
# cache clears and renews on the encoder: what the session does to the site's caches
target_sources(avld_core PRIVATE
  session/encoderrenew.h session/encoderrenew.cpp
  session/cacheclearjob.h session/cacheclearjob.cpp)
