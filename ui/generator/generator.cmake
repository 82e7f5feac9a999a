# owned by one line of work; see ui/CMakeLists.txt
# The Generator page (issue #7): the stand-in service for AVideo's encoder, run from the GUI.
add_library(avld_ui_generator ${AVLD_LIBRARY_TYPE}
  generator/messagebar.h generator/messagebar.cpp
  generator/allowedhostseditor.h generator/allowedhostseditor.cpp
  generator/generatorsettingsform.h generator/generatorsettingsform.cpp
  generator/encoderurlbox.h generator/encoderurlbox.cpp
  generator/standincountersview.h generator/standincountersview.cpp
  generator/latencychartview.h generator/latencychartview.cpp
  generator/remotestandinpanel.h generator/remotestandinpanel.cpp
  generator/generatorpage.h generator/generatorpage.cpp
  generator/switchstepsdialog.h generator/switchstepsdialog.cpp
)
target_include_directories(avld_ui_generator PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/generator)
target_link_libraries(avld_ui_generator PUBLIC avld_core avld_ui_theme Qt6::Widgets Qt6::Charts)
target_link_libraries(avld_ui PUBLIC avld_ui_generator)
