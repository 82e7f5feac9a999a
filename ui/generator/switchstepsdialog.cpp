#include "switchstepsdialog.h"

#include "encoderurlbox.h"
#include "site/siteclient.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace avld {

SwitchStepsDialog::SwitchStepsDialog(const QUrl& siteUrl, const QString& siteName, const QUrl& encoderUrl,
                                     QWidget* parent)
    : QDialog(parent)
    , m_encoderUrl(encoderUrl)
    , m_configurationsUrl(SiteClient::siteConfigurationsUrl(siteUrl))
    , m_url(new EncoderUrlBox(this))
    , m_steps(new QLabel(this))
    , m_caveat(new QLabel(this)) {
    m_caveat->setObjectName(QStringLiteral("switchCaveat"));
    m_caveat->setWordWrap(true);
    m_caveat->hide();
    setObjectName(QStringLiteral("switchStepsDialog"));
    setWindowTitle(tr("Point %1 at %2").arg(siteName, encoderUrl.host()));

    auto* intro =
        new QLabel(tr("AVideo offers no safe way to change its Encoder URL from outside (its settings "
                      "form rewrites every setting at once), so change it in the site's admin pages:"),
                   this);
    intro->setWordWrap(true);
    m_steps->setObjectName(QStringLiteral("switchSteps"));
    m_steps->setWordWrap(true);
    m_steps->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The URL in the steps stays masked: the Copy button gives the real one.
    m_steps->setText(SiteClient::encoderSwitchSteps(
        siteUrl, tr("%1  (the Copy button below puts the whole URL on the clipboard)")
                     .arg(EncoderUrlBox::masked(encoderUrl))));
    m_url->setObjectName(QStringLiteral("switchUrlBox"));
    m_url->setUrl(encoderUrl);
    auto* copiedNote = new QLabel(this);
    copiedNote->setObjectName(QStringLiteral("copiedNote"));
    connect(m_url, &EncoderUrlBox::copied, copiedNote,
            [copiedNote] { copiedNote->setText(tr("Copied: paste it into \"Encoder URL\" and save.")); });

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* open = buttons->addButton(tr("Open Site Configurations"), QDialogButtonBox::ActionRole);
    open->setObjectName(QStringLiteral("openConfigurationsButton"));
    open->setToolTip(m_configurationsUrl.toString());
    QPushButton* checkNow = buttons->addButton(tr("I changed it — check now"), QDialogButtonBox::AcceptRole);
    checkNow->setObjectName(QStringLiteral("checkNowButton"));
    checkNow->setToolTip(tr("Reads the site's Encoder URL again (needs an admin sign-in) and follows it."));
    QPushButton* close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    checkNow->setDefault(true);
    connect(open, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(m_configurationsUrl); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT checkNowRequested();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_caveat);
    layout->addWidget(intro);
    layout->addWidget(m_steps);
    layout->addWidget(new QLabel(tr("Encoder URL:"), this));
    layout->addWidget(m_url);
    layout->addWidget(copiedNote);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

void SwitchStepsDialog::setCaveat(const QString& caveat) {
    m_caveat->setText(caveat);
    m_caveat->setVisible(!caveat.isEmpty());
}

} // namespace avld
