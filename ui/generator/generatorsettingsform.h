#pragma once

#include "generator/generatorconfig.h"

#include <QGroupBox>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace avld {

class AllowedHostsEditor;

// The stand-in's settings as a form: listen address and port, the secret prefix (masked), allowed stream
// hosts, TLS files, the answer budget and the refresh interval. Settings it does not show keep the values
// of the defaults it was given.
class GeneratorSettingsForm : public QGroupBox {
    Q_OBJECT
public:
    explicit GeneratorSettingsForm(QWidget* parent = nullptr);

    void setDefaults(const GeneratorConfig& config);
    GeneratorConfig config() const;

    void setSecretVisible(bool visible);
    // 32 hex digits from the system's random source.
    static QString randomPrefix();

private:
    void pickFile(QLineEdit* field, const QString& title);

    GeneratorConfig m_defaults;
    QComboBox* m_address;
    QSpinBox* m_port;
    QLineEdit* m_prefix;
    AllowedHostsEditor* m_hosts;
    QLineEdit* m_tlsCert;
    QLineEdit* m_tlsKey;
    QSpinBox* m_budget;
    QSpinBox* m_grabAfter;
    QSpinBox* m_refresh;
};

} // namespace avld
