#pragma once

#include "encoders/encodermonitor.h"

#include <QAbstractTableModel>
#include <QList>

namespace avld {

// The watched encoders, one row each, updated in place by id (rows keep their place and their selection).
class EncodersTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, State, Reason, Latency, RealFrame, Version, Queue, Uptime, Since, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // the encoder's id
        SortRole,                  // a value that sorts naturally (severity, milliseconds, percent, time)
    };

    explicit EncodersTableModel(QObject* parent = nullptr);

    // Rows of ids no longer present go, new ids are appended, the others change in place.
    void setSnapshots(const QList<EncoderSnapshot>& snapshots);
    const QList<EncoderSnapshot>& snapshots() const { return m_rows; }
    // The Since column says how long ago: views call this now and then.
    void refreshTimes();
    const EncoderSnapshot* snapshotAt(int row) const;
    int rowOf(const QString& id) const;
    // What "now" is for the Since column (tests); invalid: the current time.
    void setNow(const QDateTime& now) { m_now = now; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const EncoderSnapshot& s, int column) const;
    QVariant sortValue(const EncoderSnapshot& s, int column) const;
    QVariant toolTip(const EncoderSnapshot& s, int column) const;
    QDateTime now() const;

    QList<EncoderSnapshot> m_rows;
    QDateTime m_now;
};

} // namespace avld
