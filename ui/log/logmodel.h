#pragma once

#include "logbuffer.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <deque>

namespace avld {

// The records of a LogBuffer as a table (Time, Level, Category, Message). Pulls new records in batches
// when the buffer says so, and drops its oldest rows beyond the buffer's capacity.
class LogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, LevelColumn, CategoryColumn, MessageColumn, ColumnCount };
    enum Role { LevelRole = Qt::UserRole + 1, CategoryRole, RecordIdRole };

    explicit LogModel(LogBuffer& buffer, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const LogRecord& record(int row) const { return m_rows[std::size_t(row)]; }
    int capacity() const { return m_capacity; }
    // Every category seen so far, sorted.
    QStringList categories() const { return m_categories; }

    // One record as a line of text: "time<TAB>level<TAB>category<TAB>message".
    static QString formatLine(const LogRecord& record);

public Q_SLOTS:
    // Appends the records the buffer got since the last fetch (called on LogBuffer::appended()).
    void fetchNew();
    // Empties the view; the records stay in the buffer and are not shown again.
    void clear();

Q_SIGNALS:
    void categoryAdded(const QString& category);

private:
    void append(const QList<LogRecord>& records);
    void trimToCapacity();

    LogBuffer& m_buffer;
    const int m_capacity;
    std::deque<LogRecord> m_rows;
    quint64 m_lastId = 0;
    QStringList m_categories;
};

} // namespace avld
