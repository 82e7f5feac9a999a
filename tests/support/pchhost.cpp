// Hosts the tests' precompiled headers: CMake builds one only for a target with a source.
