# The window's languages (issue #18): choosing one, and the translations embedded as resources (:/i18n/).
# Embedded rather than installed: the window and the GUI tests find them wherever they run from, and a .qm
# is small. The headless program never links this library: its output stays English for scripts.
find_package(Qt6 6.4 REQUIRED COMPONENTS LinguistTools)
add_library(avld_ui_i18n ${AVLD_LIBRARY_TYPE}
  i18n/uilanguage.h i18n/uilanguage.cpp
  i18n/uitranslators.h i18n/uitranslators.cpp)
target_include_directories(avld_ui_i18n PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/i18n)
target_link_libraries(avld_ui_i18n PUBLIC Qt6::Core)

# Everything lupdate reads: the window's sources and forms, and core, whose texts the window shows.
file(GLOB_RECURSE AVLD_TRANSLATED_SOURCES CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/ui/*.cpp ${PROJECT_SOURCE_DIR}/ui/*.h ${PROJECT_SOURCE_DIR}/ui/*.ui
  ${PROJECT_SOURCE_DIR}/core/*.cpp ${PROJECT_SOURCE_DIR}/core/*.h)
# lupdate resolves a tr() call's class (its context) through the includes, so it needs every folder.
set(AVLD_TRANSLATED_DIRS)
foreach(source IN LISTS AVLD_TRANSLATED_SOURCES)
  get_filename_component(folder ${source} DIRECTORY)
  list(APPEND AVLD_TRANSLATED_DIRS ${folder})
endforeach()
list(REMOVE_DUPLICATES AVLD_TRANSLATED_DIRS)
set(AVLD_TRANSLATIONS_DIR ${PROJECT_SOURCE_DIR}/resources/translations)
set(AVLD_TS_FILES
  ${AVLD_TRANSLATIONS_DIR}/avideo-live-doctor_zh_CN.ts
  ${AVLD_TRANSLATIONS_DIR}/avideo-live-doctor_pt_BR.ts)
# Qt 6.4's signature: also makes the targets update_translations (lupdate) and release_translations.
qt_add_translations(avld_ui_i18n
  TS_FILES ${AVLD_TS_FILES}
  SOURCES ${AVLD_TRANSLATED_SOURCES}
  INCLUDE_DIRECTORIES ${AVLD_TRANSLATED_DIRS}
  LUPDATE_OPTIONS -no-obsolete -locations none
  RESOURCE_PREFIX /i18n)

# English needs a file too, holding only the plural forms ("1 live", "2 lives" for tr("%n live(s)")):
# update_translations refreshes it with lupdate -pluralonly.
set(AVLD_EN_TS ${AVLD_TRANSLATIONS_DIR}/avideo-live-doctor_en.ts)
set(AVLD_EN_QM ${CMAKE_CURRENT_BINARY_DIR}/avideo-live-doctor_en.qm)
add_custom_command(OUTPUT ${AVLD_EN_QM}
  COMMAND Qt6::lrelease ${AVLD_EN_TS} -qm ${AVLD_EN_QM}
  DEPENDS Qt6::lrelease ${AVLD_EN_TS}
  VERBATIM)
qt_add_resources(avld_ui_i18n avld_english_plurals PREFIX /i18n BASE ${CMAKE_CURRENT_BINARY_DIR}
  FILES ${AVLD_EN_QM})
# The same sources and folders in a list file (lupdate's @file) for the English plurals and for the test that
# finds strings without a translation (tests/i18n/tst_translationfiles).
list(TRANSFORM AVLD_TRANSLATED_DIRS PREPEND "-I" OUTPUT_VARIABLE avld_lupdate_list)
list(APPEND avld_lupdate_list ${AVLD_TRANSLATED_SOURCES})
string(REPLACE ";" "\n" avld_lupdate_list "${avld_lupdate_list}")
set(AVLD_LUPDATE_LIST ${CMAKE_CURRENT_BINARY_DIR}/avld_lupdate.lst CACHE INTERNAL "lupdate's list of sources")
file(WRITE ${AVLD_LUPDATE_LIST} "${avld_lupdate_list}\n")
add_custom_target(avld_ui_i18n_lupdate_en
  COMMAND Qt6::lupdate -pluralonly -no-obsolete -locations none @${AVLD_LUPDATE_LIST} -ts ${AVLD_EN_TS}
  VERBATIM)
add_dependencies(update_translations avld_ui_i18n_lupdate_en)
target_link_libraries(avld_ui PUBLIC avld_ui_i18n)
