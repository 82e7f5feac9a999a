# owned by one line of work
# The sound of a live from its HLS segment (issue #17).
avld_test(tst_soundlevels LABEL unit TIMEOUT 120 SOURCES unit/tst_soundlevels.cpp)
