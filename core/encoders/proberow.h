#pragma once

#include "proberecord.h"

#include <QString>

class QSqlQuery;

// How a ProbeRecord maps to a row of the history's probes table.
namespace avld::history {

// "encoder_id, at_ms, …": the columns readProbe() expects, in its order, for a SELECT.
QString probeColumns();
// An INSERT with positional placeholders for bindProbe().
QString insertProbeSql();
void bindProbe(QSqlQuery& query, const ProbeRecord& record);
ProbeRecord readProbe(const QSqlQuery& query);

} // namespace avld::history
