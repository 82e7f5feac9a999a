#pragma once

#include "result.h"

#include <QSqlDatabase>

namespace avld::history {

// PRAGMA user_version of the history this build writes. Bump it with a migration step in historyschema.cpp.
inline constexpr int kSchemaVersion = 1;

// Sets the connection up (WAL, synchronous=NORMAL) and creates the schema, or checks that an existing file
// holds one this build understands. The Error's code says what went wrong: "not-a-database", "read-only",
// "newer-schema" or "sql"; its message is the detail.
Status prepareHistoryDatabase(const QSqlDatabase& db);

} // namespace avld::history
