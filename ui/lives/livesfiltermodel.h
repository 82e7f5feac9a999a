#pragma once

#include <QSortFilterProxyModel>

namespace avld {

// Narrows the Lives grid to a group of badges and to lives whose title, user or key hold a search text.
class LivesFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Group { All, Problems, RealFrames, Cards };

    using QSortFilterProxyModel::QSortFilterProxyModel;

    Group group() const { return m_group; }
    void setGroup(Group group);
    QString searchText() const { return m_search; }
    void setSearchText(const QString& text);

    static QString groupName(Group group);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool inGroup(const QModelIndex& index) const;
    bool matchesSearch(const QModelIndex& index) const;

    Group m_group = Group::All;
    QString m_search;
};

} // namespace avld
