#include "settingspage.h"

#include "generator/standinidentity.h"
#include "logcolors.h"
#include "secretstore.h"
#include "settingeditor.h"
#include "ui_settingspage.h"
#include "uilanguage.h"

#include <QCheckBox>
#include <QDir>
#include <QFormLayout>
#include <QTimer>

#include <algorithm>

namespace avld {

namespace {

// How long the keychain may take to answer before the page says it is still waiting (it may be asking
// the user to unlock it).
constexpr int kKeychainPatienceMs = 10000;

void setTextColor(QLabel* label, const QColor& color) {
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

} // namespace

SettingsPage::SettingsPage(Settings& settings, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SettingsPage>())
    , m_settings(settings) {
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("settingsPage"));
    QFont titleFont = m_ui->pageTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_ui->pageTitle->setFont(titleFont);

    fillChoices();
    bindFields();
    for (Field& f : m_fields)
        load(f, m_settings.value(f.id));

    connect(m_ui->applyButton, &QPushButton::clicked, this, &SettingsPage::apply);
    connect(m_ui->revertButton, &QPushButton::clicked, this, &SettingsPage::revert);
    connect(m_ui->restoreDefaultsButton, &QPushButton::clicked, this, &SettingsPage::restoreDefaults);
    connect(&m_settings, &Settings::changed, this, &SettingsPage::onStoredChange);

    m_ui->secretsLocationLabel->setText(
        tr("Passwords and password hashes are never written to the settings file or the log."));
    m_ui->keychainStatusLabel->setText(tr("No secret store is configured."));
    updateButtons();
}

SettingsPage::~SettingsPage() = default;

void SettingsPage::addSection(QWidget* section) {
    // Before the spacer that keeps the groups at the top.
    m_ui->groupsLayout->insertWidget(std::max(0, m_ui->groupsLayout->count() - 1), section);
}

void SettingsPage::bindFields() {
    bind(SettingId::LivesRefreshSeconds, m_ui->livesRefreshSecondsEdit, m_ui->livesRefreshSecondsLabel);
    bind(SettingId::GrabTimeoutMs, m_ui->grabTimeoutMsEdit, m_ui->grabTimeoutMsLabel);
    bind(SettingId::UserAgent, m_ui->userAgentEdit, m_ui->userAgentLabel);
    bind(SettingId::ProbeIntervalSeconds, m_ui->probeIntervalSecondsEdit, m_ui->probeIntervalSecondsLabel);
    bind(SettingId::FailuresBeforeDown, m_ui->failuresBeforeDownEdit, m_ui->failuresBeforeDownLabel);
    bind(SettingId::SuccessesBeforeUp, m_ui->successesBeforeUpEdit, m_ui->successesBeforeUpLabel);
    bind(SettingId::GeneratorListenAddress, m_ui->generatorListenAddressEdit,
         m_ui->generatorListenAddressLabel);
    bind(SettingId::GeneratorPort, m_ui->generatorPortEdit, m_ui->generatorPortLabel);
    bind(SettingId::GeneratorBudgetMs, m_ui->generatorBudgetMsEdit, m_ui->generatorBudgetMsLabel);
    bind(SettingId::CloseToTray, m_ui->closeToTrayEdit, nullptr);
    bind(SettingId::LogLevel, m_ui->logLevelEdit, m_ui->logLevelLabel);
    bind(SettingId::Language, m_ui->languageEdit, m_ui->languageLabel);
    // Every setting but the last site opened, which the site chooser keeps.
    Q_ASSERT(m_fields.size() == Settings::table().size() - 1);

    // One label column width for every group, so the editors line up down the page.
    int labelWidth = 0;
    for (const Field& f : m_fields) {
        if (f.label)
            labelWidth = std::max(labelWidth, f.label->sizeHint().width());
    }
    for (const Field& f : m_fields) {
        if (f.label)
            f.label->setMinimumWidth(labelWidth);
    }
}

void SettingsPage::fillChoices() {
    // The stored value is the item's data; the text is in the user's language.
    m_ui->logLevelEdit->addItem(tr("debug"), QStringLiteral("debug"));
    m_ui->logLevelEdit->addItem(tr("info"), QStringLiteral("info"));
    m_ui->logLevelEdit->addItem(tr("warning"), QStringLiteral("warning"));
    m_ui->languageEdit->addItem(tr("System default"), QStringLiteral("system"));
    for (const UiLanguage& language : uiLanguages())
        m_ui->languageEdit->addItem(language.nativeName, language.code);
}

void SettingsPage::bind(SettingId id, QWidget* editor, QLabel* label) {
    const SettingSpec& spec = Settings::spec(id);
    editor->setToolTip(Settings::description(id));
    // The editor takes only what the check accepts: a value out of range cannot be typed, not only
    // refused on Apply.
    if (auto* spin = qobject_cast<QSpinBox*>(editor); spin && spec.validate.minimum)
        spin->setRange(*spec.validate.minimum, spec.validate.maximum.value_or(spin->maximum()));
    if (label) {
        label->setText(tr("%1:").arg(Settings::label(id)));
        label->setToolTip(Settings::description(id));
        label->setBuddy(editor);
    } else if (auto* check = qobject_cast<QCheckBox*>(editor)) {
        check->setText(Settings::label(id));
    }

    // The refusal reason goes on its own row right under the field, hidden until there is one.
    auto* error = new QLabel(editor->parentWidget());
    error->setObjectName(editor->objectName() + QStringLiteral("Error"));
    error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTextColor(error, levelColor(QtCriticalMsg, palette()));
    error->hide();
    if (auto* form = qobject_cast<QFormLayout*>(editor->parentWidget()->layout())) {
        int row = -1;
        QFormLayout::ItemRole role;
        form->getWidgetPosition(editor, &row, &role);
        form->insertRow(row + 1, static_cast<QWidget*>(nullptr), error);
    }

    m_fields.push_back(Field{id, editor, label, error, {}});
    onEditorChanged(editor, this, [this, id] {
        if (Field* f = field(id); f && !f->error->isHidden() && editorValue(f->editor) != f->loaded)
            showError(*f, {});
        updateButtons();
    });
}

SettingsPage::Field* SettingsPage::field(SettingId id) {
    for (Field& f : m_fields) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

const SettingsPage::Field* SettingsPage::field(SettingId id) const {
    return const_cast<SettingsPage*>(this)->field(id);
}

QWidget* SettingsPage::editorFor(SettingId id) const {
    const Field* f = field(id);
    return f ? f->editor : nullptr;
}

QString SettingsPage::errorFor(SettingId id) const {
    const Field* f = field(id);
    return f && !f->error->isHidden() ? f->error->text() : QString();
}

bool SettingsPage::hasPendingChanges() const {
    for (const Field& f : m_fields) {
        if (editorValue(f.editor) != m_settings.value(f.id))
            return true;
    }
    return false;
}

void SettingsPage::load(Field& f, const QVariant& value) {
    f.loaded = value;
    setEditorValue(f.editor, value);
    showError(f, {});
}

void SettingsPage::showError(Field& f, const Status& error) {
    QString text = error.ok() ? QString() : error.error().toString();
    // Under its field the setting's name is already in view: "Label: must be…" reads "must be…".
    const QString prefix = Settings::tr("%1: %2").arg(Settings::label(f.id), QString());
    if (text.startsWith(prefix))
        text = text.mid(prefix.size());
    f.error->setText(text);
    f.error->setVisible(!error.ok());
}

bool SettingsPage::apply() {
    int stored = 0;
    int refused = 0;
    for (Field& f : m_fields) {
        const QVariant edited = editorValue(f.editor);
        if (edited == m_settings.value(f.id)) {
            showError(f, {});
            continue;
        }
        if (const Status error = m_settings.setValue(f.id, edited); !error.ok()) {
            showError(f, error);
            ++refused;
        } else {
            f.loaded = edited;
            showError(f, {});
            ++stored;
        }
    }
    m_settings.sync();
    if (refused > 0)
        m_ui->statusLine->setText(
            tr("%n value(s) refused and not saved; see the marked fields.", nullptr, refused));
    else
        m_ui->statusLine->setText(stored > 0 ? tr("Saved.") : tr("Nothing to save."));
    updateButtons();
    Q_EMIT applied();
    return refused == 0;
}

void SettingsPage::revert() {
    for (Field& f : m_fields)
        load(f, m_settings.value(f.id));
    m_ui->statusLine->setText(tr("Showing the stored values."));
    updateButtons();
}

void SettingsPage::restoreDefaults() {
    for (Field& f : m_fields) {
        setEditorValue(f.editor, Settings::spec(f.id).defaultValue);
        showError(f, {});
    }
    m_ui->statusLine->setText(tr("Defaults filled in; Apply keeps them."));
    updateButtons();
}

void SettingsPage::onStoredChange(SettingId id, const QVariant& value) {
    // Changed elsewhere (or by apply()): follow it unless the user has an unapplied edit in that field.
    Field* f = field(id);
    if (!f)
        return;
    if (editorValue(f->editor) == f->loaded)
        load(*f, value);
    f->loaded = value;
    updateButtons();
}

void SettingsPage::updateButtons() {
    const bool pending = hasPendingChanges();
    m_ui->applyButton->setEnabled(pending);
    m_ui->revertButton->setEnabled(pending);
}

void SettingsPage::setTrayAvailable(bool available) {
    m_ui->closeToTrayEdit->setEnabled(available);
    m_ui->closeToTrayEdit->setText(available
                                       ? tr("Close to tray")
                                       : tr("Close to tray (this desktop has no system tray: closing the "
                                            "window quits)"));
}

void SettingsPage::setSecretStore(SecretStore* store) {
    m_secrets = store;
    m_keychainAnswered = false;
    if (!store) {
        m_ui->keychainStatusLabel->setText(tr("No secret store is configured."));
        return;
    }
    m_ui->secretsLocationLabel->setText(
        tr("Passwords and password hashes are kept in the %1 (never in the settings file or the log). "
           "So is the stand-in's secret Encoder URL prefix for each site; where no keychain runs, that "
           "one is kept in a file only you can read, in %2.")
            .arg(store->backendName(), QDir::toNativeSeparators(StandinIdentityStore::defaultDirectory())));
    m_ui->keychainStatusLabel->setText(tr("Checking the keychain…"));
    setTextColor(m_ui->keychainStatusLabel, palette().color(QPalette::WindowText));

    // A read of a name that is never stored: "not-found" means the keychain answered.
    QPointer<SettingsPage> self(this);
    store->read(QStringLiteral("avld/keychain-probe"), [self](Result<QString> answer) {
        if (!self)
            return;
        self->m_keychainAnswered = true;
        self->showKeychainState(answer.ok() ? Status{} : Status{answer.error()});
    });
    QTimer::singleShot(kKeychainPatienceMs, this, [this] {
        if (!m_keychainAnswered)
            m_ui->keychainStatusLabel->setText(
                tr("The keychain has not answered yet; it may be waiting to be unlocked."));
    });
}

void SettingsPage::showKeychainState(const Status& probe) {
    QLabel* label = m_ui->keychainStatusLabel;
    if (probe.ok() || probe.error().code == QStringLiteral("not-found")) {
        label->setText(tr("The keychain is reachable: passwords you choose to remember are kept there."));
        setTextColor(label, palette().color(QPalette::WindowText));
        return;
    }
    if (probe.error().code == QStringLiteral("no-keychain")) {
        label->setText(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
                           ? tr("No keychain is reachable (no D-Bus session): passwords are not remembered; "
                                "you will be asked each time.")
                           : tr("No keychain is reachable: passwords are not remembered; you will be asked "
                                "each time. %1")
                                 .arg(probe.error().hint));
    } else {
        label->setText(tr("The keychain did not answer: %1").arg(probe.error().toString()));
    }
    setTextColor(label, levelColor(QtWarningMsg, palette()));
}

} // namespace avld
