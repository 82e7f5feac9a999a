# The translations (issue #18): the .ts files complete and up to date, the language chosen at start-up, and
# every page shown in each language with nothing left in English and nothing cut.
add_library(avld_tsfile ${AVLD_LIBRARY_TYPE} i18n/tsfile.h i18n/tsfile.cpp)
target_include_directories(avld_tsfile PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/i18n)
target_link_libraries(avld_tsfile PUBLIC Qt6::Core)

avld_test(tst_translationfiles LABEL unit TIMEOUT 180 SOURCES i18n/tst_translationfiles.cpp LIBS avld_tsfile)
target_compile_definitions(tst_translationfiles PRIVATE
  AVLD_TRANSLATIONS_DIR="${PROJECT_SOURCE_DIR}/resources/translations"
  AVLD_LUPDATE="$<TARGET_FILE:Qt6::lupdate>"
  AVLD_LUPDATE_LIST="${AVLD_LUPDATE_LIST}")

avld_test(tst_uilanguage LABEL unit SOURCES i18n/tst_uilanguage.cpp LIBS avld_ui_i18n)

avld_test(tst_translations LABEL gui TIMEOUT 240
  SOURCES i18n/tst_translations.cpp i18n/shownwords.h i18n/shownwords.cpp
  LIBS avld_ui avld_guitestsupport avld_tsfile)
target_compile_definitions(tst_translations PRIVATE
  AVLD_TRANSLATIONS_DIR="${PROJECT_SOURCE_DIR}/resources/translations")
