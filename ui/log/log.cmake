# The Log page (issue #7): the process's log records, filtered, copied and exported.
add_library(avld_ui_log ${AVLD_LIBRARY_TYPE}
  log/logcolors.h log/logcolors.cpp
  log/logmodel.h log/logmodel.cpp
  log/logfiltermodel.h log/logfiltermodel.cpp
  log/logpage.h log/logpage.cpp
)
target_include_directories(avld_ui_log PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/log)
target_link_libraries(avld_ui_log PUBLIC avld_core Qt6::Widgets)
target_link_libraries(avld_ui PUBLIC avld_ui_log)
