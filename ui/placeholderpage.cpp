#include "placeholderpage.h"

#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace avld {

PlaceholderPage::PlaceholderPage(const QString& title, const QString& iconPath, const QString& description,
                                 QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    layout->setSpacing(12);

    auto* heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("pageTitle"));
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    heading->setFont(headingFont);

    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(iconPath).pixmap(64, 64));
    icon->setAlignment(Qt::AlignLeft);

    auto* body = new QLabel(description, this);
    body->setObjectName(QStringLiteral("pageDescription"));
    body->setWordWrap(true);
    body->setTextFormat(Qt::RichText);
    body->setMaximumWidth(720);
    body->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto* status = new QLabel(tr("Not available in this version yet."), this);
    status->setObjectName(QStringLiteral("pageStatus"));
    status->setEnabled(false); // drawn in the palette's muted text colour, light or dark

    layout->addWidget(icon);
    layout->addWidget(heading);
    layout->addWidget(body);
    layout->addWidget(status);
    layout->addStretch(1);
}

} // namespace avld
