#pragma once

#include <QGroupBox>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimeEdit;

namespace avld {

class AlertCenter;

// The Alerts part of Settings: the channels (add, edit, remove, "Send test alert" with its result in the
// row), how often to remind, quiet hours, and the alerts raised now with their snooze. Changes are kept at
// once (the channels' secrets in the keychain).
class AlertsSection : public QGroupBox {
    Q_OBJECT
public:
    explicit AlertsSection(AlertCenter& alerts, QWidget* parent = nullptr);

    QTableWidget* channelsTable() const { return m_table; }
    // What the row of that channel says about its last test; empty when none.
    QString testResult(const QString& id) const { return m_results.value(id); }

public Q_SLOTS:
    void addChannel();
    void editChannel();
    void removeChannel();
    void sendTest();
    void snoozeSelected();
    void snoozeAll();
    void resume();

private:
    void fillChannels();
    void fillPolicy();
    void storePolicy();
    void fillActive();
    QString selectedId() const;
    void updateButtons();

    AlertCenter& m_alerts;
    QTableWidget* m_table = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_test = nullptr;
    QSpinBox* m_remind = nullptr;
    QCheckBox* m_quiet = nullptr;
    QTimeEdit* m_quietFrom = nullptr;
    QTimeEdit* m_quietTo = nullptr;
    QCheckBox* m_criticalInQuiet = nullptr;
    QListWidget* m_active = nullptr;
    QPushButton* m_snooze = nullptr;
    QPushButton* m_snoozeAll = nullptr;
    QPushButton* m_resume = nullptr;
    QLabel* m_problem = nullptr;
    QHash<QString, QString> m_results; // channel id -> its last test, as shown
};

} // namespace avld
