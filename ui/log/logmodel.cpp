#include "logmodel.h"

#include "logcolors.h"

#include <QFont>
#include <QGuiApplication>

#include <algorithm>

namespace avld {

LogModel::LogModel(LogBuffer& buffer, QObject* parent)
    : QAbstractTableModel(parent)
    , m_buffer(buffer)
    , m_capacity(buffer.capacity()) {
    connect(&buffer, &LogBuffer::appended, this, &LogModel::fetchNew);
    fetchNew();
}

int LogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const LogRecord& r = record(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return r.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case LevelColumn:
            return levelName(r.level);
        case CategoryColumn:
            return r.category;
        case MessageColumn:
            return r.message;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return r.time.toString(Qt::ISODateWithMs);
        if (index.column() == MessageColumn)
            return r.message;
        return {};
    case Qt::ForegroundRole:
        if (const QColor color = levelColor(r.level, QGuiApplication::palette()); color.isValid())
            return color;
        return {};
    case Qt::FontRole:
        if (index.column() == LevelColumn && severityRank(r.level) >= severityRank(QtWarningMsg)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case LevelRole:
        return int(r.level);
    case CategoryRole:
        return r.category;
    case RecordIdRole:
        return r.id;
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case CategoryColumn:
        return tr("Category");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

QString LogModel::formatLine(const LogRecord& record) {
    return record.time.toString(Qt::ISODateWithMs) + u'\t' + levelName(record.level) + u'\t' +
           record.category + u'\t' + record.message;
}

void LogModel::fetchNew() {
    append(m_buffer.recordsAfter(m_lastId));
}

void LogModel::clear() {
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void LogModel::append(const QList<LogRecord>& records) {
    if (records.isEmpty())
        return;
    m_lastId = records.last().id;
    // More than the capacity at once: only the newest fit.
    const qsizetype skip = std::max<qsizetype>(0, records.size() - m_capacity);
    const int first = rowCount();
    beginInsertRows({}, first, first + int(records.size() - skip) - 1);
    for (qsizetype i = skip; i < records.size(); ++i)
        m_rows.push_back(records[i]);
    endInsertRows();
    for (qsizetype i = skip; i < records.size(); ++i) {
        const QString& category = records[i].category;
        auto at = std::lower_bound(m_categories.begin(), m_categories.end(), category);
        if (at == m_categories.end() || *at != category) {
            m_categories.insert(at, category);
            Q_EMIT categoryAdded(category);
        }
    }
    trimToCapacity();
}

void LogModel::trimToCapacity() {
    const int excess = rowCount() - m_capacity;
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
    endRemoveRows();
}

} // namespace avld
