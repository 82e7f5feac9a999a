# owned by one line of work
# The sound of a live from its HLS segment (issue #17), followed across checks, and what it means.
target_sources(avld_core PRIVATE
  media/soundmeter.h media/soundmeter.cpp
  media/soundlevels.h media/soundlevels.cpp
  site/livesound.h site/livesound.cpp
  session/silencetracker.h session/silencetracker.cpp
  diagnosis/soundchecks.cpp
)
