#include "historymerge.h"

#include "historysql.h"

#include <QSqlError>
#include <QSqlQuery>

namespace avld::history {

namespace {

const QString kWhat = QStringLiteral("merging an older history file");

// The attachment lives as long as the connection unless detached: detach on every way out.
class Attachment {
public:
    explicit Attachment(QSqlDatabase db)
        : m_db(std::move(db)) {}
    ~Attachment() {
        if (m_attached)
            QSqlQuery(m_db).exec(QStringLiteral("DETACH DATABASE other"));
    }
    Attachment(const Attachment&) = delete;
    Attachment& operator=(const Attachment&) = delete;

    Status attach(const QString& path) {
        QSqlQuery query(m_db);
        // ATTACH takes an expression, so the path is bound, never spliced into the SQL.
        if (!query.prepare(QStringLiteral("ATTACH DATABASE ? AS other")))
            return sqlError(QStringLiteral("sql"), kWhat, query.lastError());
        query.addBindValue(path);
        if (const Status failed = run(query, kWhat); !failed.ok())
            return failed;
        m_attached = true;
        return {};
    }

private:
    QSqlDatabase m_db;
    bool m_attached = false;
};

} // namespace

Status mergeHistoryFile(const QSqlDatabase& db, const QString& otherPath) {
    Attachment attachment(db);
    if (const Status failed = attachment.attach(otherPath); !failed.ok())
        return failed;
    const QString probeColumns = QStringLiteral("encoder_id, at_ms, health, reason, error_code, http_status, "
                                                "dns_ms, connect_ms, tls_ms, first_byte_ms,"
                                                " total_ms, functional_ms, frame_class, image_bytes");
    const QString changeColumns = QStringLiteral("encoder_id, at_ms, from_state, to_state, reason");
    const QStringList statements{
        QStringLiteral("INSERT INTO main.probes (%1) SELECT %1 FROM other.probes ORDER BY at_ms, id")
            .arg(probeColumns),
        // "WHERE true" tells SQLite's parser the ON CONFLICT belongs to the INSERT, not to a join.
        QStringLiteral("INSERT INTO main.rollups (%1) SELECT %1 FROM other.rollups WHERE true%2")
            .arg(QLatin1StringView(kRollupColumns), QLatin1StringView(kMergeTotals)),
        QStringLiteral(
            "INSERT INTO main.state_changes (%1) SELECT %1 FROM other.state_changes ORDER BY at_ms, id")
            .arg(changeColumns)};
    Transaction transaction(db);
    if (const Status failed = transaction.begin(); !failed.ok())
        return failed;
    for (const QString& sql : statements)
        if (const Status failed = run(db, sql, kWhat); !failed.ok())
            return failed;
    return transaction.commit();
}

} // namespace avld::history
