# owned by one line of work; see ui/CMakeLists.txt
# Animated hover previews of lives (issue #7).
target_sources(avld_core PRIVATE
  session/recentclips.h session/recentclips.cpp
  session/livepreview.h session/livepreview.cpp)
