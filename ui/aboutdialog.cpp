#include "aboutdialog.h"

#include "media/ffmpeginfo.h"
#include "ui_aboutdialog.h"
#include "uiresources.h"
#include "version.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QIcon>
#include <QPushButton>
#include <QSysInfo>

namespace avld {

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AboutDialog>()) {
    initUiResources();
    m_ui->setupUi(this);
    m_ui->iconLabel->setPixmap(QIcon(QStringLiteral(":/icons/app.svg")).pixmap(64, 64));
    m_ui->titleLabel->setText(QStringLiteral(AVLD_DISPLAY_NAME " " AVLD_VERSION));
    m_ui->versionsLabel->setText(versionsText());

    QPushButton* copy = m_ui->buttonBox->addButton(tr("Copy versions"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyVersionsButton"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(versionsText()); });
}

AboutDialog::~AboutDialog() = default;

QString AboutDialog::versionsText() const {
    const FfmpegInfo ffmpeg = FfmpegInfo::current();
    return tr("%1 %2\nQt %3 (built with %4)\n%5\n%6")
        .arg(QStringLiteral(AVLD_DISPLAY_NAME), QStringLiteral(AVLD_VERSION), QString::fromLatin1(qVersion()),
             QStringLiteral(QT_VERSION_STR), ffmpeg.summary(), QSysInfo::prettyProductName());
}

} // namespace avld
