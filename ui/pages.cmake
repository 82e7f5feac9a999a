# The dashboard and cache pages and the window's wiring of core to the pages.
add_library(avld_ui_pages ${AVLD_LIBRARY_TYPE}
  dashboard/dashboardpage.h dashboard/dashboardpage.cpp
  cache/cachepage.h cache/cachepage.cpp
  diagnose/severitycolour.h diagnose/severitycolour.cpp
  diagnose/diagnosepage.h diagnose/diagnosepage.cpp
  wizard/sitewizard.h wizard/sitewizard.cpp
  livedetail/livedetailwindow.h livedetail/livedetailwindow.cpp
  livedetail/livevideoview.h livedetail/livevideoview.cpp
  livedetail/thumbnailtimestrip.h livedetail/thumbnailtimestrip.cpp)
target_include_directories(avld_ui_pages PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/dashboard ${CMAKE_CURRENT_SOURCE_DIR}/cache ${CMAKE_CURRENT_SOURCE_DIR}/diagnose
  ${CMAKE_CURRENT_SOURCE_DIR}/wizard ${CMAKE_CURRENT_SOURCE_DIR}/livedetail)
target_link_libraries(avld_ui_pages PUBLIC avld_core avld_bitmap_qt avld_report_pdf avld_ui_theme Qt6::Widgets Qt6::Charts Qt6::Concurrent)
target_link_libraries(avld_ui PUBLIC avld_ui_pages)
# The window's wiring needs every page library: it joins avld_ui itself.
target_sources(avld_ui PRIVATE workspace.h workspace.cpp)
# The sites the window can show, and switching between them.
target_sources(avld_ui PRIVATE profiles/siteswitcher.h profiles/siteswitcher.cpp)
target_include_directories(avld_ui PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/profiles)
