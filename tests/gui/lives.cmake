# owned by one line of work; see ui/CMakeLists.txt
