# owned by one line of work
# Each live's followed sound and picture kept per site on disk, across `diagnose` runs and window restarts.
target_sources(avld_core PRIVATE
  site/statejson.h
  session/followedlivesstore.h session/followedlivesstore.cpp
)
