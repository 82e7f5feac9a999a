# Where a site's streams are: found from the site (watch pages, the Live plugin's options), never guessed.
target_sources(avld_core PRIVATE
  site/mediaserver.h site/mediaserver.cpp
  site/watchpage.h site/watchpage.cpp
  site/liveplugininfo.h site/liveplugininfo.cpp
  site/mediaserverresolver.h site/mediaserverresolver.cpp)
