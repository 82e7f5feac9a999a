#include "messagebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace avld {

MessageBar::MessageBar(QWidget* parent)
    : QFrame(parent)
    , m_label(new QLabel(this)) {
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#messageBar { background: #fdecea; border: 1px solid #e0a39c; "
                                 "border-radius: 4px; } #messageBar QLabel { color: #6b1710; }"));
    m_label->setObjectName(QStringLiteral("messageText"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = new QToolButton(this);
    close->setObjectName(QStringLiteral("messageCloseButton"));
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    hide();
}

void MessageBar::showError(const QString& message, const QString& hint) {
    QString text = QStringLiteral("<b>%1</b>").arg(message.toHtmlEscaped());
    if (!hint.isEmpty())
        text += QStringLiteral("<br>%1").arg(hint.toHtmlEscaped());
    m_label->setText(text);
    show();
}

QString MessageBar::text() const {
    return m_label->text();
}

} // namespace avld
