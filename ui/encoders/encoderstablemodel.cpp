#include "encoderstablemodel.h"

#include "encodercelltext.h"
#include "encoders/encoderreachability.h"
#include "encoderstatestyle.h"
#include "maskedurl.h"

#include <QFont>
#include <QHash>
#include <QPalette>

namespace avld {

EncodersTableModel::EncodersTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void EncodersTableModel::refreshTimes() {
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Since), index(int(m_rows.size()) - 1, Since));
}

void EncodersTableModel::setSnapshots(const QList<EncoderSnapshot>& snapshots) {
    QHash<QString, int> incoming;
    for (int i = 0; i < snapshots.size(); ++i)
        incoming.insert(snapshots[i].target.id, i);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (incoming.contains(m_rows[row].target.id))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    for (int row = 0; row < m_rows.size(); ++row) {
        m_rows[row] = snapshots[incoming.value(m_rows[row].target.id)];
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    for (const EncoderSnapshot& s : snapshots) {
        if (rowOf(s.target.id) >= 0)
            continue;
        const int row = int(m_rows.size());
        beginInsertRows({}, row, row);
        m_rows.append(s);
        endInsertRows();
    }
}

const EncoderSnapshot* EncodersTableModel::snapshotAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int EncodersTableModel::rowOf(const QString& id) const {
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows[row].target.id == id)
            return row;
    return -1;
}

int EncodersTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EncodersTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QDateTime EncodersTableModel::now() const {
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

QVariant EncodersTableModel::data(const QModelIndex& index, int role) const {
    const EncoderSnapshot* s = index.isValid() ? snapshotAt(index.row()) : nullptr;
    if (!s)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(*s, index.column());
    case Qt::DecorationRole:
        return index.column() == State ? QVariant(encoderSnapshotIcon(*s)) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == State)
            return encoderSnapshotColor(*s).darker(115);
        if (index.column() == RealFrame && s->last && !s->last->record.frameClass.isEmpty())
            return encoderRealFrameText(*s) == QStringLiteral("yes")
                       ? encoderStateColor(EncoderState::Online)
                       : encoderStateColor(EncoderState::Offline);
        return {};
    case Qt::FontRole:
        if (index.column() == State || index.column() == Name) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Latency || index.column() == Queue || index.column() == Uptime)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return toolTip(*s, index.column());
    case IdRole:
        return s->target.id;
    case SortRole:
        return sortValue(*s, index.column());
    default:
        return {};
    }
}

QVariant EncodersTableModel::display(const EncoderSnapshot& s, int column) const {
    switch (column) {
    case Name: {
        const QString url = maskedUrl(s.target.url);
        const bool plain = s.target.name.isEmpty() || s.target.name == s.target.hostLabel();
        return plain ? url : QStringLiteral("%1 — %2").arg(s.target.name, url);
    }
    case State:
        return encoderSnapshotText(s);
    case Reason:
        return s.reason.isEmpty() ? tr("not probed yet") : s.reason;
    case Latency:
        return encoderLatencyText(s);
    case RealFrame:
        return encoderRealFrameText(s);
    case Version:
        return encoderVersionText(s);
    case Queue:
        return encoderQueueText(s);
    case Uptime:
        return s.uptime ? encoderUptimeText(s.uptime->lastDay) : QStringLiteral("—");
    case Since:
        return encoderSinceText(s.since, now());
    default:
        return {};
    }
}

QVariant EncodersTableModel::sortValue(const EncoderSnapshot& s, int column) const {
    switch (column) {
    case State:
        return encoderSnapshotSeverity(s);
    case Latency:
        return s.last && s.last->record.phases.totalMs >= 0 ? s.last->record.phases.totalMs
                                                            : std::numeric_limits<qint64>::max();
    case Queue:
        return s.last ? s.last->status.queueSize : -1;
    case Uptime:
        return s.uptime ? s.uptime->lastDay.uptimePercent : -1.0;
    case Since:
        return s.since;
    default:
        return display(s, column);
    }
}

QVariant EncodersTableModel::toolTip(const EncoderSnapshot& s, int column) const {
    switch (column) {
    case Name:
        return QStringLiteral("%1\n%2 (%3)")
            .arg(s.target.name, maskedUrl(s.target.url), encoderOriginText(s.target.origin));
    case State:
        if (s.reason.isEmpty())
            return tr("Not probed yet");
        if (encoderOnlyReachable(s))
            return tr("%1\nShown as reachable, not online, until a live lets it prove real frames.")
                .arg(s.reason);
        return s.reason;
    case Reason:
        return s.reason;
    case Latency:
        return tr("DNS / connect / TLS / first byte / total, of the reachability request");
    case RealFrame: {
        QString detail;
        encoderRealFrameText(s, &detail);
        return detail;
    }
    case Version:
        return s.last ? s.last->status.note : QVariant();
    case Uptime:
        if (!s.uptime)
            return tr("No history is kept");
        return tr("1 h %1 · 24 h %2 · 7 d %3 · 30 d %4")
            .arg(encoderUptimeText(s.uptime->lastHour), encoderUptimeText(s.uptime->lastDay),
                 encoderUptimeText(s.uptime->lastWeek), encoderUptimeText(s.uptime->lastMonth));
    case Since:
        return s.since.isValid() ? s.since.toLocalTime().toString(Qt::ISODate) : QVariant();
    default:
        return {};
    }
}

QVariant EncodersTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == Latency)
        return tr("DNS / connect / TLS / first byte (TTFB) / total, in milliseconds");
    if (role == Qt::ToolTipRole && section == RealFrame)
        return tr("Did getImage answer with a real frame of a live within AVideo's 2 s?");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Encoder / URL");
    case State:
        return tr("State");
    case Reason:
        return tr("Reason");
    case Latency:
        return tr("DNS/conn/TLS/TTFB/total");
    case RealFrame:
        return tr("Real frame ≤ 2 s");
    case Version:
        return tr("Version");
    case Queue:
        return tr("Queue");
    case Uptime:
        return tr("Uptime 24 h");
    case Since:
        return tr("Since");
    default:
        return {};
    }
}

} // namespace avld
