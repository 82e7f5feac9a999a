#include "proberow.h"

#include "historysql.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <iterator>

namespace avld::history {

namespace {

const QStringList& columns() {
    static const QStringList names{
        QStringLiteral("encoder_id"),    QStringLiteral("at_ms"),       QStringLiteral("health"),
        QStringLiteral("reason"),        QStringLiteral("error_code"),  QStringLiteral("http_status"),
        QStringLiteral("dns_ms"),        QStringLiteral("connect_ms"),  QStringLiteral("tls_ms"),
        QStringLiteral("first_byte_ms"), QStringLiteral("total_ms"),    QStringLiteral("functional_ms"),
        QStringLiteral("frame_class"),   QStringLiteral("image_bytes"),
    };
    return names;
}

// A null QString would bind as SQL NULL, which the NOT NULL text columns refuse.
QString text(const QString& value) {
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

QString probeColumns() {
    return columns().join(QStringLiteral(", "));
}

QString insertProbeSql() {
    QStringList marks;
    marks.fill(QStringLiteral("?"), columns().size());
    return QStringLiteral("INSERT INTO probes (%1) VALUES (%2)")
        .arg(probeColumns(), marks.join(QStringLiteral(", ")));
}

void bindProbe(QSqlQuery& query, const ProbeRecord& record) {
    const QVariant values[] = {
        text(record.encoderId),    toMs(record.at),         healthCode(record.health),
        text(record.reason),       text(record.errorCode),  record.httpStatus,
        record.phases.dnsMs,       record.phases.connectMs, record.phases.tlsMs,
        record.phases.firstByteMs, record.phases.totalMs,   record.functionalMs,
        text(record.frameClass),   record.imageBytes,
    };
    Q_ASSERT(qsizetype(std::size(values)) == columns().size());
    for (int i = 0; i < int(std::size(values)); ++i)
        query.bindValue(i, values[i]);
}

ProbeRecord readProbe(const QSqlQuery& query) {
    return ProbeRecord{.encoderId = query.value(0).toString(),
                       .at = fromMs(query.value(1).toLongLong()),
                       .health = healthFromCode(query.value(2).toInt()),
                       .reason = query.value(3).toString(),
                       .errorCode = query.value(4).toString(),
                       .httpStatus = query.value(5).toInt(),
                       .phases = PhaseTimings{.dnsMs = query.value(6).toLongLong(),
                                              .connectMs = query.value(7).toLongLong(),
                                              .tlsMs = query.value(8).toLongLong(),
                                              .firstByteMs = query.value(9).toLongLong(),
                                              .totalMs = query.value(10).toLongLong()},
                       .functionalMs = query.value(11).toLongLong(),
                       .frameClass = query.value(12).toString(),
                       .imageBytes = query.value(13).toLongLong()};
}

} // namespace avld::history
