# the app's session: the site, its checks and what they mean
target_sources(avld_core PRIVATE session/siteoverview.h session/siteoverview.cpp)
target_sources(avld_core PRIVATE session/sitesession.h session/sitesession.cpp)
target_sources(avld_core PRIVATE session/livehistory.h session/livehistory.cpp)
target_sources(avld_core PRIVATE session/siteworkspace.h session/siteworkspace.cpp)
