#include "encoderurlbox.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace avld {

EncoderUrlBox::EncoderUrlBox(QWidget* parent)
    : QWidget(parent)
    , m_field(new QLineEdit(this))
    , m_show(new QPushButton(tr("Show"), this))
    , m_copy(new QPushButton(tr("Copy"), this)) {
    m_field->setObjectName(QStringLiteral("encoderUrlField"));
    m_field->setReadOnly(true);
    m_field->setPlaceholderText(tr("start the service to get its URL"));
    m_field->setToolTip(tr("Admin → Settings → Site Configurations → Encoder URL, then clear the cache."));
    m_show->setObjectName(QStringLiteral("showSecretButton"));
    m_show->setCheckable(true);
    m_show->setToolTip(tr("Show the secret prefix"));
    m_copy->setObjectName(QStringLiteral("copyUrlButton"));
    m_copy->setToolTip(tr("Copy the full URL, secret included"));

    connect(m_show, &QPushButton::toggled, this, [this](bool visible) {
        m_show->setText(visible ? tr("Hide") : tr("Show"));
        refresh();
        Q_EMIT secretVisibleChanged(visible);
    });
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_url.toString(QUrl::FullyEncoded));
        Q_EMIT copied();
    });

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_show);
    layout->addWidget(m_copy);
    refresh();
}

void EncoderUrlBox::setUrl(const QUrl& url) {
    m_url = url;
    refresh();
}

bool EncoderUrlBox::secretVisible() const {
    return m_show->isChecked();
}

void EncoderUrlBox::setSecretVisible(bool visible) {
    m_show->setChecked(visible);
}

QString EncoderUrlBox::masked(const QUrl& url) {
    if (url.path().isEmpty() || url.path() == QStringLiteral("/"))
        return url.toString(QUrl::FullyEncoded);
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
               .toString(QUrl::FullyEncoded) +
           QStringLiteral("/••••••••/");
}

QString EncoderUrlBox::shown(const QUrl& url, bool visible) {
    return visible ? url.toString(QUrl::FullyEncoded) : masked(url);
}

void EncoderUrlBox::refresh() {
    m_field->setText(m_url.isEmpty() ? QString() : shown(m_url, secretVisible()));
    m_copy->setEnabled(!m_url.isEmpty());
}

} // namespace avld
