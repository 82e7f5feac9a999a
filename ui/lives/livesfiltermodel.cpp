#include "livesfiltermodel.h"

#include "livesmodel.h"

namespace avld {

void LivesFilterModel::setGroup(Group group) {
    if (group == m_group)
        return;
    m_group = group;
    invalidateFilter();
}

void LivesFilterModel::setSearchText(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    invalidateFilter();
}

QString LivesFilterModel::groupName(Group group) {
    switch (group) {
    case Group::All:
        return tr("All lives");
    case Group::Problems:
        return tr("Problems");
    case Group::RealFrames:
        return tr("Real frames");
    case Group::Cards:
        return tr("Cards");
    }
    return {};
}

bool LivesFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return inGroup(index) && matchesSearch(index);
}

bool LivesFilterModel::inGroup(const QModelIndex& index) const {
    const auto badge = TileBadge(index.data(LivesModel::BadgeRole).toInt());
    switch (m_group) {
    case Group::All:
        return true;
    case Group::Problems:
        return badge != TileBadge::Real || index.data(LivesModel::SeverityRole).toInt() != int(Severity::Ok);
    case Group::RealFrames:
        return badge == TileBadge::Real;
    case Group::Cards:
        return isCardBadge(badge);
    }
    return true;
}

bool LivesFilterModel::matchesSearch(const QModelIndex& index) const {
    if (m_search.isEmpty())
        return true;
    for (const int role : {LivesModel::TitleRole, LivesModel::UserRole, LivesModel::KeyRole}) {
        if (index.data(role).toString().contains(m_search, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace avld
