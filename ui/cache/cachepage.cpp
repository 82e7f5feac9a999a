#include "cachepage.h"

#include "session/sitesession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace avld {

namespace {

constexpr QSize kThumb(240, 135);

QPixmap scaled(const QImage& image) {
    QPixmap pixmap(kThumb);
    pixmap.fill(Qt::transparent);
    if (image.isNull())
        return pixmap;
    QPainter painter(&pixmap);
    const QImage fitted = image.scaled(kThumb, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    painter.drawImage((kThumb.width() - fitted.width()) / 2, (kThumb.height() - fitted.height()) / 2, fitted);
    return pixmap;
}

// Before and after in one picture, an arrow between them.
QIcon beforeAfter(const ThumbnailChange& change) {
    QPixmap both(kThumb.width() * 2 + 40, kThumb.height());
    both.fill(Qt::transparent);
    QPainter painter(&both);
    painter.drawPixmap(0, 0, scaled(change.imageBefore));
    painter.drawPixmap(kThumb.width() + 40, 0, scaled(change.imageAfter));
    painter.setPen(QPen(QColor(0x78, 0x90, 0x9c), 3));
    const int y = kThumb.height() / 2;
    painter.drawLine(kThumb.width() + 8, y, kThumb.width() + 32, y);
    painter.drawLine(kThumb.width() + 24, y - 8, kThumb.width() + 32, y);
    painter.drawLine(kThumb.width() + 24, y + 8, kThumb.width() + 32, y);
    return QIcon(both);
}

QString clearedText(const CacheClearReport& report) {
    QStringList parts;
    if (report.siteCache)
        parts << QStringLiteral("the site cache");
    if (report.allObjectCache)
        parts << QStringLiteral("all object caches");
    return parts.isEmpty() ? QStringLiteral("nothing it reported") : parts.join(QStringLiteral(" and "));
}

} // namespace

CachePage::CachePage(SiteSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);

    auto* intro =
        new QLabel(tr("AVideo keeps each live's thumbnail for up to 5 minutes (15 for animated ones). "
                      "Clearing the caches makes it ask the encoder again at once."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* row = new QHBoxLayout;
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("clearMode"));
    m_mode->addItem(tr("Full"), int(CacheClearMode::Full));
    m_mode->addItem(tr("First page only"), int(CacheClearMode::FirstPage));
    m_mode->addItem(tr("My session only"), int(CacheClearMode::SessionOnly));
    m_renewFirst = new QCheckBox(tr("Ask the encoder for new images first"), this);
    m_renewFirst->setObjectName(QStringLiteral("renewFirst"));
    m_renewFirst->setToolTip(tr("Otherwise the site may cache the encoder's old picture again."));
    m_clearButton = new QPushButton(tr("Clear live caches"), this);
    m_clearButton->setObjectName(QStringLiteral("clearButton"));
    m_clearButton->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    row->addWidget(m_mode);
    row->addWidget(m_renewFirst);
    row->addStretch(1);
    row->addWidget(m_clearButton);
    layout->addLayout(row);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->hide();
    layout->addWidget(m_progress);

    m_answer = new QLabel(tr("Not cleared yet in this session."), this);
    m_answer->setObjectName(QStringLiteral("clearAnswer"));
    m_answer->setWordWrap(true);
    m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_answer);

    m_changes = new QListWidget(this);
    m_changes->setObjectName(QStringLiteral("changedLives"));
    m_changes->setIconSize(QSize(kThumb.width() * 2 + 40, kThumb.height()));
    m_changes->setSelectionMode(QAbstractItemView::NoSelection);
    layout->addWidget(m_changes, 1);

    connect(m_clearButton, &QPushButton::clicked, this, &CachePage::clearNow);
    connect(&m_session, &SiteSession::cacheClearStarted, this, &CachePage::showStarted);
    connect(&m_session, &SiteSession::cacheCleared, this, &CachePage::showOutcome);
}

void CachePage::clearNow() {
    m_session.clearCaches(CacheClearMode(m_mode->currentData().toInt()), m_renewFirst->isChecked());
}

void CachePage::showStarted() {
    m_clearButton->setEnabled(false);
    m_progress->show();
    m_changes->clear();
    m_answer->setText(m_renewFirst->isChecked() && !m_session.encoderUrl().isEmpty()
                          ? tr("Asking the encoder for new images, then clearing…")
                          : tr("Clearing, then looking at every live's thumbnail again…"));
}

void CachePage::showOutcome(const CacheClearOutcome& outcome) {
    m_clearButton->setEnabled(true);
    m_progress->hide();
    if (!outcome.clear) {
        const Error& error = outcome.clear.error();
        m_answer->setText(tr("<b>Not cleared:</b> %1<br>%2")
                              .arg(error.message.toHtmlEscaped(), error.hint.toHtmlEscaped()));
        return;
    }
    m_answer->setText(tr("The site cleared %1. %2 live(s) changed, %3 unchanged.")
                          .arg(clearedText(*outcome.clear))
                          .arg(outcome.changed.size())
                          .arg(outcome.unchanged));
    if (outcome.changed.isEmpty())
        new QListWidgetItem(tr("No live's thumbnail changed: visitors see the same pictures as before."),
                            m_changes);
    for (const ThumbnailChange& change : outcome.changed) {
        auto* item = new QListWidgetItem(
            beforeAfter(change),
            tr("%1\n%2 → %3")
                .arg(change.title, thumbnailClassName(change.before), thumbnailClassName(change.after)),
            m_changes);
        item->setData(Qt::UserRole, change.key);
    }
}

} // namespace avld
