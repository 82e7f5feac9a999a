#include "standincountersview.h"

#include <QHeaderView>
#include <QLocale>

namespace avld {

namespace {

QString count(qint64 value) {
    return QLocale().toString(value);
}

QString milliseconds(double ms) {
    return ms < 0 ? QStringLiteral("–") : QStringLiteral("%1 ms").arg(ms, 0, 'f', ms < 10 ? 1 : 0);
}

} // namespace

StandInCountersView::StandInCountersView(QWidget* parent)
    : QTableWidget(0, 2, parent) {
    setObjectName(QStringLiteral("countersTable"));
    setHorizontalHeaderLabels({tr("Counter"), tr("Value")});
    // Both columns as wide as their text, the table as wide as both: counters never show "…" as they grow.
    horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setAlternatingRowColors(true);
    clearStats();
}

void StandInCountersView::clearStats() {
    m_p50Ms = m_p99Ms = -1;
    setStats(StandInStats{});
}

void StandInCountersView::setStats(const StandInStats& s) {
    const QList<QPair<QString, QString>> rows{
        {tr("Requests"), count(s.requests)},           {tr("Images served"), count(s.images)},
        {tr("Empty answers"), count(s.empty)},         {tr("Refused (4xx)"), count(s.refused)},
        {tr("Overloaded (503)"), count(s.overloaded)}, {tr("Cache hits"), count(s.cacheHits)},
        {tr("Cache misses"), count(s.cacheMisses)},    {tr("Grabs"), count(s.grabs)},
        {tr("Grab failures"), count(s.grabFailures)},
    };
    QList<QPair<QString, QString>> all = rows;
    // One indented row per reason under "Grab failures", so a long reason does not widen the page.
    for (auto it = s.grabFailuresByReason.cbegin(); it != s.grabFailuresByReason.cend(); ++it)
        all.append({tr("   %1", "a reason under Grab failures").arg(it.key()), count(it.value())});
    all.append({tr("Streams tracked"), count(s.streamsTracked)});
    all.append({tr("Cache size"), QLocale().formattedDataSize(s.cacheBytes)});
    all.append({tr("Requests waiting"), count(s.pendingRequests)});
    // The latest second that had requests, as the chart beside shows it, rather than "–" between them.
    if (s.p50Ms >= 0) {
        m_p50Ms = s.p50Ms;
        m_p99Ms = s.p99Ms;
    }
    all.append({tr("Latency p50"), milliseconds(m_p50Ms)});
    all.append({tr("Latency p99"), milliseconds(m_p99Ms)});
    setRowCount(int(all.size()));
    for (int row = 0; row < all.size(); ++row)
        setRow(row, all.at(row).first, all.at(row).second);
}

QString StandInCountersView::value(const QString& name) const {
    for (int row = 0; row < rowCount(); ++row)
        if (item(row, 0) && item(row, 0)->text() == name)
            return item(row, 1)->text();
    return {};
}

void StandInCountersView::setRow(int row, const QString& name, const QString& value) {
    if (!item(row, 0)) {
        setItem(row, 0, new QTableWidgetItem);
        auto* valueItem = new QTableWidgetItem;
        valueItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setItem(row, 1, valueItem);
    }
    item(row, 0)->setText(name);
    item(row, 1)->setText(value);
}

} // namespace avld
