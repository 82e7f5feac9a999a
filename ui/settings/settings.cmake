# The Settings page and the tray icon (issue #7).
add_library(avld_ui_settings ${AVLD_LIBRARY_TYPE}
  settings/settingspage.h settings/settingspage.cpp settings/settingspage.ui
  settings/settingeditor.h settings/settingeditor.cpp
  settings/alertchanneldialog.h settings/alertchanneldialog.cpp
  settings/alertssection.h settings/alertssection.cpp
  tray/traynotifier.h tray/traynotifier.cpp
  tray/trayalerts.h tray/trayalerts.cpp
)
target_include_directories(avld_ui_settings PUBLIC
  ${CMAKE_CURRENT_SOURCE_DIR}/settings ${CMAKE_CURRENT_SOURCE_DIR}/tray)
target_link_libraries(avld_ui_settings PUBLIC avld_core Qt6::Widgets PUBLIC avld_ui_i18n PRIVATE avld_ui_log)
target_link_libraries(avld_ui PUBLIC avld_ui_settings)
