# The Encoders page (issue #7): table of the watched encoders, details, history chart.
add_library(avld_ui_encoders ${AVLD_LIBRARY_TYPE}
  encoders/encoderstatestyle.h encoders/encoderstatestyle.cpp
  encoders/encodercelltext.h encoders/encodercelltext.cpp
  encoders/encoderstablemodel.h encoders/encoderstablemodel.cpp
  encoders/encoderhistorychart.h encoders/encoderhistorychart.cpp
  encoders/addencoderdialog.h encoders/addencoderdialog.cpp
  encoders/encoderdetailspanel.h encoders/encoderdetailspanel.cpp
  encoders/encoderspage.h encoders/encoderspage.cpp
)
target_include_directories(avld_ui_encoders PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/encoders)
target_link_libraries(avld_ui_encoders PUBLIC avld_core avld_ui_theme Qt6::Widgets Qt6::Charts)
target_link_libraries(avld_ui PUBLIC avld_ui_encoders)
