#pragma once

#include "alerts/alertchannelconfig.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;

namespace avld {

// Adds or edits one alert channel: its kind, a name, where it sends (the topic, chat, SMTP server or
// webhook) and its secret, which goes to the keychain (left empty when editing: the kept one stays).
class AlertChannelDialog : public QDialog {
    Q_OBJECT
public:
    explicit AlertChannelDialog(QWidget* parent = nullptr);

    // Fills the fields from a kept channel (its secret is not shown).
    void setChannel(const AlertChannelConfig& config);
    AlertChannelConfig channel() const;
    // nullopt: keep the kept secret (editing, field left empty).
    std::optional<QString> secret() const;

    void accept() override;

private:
    void showFieldsForKind();

    AlertChannelConfig m_config;
    bool m_editing = false;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_targetLabel = nullptr;
    QLineEdit* m_target = nullptr;
    QLabel* m_apiLabel = nullptr;
    QLineEdit* m_api = nullptr;
    QLabel* m_fromLabel = nullptr;
    QLineEdit* m_from = nullptr;
    QLabel* m_toLabel = nullptr;
    QLineEdit* m_to = nullptr;
    QLabel* m_secretLabel = nullptr;
    QLineEdit* m_secret = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace avld
