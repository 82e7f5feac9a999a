# owned by one line of work; see ui/CMakeLists.txt
# The Lives page: every live of the site as a tile (issue #7).
add_library(avld_ui_lives ${AVLD_LIBRARY_TYPE}
  lives/livesmodel.h lives/livesmodel.cpp
  lives/livesfiltermodel.h lives/livesfiltermodel.cpp
  lives/tileviewmode.h
  lives/tilebadgestyle.h lives/tilebadgestyle.cpp
  lives/tilesound.h lives/tilesound.cpp
  lives/tilepicture.h lives/tilepicture.cpp
  lives/tilepixmapcache.h lives/tilepixmapcache.cpp
  lives/livetiledelegate.h lives/livetiledelegate.cpp
  lives/refreshcountdown.h lives/refreshcountdown.cpp
  lives/hoverpreview.h lives/hoverpreview.cpp
  lives/tilepreview.h lives/tilepreview.cpp
  lives/livespage.h lives/livespage.cpp
)
target_include_directories(avld_ui_lives PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/lives)
target_link_libraries(avld_ui_lives PUBLIC avld_core avld_bitmap_qt Qt6::Widgets)
target_link_libraries(avld_ui PUBLIC avld_ui_lives)
