# Verdicts that hold on a real site: remote text cleaned, columns that fit, a poster told from a frame.
target_sources(avld_core PRIVATE
  common/remotetext.h common/remotetext.cpp
  common/htmlentities.h common/htmlentities.cpp
  common/textcolumns.h common/textcolumns.cpp
  site/posterevidence.h site/posterevidence.cpp)
# what a live's visitors see, as a score (the tiles, the diagnosis)
target_sources(avld_core PRIVATE site/livehealth.h site/livehealth.cpp)
# the site's own status: its AVideo version (the diagnosis)
target_sources(avld_core PRIVATE site/sitestatus.h site/sitestatus.cpp)
# HTML 4's named character references, from libxml2's table (Qt's only table is in Qt Gui's HTML reader).
target_link_libraries(avld_core PRIVATE PkgConfig::LIBXML2)
