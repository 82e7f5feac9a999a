#include "addencoderdialog.h"

#include "palettecolours.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace avld {

AddEncoderDialog::AddEncoderDialog(QWidget* parent)
    : QDialog(parent)
    , m_edit(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("addEncoderDialog"));
    setWindowTitle(QStringLiteral("Add an encoder"));
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(QStringLiteral("URL of the encoder, as in AVideo's Encoder URL setting:"), this);
    layout->addWidget(label);
    m_edit->setObjectName(QStringLiteral("encoderUrlEdit"));
    m_edit->setPlaceholderText(QStringLiteral("https://encoder.example/"));
    m_edit->setMinimumWidth(380);
    label->setBuddy(m_edit);
    layout->addWidget(m_edit);
    m_problem->setObjectName(QStringLiteral("encoderUrlProblem"));
    setTextColour(m_problem, badTextColour(palette()));
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QLineEdit::textChanged, this, &AddEncoderDialog::validate);
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
        return fail(QStringLiteral("This is not a URL."));
    if (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https"))
        return fail(QStringLiteral("The URL must start with http:// or https://."));
    if (url.host().isEmpty())
        return fail(QStringLiteral("The URL has no host."));
    if (url.hasQuery() || url.hasFragment())
        return fail(QStringLiteral("Give the encoder's root, without ?query or #fragment."));
    if (!url.path().endsWith(QLatin1Char('/')))
        url.setPath(url.path() + QLatin1Char('/'));
    return url;
}

QUrl AddEncoderDialog::url() const {
    return encoderUrl(m_edit->text()).value_or(QUrl());
}

void AddEncoderDialog::validate() {
    QString why;
    const bool ok = encoderUrl(m_edit->text(), &why).has_value();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace avld
