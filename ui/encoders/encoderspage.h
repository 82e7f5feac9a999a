#pragma once

#include "encoders/encoderwatch.h"

#include <QDateTime>
#include <QHash>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace avld {

class EncoderDetailsPanel;
class EncodersTableModel;

// The Encoders page: every watched encoder with its state, reason, latency phases, real-frame check,
// version, queue, uptime and since when; under it the selected one's details and history chart. Add…,
// Edit… (F2 or a double-click: name, URL and probe interval; the history stays with the encoder), Remove
// (Delete), Probe now (F5), and "How to switch the site to it…", which emits switchRequested() with what to
// know about the encoder's state: the application shows the steps.
class EncodersPage : public QWidget {
    Q_OBJECT
public:
    EncodersPage(EncoderWatch& watch, QWidget* parent = nullptr);

    EncodersTableModel* model() const { return m_model; }
    // The selected encoder's id, empty when none.
    QString selectedId() const;
    void selectEncoder(const QString& id);
    // Intervals given to encoders added with Add… (the others keep theirs).
    void setNewTargetIntervals(int intervalMs, int retryIntervalMs);

Q_SIGNALS:
    // `caveat`: what the admin should know before switching (not online, frames untested); empty when none.
    void switchRequested(const avld::EncoderTarget& target, const QString& caveat);

protected:
    // A page shown again asks for its chart at once: probes went on while it was hidden.
    void showEvent(QShowEvent* event) override;

private:
    void showSnapshots(const QList<EncoderSnapshot>& snapshots);
    void selectionChanged();
    void refreshDetails();
    void requestSeries();
    void addEncoder();
    void editSelected();
    void applyEdit(const EncoderTarget& edited);
    QHash<QUrl, QString> watchedUrls(const QString& exceptId = {}) const;
    void removeSelected();
    void probeNow();
    void askToSwitch();
    void updateButtons();
    void updateSummary();
    std::optional<EncoderSnapshot> selected() const;

    EncoderWatch& m_watch;
    EncodersTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLabel* m_summary;
    QTableView* m_table;
    EncoderDetailsPanel* m_details;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_remove;
    QPushButton* m_probe;
    QPushButton* m_switch;
    QTimer* m_seriesRefresh;
    QDateTime m_chartProbedAt; // the selected encoder's last probe when its chart was last asked for
    QString m_offlineNotice;
    int m_newIntervalMs = 60'000;
    int m_newRetryIntervalMs = 15'000;
};

} // namespace avld
