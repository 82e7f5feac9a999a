#include "encoderhistory.h"

#include "historyaggregates.h"
#include "historycompaction.h"
#include "historymerge.h"
#include "historyreads.h"
#include "historyschema.h"
#include "historysql.h"
#include "logging.h"
#include "proberow.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace avld {

using history::toMs;

namespace {

constexpr qint64 kDayMs = 24 * history::kHourMs;

// What to do about a failed open, by the kind of failure (see prepareHistoryDatabase()).
QString openHint(const QString& kind, const QString& sqliteHint = {}) {
    if (kind == QLatin1StringView("not-a-database"))
        return QStringLiteral("Move the file away or choose another history path; a new, empty history is "
                              "then created.");
    if (kind == QLatin1StringView("read-only"))
        return QStringLiteral("Make the folder and the file writable by this user, or choose another history "
                              "path.");
    if (kind == QLatin1StringView("newer-schema"))
        return QStringLiteral("Use the newer version of the tool, or move the file away to start a new "
                              "history.");
    if (!sqliteHint.isEmpty())
        return sqliteHint;
    return QStringLiteral("Move the file away to start a new history if this persists.");
}

} // namespace

EncoderHistory::EncoderHistory(QString databasePath, const Clock& clock)
    : m_path(std::move(databasePath))
    , m_clock(&clock) {
    static std::atomic<quint64> instances{0};
    m_connectionName = QStringLiteral("avld-history-%1").arg(++instances);
}

EncoderHistory::~EncoderHistory() {
    close();
}

Status EncoderHistory::open() {
    close();
    const auto failure = [this](const QString& detail, const QString& hint) {
        return Error{.code = QStringLiteral("history-open"),
                     .message = QStringLiteral("Cannot open the encoder history at %1: %2")
                                    .arg(QDir::toNativeSeparators(m_path), detail),
                     .hint = hint};
    };
    const QString writableHint = QStringLiteral("Choose a history path in a folder this user can write to.");
    if (m_path.isEmpty())
        return failure(QStringLiteral("no path was given"), writableHint);
    const QFileInfo info(m_path);
    if (info.isDir())
        return failure(QStringLiteral("it is a folder"), QStringLiteral("Choose a file path, not a folder."));
    // SQLite would open a read-only file read-only without a word, and fail only at the first write.
    if (info.exists() && !info.isWritable())
        return failure(QStringLiteral("the file is read-only"), openHint(QStringLiteral("read-only")));
    if (!QDir().mkpath(info.absolutePath()))
        return failure(QStringLiteral("its folder %1 cannot be created").arg(info.absolutePath()),
                       writableHint);

    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid()) {
        close();
        return failure(QStringLiteral("Qt's SQLite driver (QSQLITE) is not available"),
                       QStringLiteral("Install the Qt 6 SQLite plugin (Debian: libqt6sql6-sqlite)."));
    }
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        const Error error = history::sqlError(QStringLiteral("read-only"),
                                              QStringLiteral("SQLite cannot open it"), m_db.lastError());
        close();
        return failure(error.message, openHint(error.code, error.hint));
    }
    if (const Status failed = history::prepareHistoryDatabase(m_db); !failed.ok()) {
        close();
        return failure(failed.error().message, openHint(failed.error().code, failed.error().hint));
    }
    m_insertProbe = std::make_unique<QSqlQuery>(m_db);
    if (!m_insertProbe->prepare(history::insertProbeSql())) {
        const Error error =
            history::sqlError(QStringLiteral("sql"), QStringLiteral("preparing"), m_insertProbe->lastError());
        close();
        return failure(error.message, openHint(error.code, error.hint));
    }
    qCDebug(lcEncoders) << "history opened:" << m_path;
    return {};
}

void EncoderHistory::close() {
    m_insertProbe.reset();
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase(); // the last handle must be gone before removeDatabase()
    QSqlDatabase::removeDatabase(m_connectionName);
}

Status EncoderHistory::absorb(const QString& otherPath) {
    if (!QFileInfo::exists(otherPath) || QFileInfo(otherPath) == QFileInfo(m_path))
        return {};
    const auto failure = [&](const Error& error) {
        return Error{.code = QStringLiteral("history-merge"),
                     .message = QStringLiteral("The older encoder history %1 could not be merged into %2: %3")
                                    .arg(QDir::toNativeSeparators(otherPath),
                                         QDir::toNativeSeparators(m_path), error.message),
                     .hint = QStringLiteral("Both files are kept as they were; the older one is read again "
                                            "next time.")};
    };
    if (!isOpen())
        return failure(Error{.code = {}, .message = QStringLiteral("this history is not open"), .hint = {}});
    {
        // Opening brings the other file to this schema version (and refuses one that is not a history).
        EncoderHistory other(otherPath, *m_clock);
        if (const Status opened = other.open(); !opened.ok())
            return failure(opened.error());
    }
    if (const Status merged = history::mergeHistoryFile(m_db, otherPath); !merged.ok())
        return failure(merged.error());
    if (!removeFiles(otherPath)) // merged again next time, it would count every probe twice
        return Error{
            .code = QStringLiteral("history-merge"),
            .message = QStringLiteral("The older encoder history %1 was merged into %2 but cannot be "
                                      "removed")
                           .arg(QDir::toNativeSeparators(otherPath), QDir::toNativeSeparators(m_path)),
            .hint = QStringLiteral("Remove that file by hand; otherwise its probes are counted again.")};
    qCInfo(lcEncoders).noquote() << "history: merged" << QDir::toNativeSeparators(otherPath) << "into"
                                 << QDir::toNativeSeparators(m_path);
    return {};
}

bool EncoderHistory::removeFiles(const QString& databasePath) {
    for (const QString& suffix : {QStringLiteral("-wal"), QStringLiteral("-shm"), QString()})
        QFile::remove(databasePath + suffix);
    return !QFileInfo::exists(databasePath);
}

Error EncoderHistory::writeError(const Error& error) const {
    return Error{.code = QStringLiteral("history-write"),
                 .message = QStringLiteral("Cannot write to the encoder history at %1: %2")
                                .arg(QDir::toNativeSeparators(m_path), error.message),
                 .hint = error.hint};
}

Status EncoderHistory::append(const ProbeRecord& record) {
    return append(QList<ProbeRecord>{record});
}

Status EncoderHistory::append(const QList<ProbeRecord>& records) {
    if (!isOpen())
        return writeError(Error{.code = {}, .message = QStringLiteral("it is not open"), .hint = {}});
    history::Transaction transaction(m_db);
    if (const Status failed = transaction.begin(); !failed.ok())
        return writeError(failed.error());
    for (const ProbeRecord& record : records) {
        history::bindProbe(*m_insertProbe, record);
        if (const Status failed = history::run(*m_insertProbe, QStringLiteral("adding a probe"));
            !failed.ok())
            return writeError(failed.error());
    }
    if (const Status failed = transaction.commit(); !failed.ok())
        return writeError(failed.error());
    return {};
}

Status EncoderHistory::appendStateChange(const QString& encoderId, const QString& from, const QString& to,
                                         const QString& reason, const QDateTime& at) {
    if (!isOpen())
        return writeError(Error{.code = {}, .message = QStringLiteral("it is not open"), .hint = {}});
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO state_changes (encoder_id, at_ms, from_state, to_state, reason)"
                                 " VALUES (?, ?, ?, ?, ?)"));
    query.bindValue(0, encoderId);
    query.bindValue(1, toMs(at));
    query.bindValue(2, from);
    query.bindValue(3, to);
    query.bindValue(4, reason.isNull() ? QStringLiteral("") : reason);
    // A single statement is its own transaction in SQLite.
    if (const Status failed = history::run(query, QStringLiteral("adding a state change")); !failed.ok())
        return writeError(failed.error());
    return {};
}

QList<ProbeRecord> EncoderHistory::records(const QString& encoderId, const QDateTime& from,
                                           const QDateTime& to) const {
    return history::readProbes(m_db, encoderId, toMs(from), toMs(to));
}

std::optional<ProbeRecord> EncoderHistory::latest(const QString& encoderId) const {
    return history::readLatestProbe(m_db, encoderId);
}

QList<StateChangeRow> EncoderHistory::stateChanges(const QString& encoderId, const QDateTime& from,
                                                   const QDateTime& to) const {
    return history::readStateChanges(m_db, encoderId, toMs(from), toMs(to));
}

QStringList EncoderHistory::encoderIds() const {
    return history::readEncoderIds(m_db);
}

UptimeStats EncoderHistory::uptime(const QString& encoderId, qint64 windowMs) const {
    if (!isOpen())
        return {};
    const qint64 now = toMs(m_clock->now());
    const Result<UptimeStats> stats = history::queryUptime(m_db, encoderId, now - windowMs, now);
    if (!stats) {
        qCWarning(lcEncoders).noquote() << "history:" << stats.error().toString();
        return {};
    }
    return stats.value();
}

UptimeWindows EncoderHistory::uptimeWindows(const QString& encoderId) const {
    if (!isOpen())
        return {};
    const qint64 now = toMs(m_clock->now());
    const Result<QList<UptimeStats>> stats = history::queryUptimes(
        m_db, encoderId, {now - history::kHourMs, now - kDayMs, now - 7 * kDayMs, now - 30 * kDayMs}, now);
    if (!stats) {
        qCWarning(lcEncoders).noquote() << "history:" << stats.error().toString();
        return {};
    }
    return UptimeWindows{.lastHour = stats.value().at(0),
                         .lastDay = stats.value().at(1),
                         .lastWeek = stats.value().at(2),
                         .lastMonth = stats.value().at(3)};
}

QList<HistoryPoint> EncoderHistory::series(const QString& encoderId, const QDateTime& from,
                                           const QDateTime& to, int maxPoints) const {
    if (!isOpen())
        return {};
    const Result<QList<HistoryPoint>> points =
        history::querySeries(m_db, encoderId, toMs(from), toMs(to), maxPoints);
    if (!points) {
        qCWarning(lcEncoders).noquote() << "history:" << points.error().toString();
        return {};
    }
    return points.value();
}

Status EncoderHistory::compact() {
    const auto failure = [this](const QString& detail, const QString& hint) {
        return Error{.code = QStringLiteral("history-compact"),
                     .message = QStringLiteral("Cannot compact the encoder history at %1: %2")
                                    .arg(QDir::toNativeSeparators(m_path), detail),
                     .hint = hint};
    };
    if (!isOpen())
        return failure(QStringLiteral("it is not open"), {});
    const Result<history::CompactionCounts> done =
        history::compactHistory(m_db, toMs(m_clock->now()), m_policy);
    if (!done)
        return failure(done.error().message, done.error().hint);
    return {};
}

Status EncoderHistory::checkIntegrity() const {
    QStringList findings = history::readIntegrityFindings(m_db);
    if (findings == QStringList{QStringLiteral("ok")})
        return {};
    if (findings.isEmpty())
        findings << QStringLiteral("the check could not run");
    return Error{
        .code = QStringLiteral("history-corrupt"),
        .message = QStringLiteral("The encoder history at %1 is damaged: %2")
                       .arg(QDir::toNativeSeparators(m_path), findings.mid(0, 5).join(QStringLiteral("; "))),
        .hint = QStringLiteral("Move the file away to start a new history.")};
}

HistoryRowCounts EncoderHistory::rowCounts() const {
    return history::readRowCounts(m_db);
}

QList<EncoderHistorySpan> EncoderHistory::spans(const QDateTime& from, const QDateTime& to,
                                                int maxPoints) const {
    QList<EncoderHistorySpan> all;
    for (const QString& id : encoderIds()) {
        EncoderHistorySpan span{
            .encoderId = id, .from = from, .to = to, .points = {}, .changes = {}, .uptime = {}};
        span.points = series(id, from, to, maxPoints);
        span.changes = stateChanges(id, from, to);
        span.uptime = EncoderHistorySpan::uptimeOf(span.points);
        all.append(std::move(span));
    }
    return all;
}

} // namespace avld
