#include "alertchanneldialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace avld {

AlertChannelDialog::AlertChannelDialog(QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("alertChannelDialog"));
    setWindowTitle(tr("Alert channel"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("alertKind"));
    m_kind->addItem(tr("ntfy"), QStringLiteral("ntfy"));
    m_kind->addItem(tr("Telegram"), QStringLiteral("telegram"));
    m_kind->addItem(tr("Discord"), QStringLiteral("discord"));
    m_kind->addItem(tr("Slack"), QStringLiteral("slack"));
    m_kind->addItem(tr("E-mail (SMTP)"), QStringLiteral("email"));
    m_kind->addItem(tr("Webhook (JSON)"), QStringLiteral("webhook"));
    form->addRow(tr("Kind:"), m_kind);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("alertName"));
    m_name->setPlaceholderText(tr("optional, e.g. \"Ops on call\""));
    form->addRow(tr("Name:"), m_name);
    auto addField = [&](QLabel*& label, QLineEdit*& edit, const QString& name) {
        label = new QLabel(this);
        edit = new QLineEdit(this);
        edit->setObjectName(name);
        label->setBuddy(edit);
        form->addRow(label, edit);
    };
    addField(m_targetLabel, m_target, QStringLiteral("alertTarget"));
    addField(m_apiLabel, m_api, QStringLiteral("alertApiUrl"));
    addField(m_fromLabel, m_from, QStringLiteral("alertFrom"));
    addField(m_toLabel, m_to, QStringLiteral("alertTo"));
    addField(m_secretLabel, m_secret, QStringLiteral("alertSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_apiLabel->setText(tr("Bot API address:"));
    m_api->setPlaceholderText(tr("optional; Telegram's own when empty"));
    m_fromLabel->setText(tr("From:"));
    m_from->setPlaceholderText(tr("doctor@example.org"));
    m_toLabel->setText(tr("To:"));
    m_to->setPlaceholderText(tr("ops@example.org, oncall@example.org"));
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("alertDialogError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &AlertChannelDialog::showFieldsForKind);
    showFieldsForKind();
    resize(520, sizeHint().height());
}

void AlertChannelDialog::showFieldsForKind() {
    const QString kind = m_kind->currentData().toString();
    const bool email = kind == QStringLiteral("email");
    const bool urlIsSecret = kind == QStringLiteral("discord") || kind == QStringLiteral("slack");
    m_targetLabel->setVisible(!urlIsSecret);
    m_target->setVisible(!urlIsSecret);
    m_apiLabel->setVisible(kind == QStringLiteral("telegram"));
    m_api->setVisible(kind == QStringLiteral("telegram"));
    for (QWidget* w : {static_cast<QWidget*>(m_fromLabel), static_cast<QWidget*>(m_from),
                       static_cast<QWidget*>(m_toLabel), static_cast<QWidget*>(m_to)})
        w->setVisible(email);
    const QString keep = m_editing ? tr(" (leave empty to keep the one in the keychain)") : QString();
    if (kind == QStringLiteral("ntfy")) {
        m_targetLabel->setText(tr("Topic URL:"));
        m_target->setPlaceholderText(tr("https://ntfy.sh/my-avideo-alerts"));
        m_secretLabel->setText(tr("Access token:"));
        m_secret->setPlaceholderText(tr("optional, for a protected topic") + keep);
        m_hint->setText(tr("The picture goes as an ntfy attachment."));
    } else if (kind == QStringLiteral("telegram")) {
        m_targetLabel->setText(tr("Chat id:"));
        m_target->setPlaceholderText(tr("-1001234567890 or @channel"));
        m_secretLabel->setText(tr("Bot token:"));
        m_secret->setPlaceholderText(tr("from @BotFather") + keep);
        m_hint->setText(tr("With a picture the bot sends a photo with the text as its caption."));
    } else if (kind == QStringLiteral("discord")) {
        m_secretLabel->setText(tr("Webhook URL:"));
        m_secret->setPlaceholderText(tr("https://discord.com/api/webhooks/…") + keep);
        m_hint->setText(
            tr("The webhook URL is a secret (anyone with it can post): it is kept in the keychain. The "
               "picture is attached to the message."));
    } else if (kind == QStringLiteral("slack")) {
        m_secretLabel->setText(tr("Webhook URL:"));
        m_secret->setPlaceholderText(tr("https://hooks.slack.com/services/…") + keep);
        m_hint->setText(
            tr("Slack incoming webhooks take no files: the message says so and the picture stays in "
               "the window and the other channels."));
    } else if (kind == QStringLiteral("email")) {
        m_targetLabel->setText(tr("SMTP server:"));
        m_target->setPlaceholderText(
            tr("smtps://user@mail.example.org:465 or smtp://user@mail.example.org:587"));
        m_secretLabel->setText(tr("Password:"));
        m_secret->setPlaceholderText(tr("optional") + keep);
        m_hint->setText(
            tr("smtps:// is TLS from the start; smtp:// must switch to TLS (STARTTLS) except to this "
               "computer's own mail server. The picture is attached."));
    } else {
        m_targetLabel->setText(tr("URL:"));
        m_target->setPlaceholderText(tr("https://automation.example.org/hooks/avideo"));
        m_secretLabel->setText(tr("Secret URL:"));
        m_secret->setPlaceholderText(tr("optional: a URL kept in the keychain instead of the one above") +
                                     keep);
        m_hint->setText(tr("A JSON POST with the alert's facts; the picture in base64."));
    }
}

void AlertChannelDialog::setChannel(const AlertChannelConfig& config) {
    m_config = config;
    m_editing = true;
    m_kind->setCurrentIndex(m_kind->findData(config.kind));
    m_kind->setEnabled(false); // another kind is another channel
    m_name->setText(config.name);
    m_target->setText(config.target);
    m_api->setText(config.apiUrl.toString());
    m_from->setText(config.from);
    m_to->setText(config.to.join(QStringLiteral(", ")));
    showFieldsForKind();
}

AlertChannelConfig AlertChannelDialog::channel() const {
    AlertChannelConfig c = m_config;
    c.kind = m_kind->currentData().toString();
    c.name = m_name->text().trimmed();
    const bool urlIsSecret = c.kind == QStringLiteral("discord") || c.kind == QStringLiteral("slack");
    c.target = urlIsSecret ? QString() : m_target->text().trimmed();
    c.apiUrl = c.kind == QStringLiteral("telegram") ? QUrl(m_api->text().trimmed()) : QUrl();
    c.from = c.kind == QStringLiteral("email") ? m_from->text().trimmed() : QString();
    c.to.clear();
    if (c.kind == QStringLiteral("email"))
        for (const QString& to : m_to->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            c.to.append(to.trimmed());
    return c;
}

std::optional<QString> AlertChannelDialog::secret() const {
    if (m_editing && m_secret->text().isEmpty())
        return std::nullopt;
    return m_secret->text().trimmed();
}

void AlertChannelDialog::accept() {
    const AlertChannelConfig c = channel();
    QString problem = c.problem();
    if (problem.isEmpty() && !m_editing && c.needsSecret() && m_secret->text().trimmed().isEmpty())
        problem = tr("Give its %1.").arg(AlertChannelConfig::secretDescription(c.kind));
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace avld
