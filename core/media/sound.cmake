# owned by one line of work
# The sound of a live from its HLS segment (issue #17).
target_sources(avld_core PRIVATE
  media/soundmeter.h media/soundmeter.cpp
  media/soundlevels.h media/soundlevels.cpp
)
