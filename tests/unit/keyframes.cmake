# owned by one line of work
# Keyframe interval (issue #7).
avld_test(tst_keyframescan LABEL unit SOURCES unit/tst_keyframescan.cpp)
