#pragma once

#include <QTest>

// A test whose fixture (the shared reference images, a program the project's scripts install) is missing:
// under CI (CI=true) that is a failure, never a pass by skipping; elsewhere the test is skipped, saying why.
#define AVLD_FIXTURE_MISSING(why)                                                                            \
    do {                                                                                                     \
        if (qEnvironmentVariable("CI") == QLatin1String("true"))                                             \
            QFAIL(why);                                                                                      \
        QSKIP(why);                                                                                          \
    } while (false)
