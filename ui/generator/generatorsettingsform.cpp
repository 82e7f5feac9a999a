#include "generatorsettingsform.h"

#include "allowedhostseditor.h"
#include "generator/standinidentity.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace avld {

namespace {

QWidget* row(QWidget* parent, std::initializer_list<QWidget*> widgets) {
    auto* box = new QWidget(parent);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    bool first = true;
    for (QWidget* widget : widgets) {
        layout->addWidget(widget, first ? 1 : 0);
        first = false;
    }
    return box;
}

QString prefixText(const QString& pathPrefix) {
    QString text = pathPrefix;
    while (text.startsWith(QLatin1Char('/')))
        text.remove(0, 1);
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    return text;
}

} // namespace

GeneratorSettingsForm::GeneratorSettingsForm(QWidget* parent)
    : QGroupBox(tr("Settings"), parent)
    , m_address(new QComboBox(this))
    , m_port(new QSpinBox(this))
    , m_prefix(new QLineEdit(this))
    , m_hosts(new AllowedHostsEditor(this))
    , m_tlsCert(new QLineEdit(this))
    , m_tlsKey(new QLineEdit(this))
    , m_budget(new QSpinBox(this))
    , m_grabAfter(new QSpinBox(this))
    , m_refresh(new QSpinBox(this)) {
    setObjectName(QStringLiteral("settingsGroup"));
    setMinimumWidth(340);
    m_address->setObjectName(QStringLiteral("listenAddressCombo"));
    m_address->setEditable(true);
    m_address->addItems({QStringLiteral("127.0.0.1"), QStringLiteral("0.0.0.0"), QStringLiteral("::")});
    m_address->setToolTip(tr("127.0.0.1: only this machine; 0.0.0.0: every interface (AVideo on another "
                             "machine)."));
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));

    m_prefix->setObjectName(QStringLiteral("prefixField"));
    m_prefix->setEchoMode(QLineEdit::Password);
    m_prefix->setPlaceholderText(tr("a secret path segment"));
    m_prefix->setToolTip(tr("Makes the URL a capability: only who knows it can use the service."));
    auto* generate = new QPushButton(tr("Generate"), this);
    generate->setObjectName(QStringLiteral("generatePrefixButton"));
    connect(generate, &QPushButton::clicked, this, [this] { m_prefix->setText(randomPrefix()); });

    m_tlsCert->setObjectName(QStringLiteral("tlsCertField"));
    m_tlsCert->setPlaceholderText(tr("none: plain HTTP"));
    m_tlsKey->setObjectName(QStringLiteral("tlsKeyField"));
    m_tlsKey->setPlaceholderText(tr("none: plain HTTP"));
    auto* pickCert = new QPushButton(tr("Browse…"), this);
    pickCert->setObjectName(QStringLiteral("tlsCertButton"));
    connect(pickCert, &QPushButton::clicked, this,
            [this] { pickFile(m_tlsCert, tr("TLS certificate (PEM)")); });
    auto* pickKey = new QPushButton(tr("Browse…"), this);
    pickKey->setObjectName(QStringLiteral("tlsKeyButton"));
    connect(pickKey, &QPushButton::clicked, this, [this] { pickFile(m_tlsKey, tr("TLS key (PEM)")); });

    m_budget->setObjectName(QStringLiteral("budgetSpin"));
    m_budget->setRange(50, 10'000);
    m_budget->setSingleStep(100);
    m_budget->setSuffix(tr(" ms"));
    m_budget->setToolTip(tr("Longest wait for a fresh grab before an empty answer (AVideo gives up at "
                            "2000 ms)."));
    m_grabAfter->setObjectName(QStringLiteral("grabAfterSpin"));
    m_grabAfter->setRange(0, 600'000);
    m_grabAfter->setSingleStep(500);
    m_grabAfter->setSuffix(tr(" ms"));
    m_grabAfter->setToolTip(tr("A request for an image older than this waits for a new grab, when the grab "
                               "fits the answer budget; a younger image is answered as it is. 0: every "
                               "request grabs."));
    m_refresh->setObjectName(QStringLiteral("refreshSpin"));
    m_refresh->setRange(1, 3600);
    m_refresh->setSuffix(tr(" s"));
    m_refresh->setToolTip(tr("Streams are grabbed when AVideo asks. Streams too slow for that are grabbed "
                             "ahead of their requests, this often."));

    auto* outer = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    outer->addLayout(form);
    outer->addStretch(1);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Listen address"), m_address);
    form->addRow(tr("Port"), m_port);
    form->addRow(tr("Secret prefix"), row(this, {m_prefix, generate}));
    // A short label: the column shares a 1024 px window with the service.
    m_hosts->setToolTip(tr("The hosts the stand-in may fetch streams from (the site's media servers); "
                           "a request for any other host is refused."));
    form->addRow(tr("Stream hosts"), m_hosts);
    form->addRow(tr("TLS certificate"), row(this, {m_tlsCert, pickCert}));
    form->addRow(tr("TLS key"), row(this, {m_tlsKey, pickKey}));
    form->addRow(tr("Answer budget"), m_budget);
    form->addRow(tr("Grab anew after"), m_grabAfter);
    form->addRow(tr("Refresh slow streams every"), m_refresh);
    setDefaults(GeneratorConfig{});
}

void GeneratorSettingsForm::setDefaults(const GeneratorConfig& config) {
    m_defaults = config;
    m_address->setCurrentText(config.bindAddress.toString());
    m_port->setValue(config.port);
    m_prefix->setText(prefixText(config.pathPrefix));
    m_hosts->setHosts(config.allowedHosts);
    m_tlsCert->setText(config.tlsCertificateFile);
    m_tlsKey->setText(config.tlsKeyFile);
    m_budget->setValue(config.budgetMs);
    m_grabAfter->setValue(config.grabOnRequestAfterMs);
    m_refresh->setValue(qMax(1, config.refreshIntervalMs / 1000));
}

GeneratorConfig GeneratorSettingsForm::config() const {
    GeneratorConfig config = m_defaults;
    config.bindAddress = QHostAddress(m_address->currentText().trimmed()); // null when invalid: validate()
    config.port = quint16(m_port->value());
    const QString prefix = prefixText(m_prefix->text().trimmed());
    config.pathPrefix = prefix.isEmpty() ? QStringLiteral("/") : QLatin1Char('/') + prefix + QLatin1Char('/');
    config.allowedHosts = m_hosts->hosts();
    config.tlsCertificateFile = m_tlsCert->text().trimmed();
    config.tlsKeyFile = m_tlsKey->text().trimmed();
    config.budgetMs = m_budget->value();
    config.grabOnRequestAfterMs = m_grabAfter->value();
    config.refreshIntervalMs = m_refresh->value() * 1000;
    // The form has no grace field: keep the last image at least two refreshes long (validate() wants more
    // than one).
    config.offlineGraceMs = qMax(config.offlineGraceMs, 2 * config.refreshIntervalMs);
    return config;
}

void GeneratorSettingsForm::setSecretVisible(bool visible) {
    m_prefix->setEchoMode(visible ? QLineEdit::Normal : QLineEdit::Password);
}

QString GeneratorSettingsForm::randomPrefix() {
    return StandinIdentity::newPrefix();
}

void GeneratorSettingsForm::pickFile(QLineEdit* field, const QString& title) {
    const QString file = QFileDialog::getOpenFileName(this, title, field->text(),
                                                      tr("PEM files (*.pem *.crt *.key);;All files (*)"));
    if (!file.isEmpty())
        field->setText(file);
}

} // namespace avld
