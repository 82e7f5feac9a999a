// Hosts the ui libraries' precompiled header: CMake builds one only for a target with a source.
