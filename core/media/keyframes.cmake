# owned by one line of work; see ui/CMakeLists.txt
# Keyframe interval of a stream (issue #7).
target_sources(avld_core PRIVATE
  media/keyframescan.h media/keyframescan.cpp
)
