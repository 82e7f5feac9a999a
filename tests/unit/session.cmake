# the app session (tests)
avld_test(tst_sitefinding LABEL unit SOURCES unit/tst_sitefinding.cpp)
