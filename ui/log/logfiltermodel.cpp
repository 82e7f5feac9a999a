#include "logfiltermodel.h"

#include "logbuffer.h"
#include "logmodel.h"

namespace avld {

LogFilterModel::LogFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent) {}

void LogFilterModel::setMinimumLevel(QtMsgType level) {
    if (level == m_minimumLevel)
        return;
    m_minimumLevel = level;
    invalidateRowsFilter();
}

void LogFilterModel::setCategory(const QString& category) {
    if (category == m_category)
        return;
    m_category = category;
    invalidateRowsFilter();
}

void LogFilterModel::setSearchText(const QString& text) {
    if (text == m_searchText)
        return;
    m_searchText = text;
    invalidateRowsFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QAbstractItemModel* source = sourceModel();
    const QModelIndex first = source->index(sourceRow, LogModel::TimeColumn, sourceParent);
    const auto level = QtMsgType(first.data(LogModel::LevelRole).toInt());
    if (severityRank(level) < severityRank(m_minimumLevel))
        return false;
    const QString category = first.data(LogModel::CategoryRole).toString();
    if (!m_category.isEmpty() && category != m_category)
        return false;
    if (m_searchText.isEmpty())
        return true;
    const QString message = source->index(sourceRow, LogModel::MessageColumn, sourceParent).data().toString();
    return message.contains(m_searchText, Qt::CaseInsensitive) ||
           category.contains(m_searchText, Qt::CaseInsensitive);
}

} // namespace avld
