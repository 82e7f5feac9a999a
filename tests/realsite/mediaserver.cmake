# Where the streams are, against the real AVideo 11.7 (issue 13): watch pages, protectLive, the Live plugin.
avld_realsite_test(tst_realsite_mediaserver SOURCES realsite/tst_realsite_mediaserver.cpp)
target_compile_definitions(tst_realsite_mediaserver PRIVATE AVLD_PROGRAM="$<TARGET_FILE:avideo-live-doctor>")
add_dependencies(tst_realsite_mediaserver avideo-live-doctor)
