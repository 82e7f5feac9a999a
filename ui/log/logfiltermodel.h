#pragma once

#include <QSortFilterProxyModel>

namespace avld {

// What the Log page shows of a LogModel: records at or above a minimum level, of one category (or all),
// whose message or category contains the search text (case-insensitive).
class LogFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LogFilterModel(QObject* parent = nullptr);

    void setMinimumLevel(QtMsgType level);
    QtMsgType minimumLevel() const { return m_minimumLevel; }
    // Empty shows every category.
    void setCategory(const QString& category);
    QString category() const { return m_category; }
    void setSearchText(const QString& text);
    QString searchText() const { return m_searchText; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QtMsgType m_minimumLevel = QtDebugMsg;
    QString m_category;
    QString m_searchText;
};

} // namespace avld
