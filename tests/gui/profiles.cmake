# owned by one line of work
# Site profiles: switching sites, the TLS prompt (issue #7).
avld_test(tst_sitecertificate LABEL integration SOURCES integration/tst_sitecertificate.cpp)
