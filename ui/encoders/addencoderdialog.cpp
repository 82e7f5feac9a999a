#include "addencoderdialog.h"

#include "palettecolours.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace avld {

AddEncoderDialog::AddEncoderDialog(QWidget* parent)
    : AddEncoderDialog(std::nullopt, parent) {}

AddEncoderDialog::AddEncoderDialog(const EncoderTarget& editing, QWidget* parent)
    : AddEncoderDialog(std::optional<EncoderTarget>(editing), parent) {}

AddEncoderDialog::AddEncoderDialog(std::optional<EncoderTarget> editing, QWidget* parent)
    : QDialog(parent)
    , m_editing(std::move(editing))
    , m_edit(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    m_edit->setObjectName(QStringLiteral("encoderUrlEdit"));
    m_edit->setPlaceholderText(QStringLiteral("https://encoder.example/"));
    m_edit->setMinimumWidth(380);
    m_problem->setObjectName(QStringLiteral("encoderUrlProblem"));
    m_problem->setWordWrap(true);
    setTextColour(m_problem, badTextColour(palette()));
    if (m_editing)
        buildEditForm();
    else
        buildAddForm();
    layout()->addWidget(m_problem);
    if (m_note)
        layout()->addWidget(m_note);
    layout()->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QLineEdit::textChanged, this, &AddEncoderDialog::validate);
    validate();
}

void AddEncoderDialog::buildAddForm() {
    setObjectName(QStringLiteral("addEncoderDialog"));
    setWindowTitle(tr("Add an encoder"));
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(tr("URL of the encoder, as in AVideo's Encoder URL setting:"), this);
    layout->addWidget(label);
    label->setBuddy(m_edit);
    layout->addWidget(m_edit);
}

void AddEncoderDialog::buildEditForm() {
    const EncoderTarget& target = *m_editing;
    const bool isSite = target.origin == EncoderOrigin::SiteConfigured;
    setObjectName(QStringLiteral("editEncoderDialog"));
    setWindowTitle(tr("Edit encoder"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    m_name = new QLineEdit(target.name, this);
    m_name->setObjectName(QStringLiteral("encoderNameEdit"));
    m_name->setPlaceholderText(target.hostLabel());
    m_name->setToolTip(tr("How the encoder is shown here; empty: its host"));
    form->addRow(tr("&Name:"), m_name);

    m_edit->setText(target.url.toString());
    m_edit->setReadOnly(isSite);
    if (isSite) { // read-only line edits look editable: give it the window's background
        QPalette greyed = m_edit->palette();
        greyed.setColor(QPalette::Base, greyed.color(QPalette::Window));
        m_edit->setPalette(greyed);
    }
    m_edit->setToolTip(isSite ? tr("Set by the site's Encoder URL setting")
                              : tr("As in AVideo's Encoder URL setting"));
    form->addRow(tr("&URL:"), m_edit);

    m_interval = new QSpinBox(this);
    m_interval->setObjectName(QStringLiteral("encoderIntervalSpin"));
    // Wide enough to show the current interval as it is, even outside the usual range.
    const int seconds = std::max(1, (target.intervalMs + 500) / 1000);
    m_interval->setRange(std::min(kMinIntervalSeconds, seconds), std::max(kMaxIntervalSeconds, seconds));
    m_interval->setSuffix(QStringLiteral(" s"));
    m_interval->setAccelerated(true);
    m_interval->setValue(seconds);
    m_initialSeconds = m_interval->value();
    m_interval->setToolTip(tr("Time between two probes while the encoder's state holds (%1 s to %2 s)")
                               .arg(kMinIntervalSeconds)
                               .arg(kMaxIntervalSeconds));
    form->addRow(tr("&Probe every:"), m_interval);
    // Down the form, as it reads (the URL field was made before the name).
    setTabOrder(m_name, m_edit);
    setTabOrder(m_edit, m_interval);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("encoderEditNote"));
    m_note->setWordWrap(true);
    setTextColour(m_note, mutedTextColour(palette()));
    if (isSite)
        m_note->setText(tr("This is the site's own encoder: its URL is the site's Encoder URL "
                           "setting, so change it there. Here you can rename it and set how "
                           "often it is probed."));
    m_name->setFocus();
}

void AddEncoderDialog::setWatchedUrls(const QHash<QUrl, QString>& nameByUrl) {
    m_watchedUrls = nameByUrl;
    validate();
}

std::optional<QUrl> AddEncoderDialog::encoderUrl(const QString& text, QString* why) {
    const QString trimmed = text.trimmed();
    auto fail = [&](const QString& message) -> std::optional<QUrl> {
        if (why)
            *why = message;
        return std::nullopt;
    };
    if (trimmed.isEmpty())
        return fail(QString());
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return fail(tr("This is not a URL."));
    if (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https"))
        return fail(tr("The URL must start with http:// or https://."));
    if (url.host().isEmpty())
        return fail(tr("The URL has no host."));
    if (url.hasQuery() || url.hasFragment())
        return fail(tr("Give the encoder's root, without ?query or #fragment."));
    if (!url.path().endsWith(QLatin1Char('/')))
        url.setPath(url.path() + QLatin1Char('/'));
    return url;
}

QUrl AddEncoderDialog::url() const {
    return encoderUrl(m_edit->text()).value_or(QUrl());
}

EncoderTarget AddEncoderDialog::target() const {
    EncoderTarget target = m_editing.value_or(EncoderTarget{});
    if (!m_editing)
        return target;
    if (const QUrl edited = url(); !edited.isEmpty() && target.origin != EncoderOrigin::SiteConfigured)
        target.url = edited;
    const QString name = m_name->text().trimmed();
    target.name = name.isEmpty() ? target.hostLabel() : name;
    if (m_interval->value() != m_initialSeconds) {
        target.intervalMs = m_interval->value() * 1000;
        target.retryIntervalMs = std::min(target.retryIntervalMs, target.intervalMs);
    }
    return target;
}

void AddEncoderDialog::validate() {
    QString why;
    std::optional<QUrl> url = encoderUrl(m_edit->text(), &why);
    if (url && m_watchedUrls.contains(*url)) {
        why = tr("Already watched as “%1”.").arg(m_watchedUrls.value(*url));
        url.reset();
    }
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(url.has_value());
    if (!m_editing || m_editing->origin == EncoderOrigin::SiteConfigured)
        return;
    const bool moved = url && *url != m_editing->url;
    m_note->setText(moved ? tr("A new address for the same encoder: its history continues under "
                               "the new address. Its state starts again from unknown, with a "
                               "probe at once.")
                          : QString());
    m_note->setVisible(moved);
}

} // namespace avld
