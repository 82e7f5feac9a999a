#pragma once

#include "result.h"
#include "settings.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <vector>

class QLabel;

namespace Ui {
class SettingsPage;
}

namespace avld {

class SecretStore;

// The Settings page (settingspage.ui): one editor per row of the typed settings table, grouped by module,
// with labels and tooltips from the table. Edits are stored on Apply; a value the table refuses shows the
// reason under its field and is not stored. Also says where secrets live and whether a keychain answers.
class SettingsPage : public QWidget {
    Q_OBJECT
public:
    explicit SettingsPage(Settings& settings, QWidget* parent = nullptr);
    ~SettingsPage() override;

    // Shows where secrets are kept and probes the store in the background (never blocks the page).
    void setSecretStore(SecretStore* store);
    // Without a system tray "Close to tray" cannot work: the box is off, greyed and says why.
    void setTrayAvailable(bool available);

    // Adds a group of its own below the table's (the Alerts section), before the buttons.
    void addSection(QWidget* section);

    QWidget* editorFor(SettingId id) const;
    // The refusal shown under a field, or an empty string.
    QString errorFor(SettingId id) const;
    bool hasPendingChanges() const;

public Q_SLOTS:
    // Stores every edited value the table accepts; returns false when any was refused.
    bool apply();
    // Shows the stored values again and drops unapplied edits.
    void revert();
    // Fills every field with its default; Apply stores them.
    void restoreDefaults();

Q_SIGNALS:
    void applied();

private:
    struct Field {
        SettingId id;
        QWidget* editor = nullptr;
        QLabel* label = nullptr; // null for check boxes, which carry their own text
        QLabel* error = nullptr;
        QVariant loaded; // the value last put in the editor from the settings
    };

    void fillChoices();
    void bindFields();
    void bind(SettingId id, QWidget* editor, QLabel* label);
    Field* field(SettingId id);
    const Field* field(SettingId id) const;
    void load(Field& f, const QVariant& value);
    void showError(Field& f, const Status& error);
    void onStoredChange(SettingId id, const QVariant& value);
    void updateButtons();
    void showKeychainState(const Status& probe);

    std::unique_ptr<Ui::SettingsPage> m_ui;
    Settings& m_settings;
    std::vector<Field> m_fields;
    QPointer<SecretStore> m_secrets;
    bool m_keychainAnswered = false;
};

} // namespace avld
