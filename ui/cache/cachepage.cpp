#include "cachepage.h"

#include "bitmapqt/qimagebridge.h"
#include "session/sitesession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
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
    painter.drawPixmap(0, 0, scaled(toQImage(change.imageBefore)));
    painter.drawPixmap(kThumb.width() + 40, 0, scaled(toQImage(change.imageAfter)));
    painter.setPen(QPen(QColor(0x78, 0x90, 0x9c), 3));
    const int y = kThumb.height() / 2;
    painter.drawLine(kThumb.width() + 8, y, kThumb.width() + 32, y);
    painter.drawLine(kThumb.width() + 24, y - 8, kThumb.width() + 32, y);
    painter.drawLine(kThumb.width() + 24, y + 8, kThumb.width() + 32, y);
    return QIcon(both);
}

QString clearedText(const CacheClearReport& report) {
    if (report.siteCache && report.allObjectCache)
        return CachePage::tr("the site cache and all object caches");
    if (report.siteCache)
        return CachePage::tr("the site cache");
    if (report.allObjectCache)
        return CachePage::tr("all object caches");
    return CachePage::tr("nothing it reported");
}

QString kilobytes(qint64 bytes) {
    return QStringLiteral("%1 KB").arg(double(bytes) / 1024.0, 0, 'f', 1);
}

struct RenewResult {
    QString text;
    QStyle::StandardPixmap icon;
};

// What the encoder did with one live: a new image, still the old one, or an error and its reason.
RenewResult describeRenewal(const LiveRenewal& live) {
    const EncoderRenewal& renewal = live.renewal;
    if (!renewal.first)
        return {CachePage::tr("error: %1").arg(renewal.first.error().message), QStyle::SP_MessageBoxCritical};
    if (renewal.refreshed)
        return {CachePage::tr("new image served (%1)").arg(kilobytes(renewal.last->bytes)),
                QStyle::SP_DialogApplyButton};
    if (!renewal.last)
        return {CachePage::tr("error: %1").arg(renewal.last.error().message), QStyle::SP_MessageBoxCritical};
    return {CachePage::tr("still the old one (%1, %2) after %n check(s)", nullptr, renewal.polls)
                .arg(thumbnailClassText(renewal.last->cls), kilobytes(renewal.last->bytes)),
            QStyle::SP_MessageBoxWarning};
}

QString liveText(const LiveEntry& live) {
    const QString user =
        live.site && !live.site->userName.isEmpty() ? live.site->userName : CachePage::tr("?");
    const QString seen = live.siteThumbnail ? thumbnailClassText(live.siteThumbnail->cls)
                                            : thumbnailClassText(ThumbnailClass::FetchFailed);
    return CachePage::tr("%1 — %2 · key %3\nVisitors see: %4").arg(live.title(), user, live.key, seen);
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

    m_layout = layout;
    m_clearBox = buildClearBox();
    layout->addWidget(m_clearBox);
    layout->addWidget(buildRenewBox(), 1);

    connect(m_clearButton, &QPushButton::clicked, this, &CachePage::clearNow);
    connect(&m_session, &SiteSession::cacheClearStarted, this, &CachePage::showStarted);
    connect(&m_session, &SiteSession::cacheCleared, this, &CachePage::showOutcome);
    connect(&m_session, &SiteSession::reportReady, this, &CachePage::showLives);
    connect(&m_session, &SiteSession::encoderUrlChanged, this, &CachePage::updateRenewButton);
    connect(&m_session, &SiteSession::renewStarted, this, &CachePage::showRenewStarted);
    connect(&m_session, &SiteSession::renewProgress, this, &CachePage::showRenewProgress);
    connect(&m_session, &SiteSession::renewFinished, this, &CachePage::showRenewOutcome);
    if (m_session.lastReport())
        showLives(*m_session.lastReport());
    else
        (new QListWidgetItem(tr("Waiting for the first check of the site's lives…"), m_lives))
            ->setFlags(Qt::NoItemFlags);
    updateRenewButton();
}

QWidget* CachePage::buildClearBox() {
    auto* box = new QGroupBox(tr("Clear the site's caches"), this);
    auto* layout = new QVBoxLayout(box);
    auto* row = new QHBoxLayout;
    m_mode = new QComboBox(box);
    m_mode->setObjectName(QStringLiteral("clearMode"));
    m_mode->addItem(tr("Full"), int(CacheClearMode::Full));
    m_mode->addItem(tr("First page only"), int(CacheClearMode::FirstPage));
    m_mode->addItem(tr("My session only"), int(CacheClearMode::SessionOnly));
    m_renewFirst = new QCheckBox(tr("Ask the encoder for new images first"), box);
    m_renewFirst->setObjectName(QStringLiteral("renewFirst"));
    m_renewFirst->setToolTip(tr("Otherwise the site may cache the encoder's old picture again."));
    m_clearButton = new QPushButton(tr("Clear live caches"), box);
    m_clearButton->setObjectName(QStringLiteral("clearButton"));
    m_clearButton->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    row->addWidget(m_mode);
    row->addWidget(m_renewFirst);
    row->addStretch(1);
    row->addWidget(m_clearButton);
    layout->addLayout(row);

    m_progress = new QProgressBar(box);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->hide();
    layout->addWidget(m_progress);

    m_answer = new QLabel(tr("Not cleared yet in this session."), box);
    m_answer->setObjectName(QStringLiteral("clearAnswer"));
    m_answer->setWordWrap(true);
    m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_answer);

    m_changes = new QListWidget(box);
    m_changes->setObjectName(QStringLiteral("changedLives"));
    m_changes->setIconSize(QSize(kThumb.width() * 2 + 40, kThumb.height()));
    m_changes->setSelectionMode(QAbstractItemView::NoSelection);
    layout->addWidget(m_changes, 1);
    m_changes->hide(); // until a clear changed something: the lives below get the room
    return box;
}

QWidget* CachePage::buildRenewBox() {
    auto* box = new QGroupBox(tr("Renew chosen lives on the encoder"), this);
    auto* layout = new QVBoxLayout(box);

    m_lives = new QListWidget(box);
    m_lives->setObjectName(QStringLiteral("renewLives"));
    m_lives->setSelectionMode(QAbstractItemView::NoSelection);
    m_lives->setIconSize(QSize(16, 16));
    m_lives->setSpacing(3);
    layout->addWidget(m_lives, 1);

    auto* row = new QHBoxLayout;
    auto* all = new QPushButton(tr("Select all"), box);
    all->setObjectName(QStringLiteral("selectAll"));
    auto* none = new QPushButton(tr("Select none"), box);
    none->setObjectName(QStringLiteral("selectNone"));
    m_thenClear = new QCheckBox(tr("then clear the caches"), box);
    m_thenClear->setObjectName(QStringLiteral("renewThenClear"));
    m_thenClear->setToolTip(tr("Clears the caches as chosen above once the encoder has the new images, so "
                               "the site shows them at once."));
    m_cancelRenew = new QPushButton(tr("Cancel"), box);
    m_cancelRenew->setObjectName(QStringLiteral("cancelRenew"));
    m_cancelRenew->hide();
    m_renewButton = new QPushButton(tr("Renew selected on the encoder"), box);
    m_renewButton->setObjectName(QStringLiteral("renewSelected"));
    row->addWidget(all);
    row->addWidget(none);
    row->addWidget(m_thenClear);
    row->addStretch(1);
    row->addWidget(m_cancelRenew);
    row->addWidget(m_renewButton);
    layout->addLayout(row);

    m_renewProgress = new QProgressBar(box);
    m_renewProgress->setObjectName(QStringLiteral("renewProgress"));
    m_renewProgress->setMaximumHeight(14);
    m_renewProgress->setFormat(tr("%v of %m"));
    m_renewProgress->hide();
    layout->addWidget(m_renewProgress);

    m_renewAnswer = new QLabel(box);
    m_renewAnswer->setObjectName(QStringLiteral("renewAnswer"));
    m_renewAnswer->setWordWrap(true);
    m_renewAnswer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_renewAnswer);

    connect(all, &QPushButton::clicked, this, [this] { setAllChecked(true); });
    connect(none, &QPushButton::clicked, this, [this] { setAllChecked(false); });
    connect(m_lives, &QListWidget::itemChanged, this, &CachePage::rememberCheck);
    connect(m_renewButton, &QPushButton::clicked, this, &CachePage::renewSelected);
    connect(m_cancelRenew, &QPushButton::clicked, &m_session, &SiteSession::cancelRenew);
    return box;
}

void CachePage::clearNow() {
    m_clearRenewsFirst = m_renewFirst->isChecked();
    m_session.clearCaches(CacheClearMode(m_mode->currentData().toInt()), m_renewFirst->isChecked());
}

void CachePage::showChanges(bool visible) {
    m_changes->setVisible(visible);
    m_layout->setStretchFactor(m_clearBox, visible ? 1 : 0);
}

void CachePage::showStarted() {
    m_clearButton->setEnabled(false);
    m_progress->show();
    m_changes->clear();
    showChanges(false);
    m_answer->setText(std::exchange(m_clearRenewsFirst, false) && !m_session.encoderUrl().isEmpty()
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
    showChanges(true);
    m_answer->setText(
        tr("The site cleared %1. %n live(s) changed, %2 unchanged.", nullptr, int(outcome.changed.size()))
            .arg(clearedText(*outcome.clear))
            .arg(outcome.unchanged));
    if (outcome.changed.isEmpty())
        new QListWidgetItem(tr("No live's thumbnail changed: visitors see the same pictures as before."),
                            m_changes);
    for (const ThumbnailChange& change : outcome.changed) {
        auto* item = new QListWidgetItem(
            beforeAfter(change),
            tr("%1\n%2 → %3")
                .arg(change.title, thumbnailClassText(change.before), thumbnailClassText(change.after)),
            m_changes);
        item->setData(Qt::UserRole, change.key);
    }
}

void CachePage::showLives(const SiteCheckReport& report) {
    m_filling = true;
    m_lives->clear();
    QPixmap empty(m_lives->iconSize());
    empty.fill(Qt::transparent);
    const QIcon blank(empty);
    for (const LiveEntry& live : report.lives) {
        if (!isRenewableOnEncoder(live))
            continue; // the site does not ask the encoder for its image
        auto* item = new QListWidgetItem(m_lives);
        QString text = liveText(live);
        if (const auto result = m_results.constFind(live.key); result != m_results.constEnd()) {
            const RenewResult said = describeRenewal(*result);
            text += tr("  ·  Encoder: %1").arg(said.text);
            item->setIcon(style()->standardIcon(said.icon));
            item->setToolTip(said.text);
        } else {
            item->setIcon(blank); // keeps the rows' text aligned
        }
        item->setText(text);
        item->setData(Qt::UserRole, live.key);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(m_checked.contains(live.key) ? Qt::Checked : Qt::Unchecked);
    }
    if (m_lives->count() == 0)
        new QListWidgetItem(report.livesError
                                ? tr("Cannot read the site's lives: %1").arg(report.livesError->message)
                                : tr("The site lists no live right now."),
                            m_lives);
    for (int i = 0; i < m_lives->count(); ++i)
        if (!(m_lives->item(i)->flags() & Qt::ItemIsUserCheckable))
            m_lives->item(i)->setFlags(Qt::NoItemFlags); // a note, not a live
    m_filling = false;
    updateRenewButton();
}

void CachePage::setAllChecked(bool checked) {
    for (int i = 0; i < m_lives->count(); ++i)
        if (m_lives->item(i)->flags() & Qt::ItemIsUserCheckable)
            m_lives->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void CachePage::rememberCheck(QListWidgetItem* item) {
    if (m_filling || !(item->flags() & Qt::ItemIsUserCheckable))
        return;
    const QString key = item->data(Qt::UserRole).toString();
    if (item->checkState() == Qt::Checked)
        m_checked.insert(key);
    else
        m_checked.remove(key);
    updateRenewButton();
}

QStringList CachePage::checkedKeys() const {
    QStringList keys;
    for (int i = 0; i < m_lives->count(); ++i) {
        const QListWidgetItem* item = m_lives->item(i);
        if ((item->flags() & Qt::ItemIsUserCheckable) && item->checkState() == Qt::Checked)
            keys << item->data(Qt::UserRole).toString();
    }
    return keys;
}

void CachePage::updateRenewButton() {
    const bool encoderKnown = !m_session.encoderUrl().isEmpty();
    const bool anyChecked = !checkedKeys().isEmpty();
    m_renewButton->setEnabled(!m_renewing && encoderKnown && anyChecked);
    QString why;
    if (!encoderKnown) {
        why = encoderUrlUnknown().message;
        why[0] = why[0].toUpper();
        why += QLatin1Char('.');
    } else if (!anyChecked) {
        why = tr("Tick the lives whose images the encoder should make again.");
    }
    m_renewButton->setToolTip(why.isEmpty()
                                  ? tr("Asks %1 for new images of the ticked lives (getImage with renew=1).")
                                        .arg(m_session.encoderUrl().toString())
                                  : why);
    if (!m_renewing && m_results.isEmpty())
        m_renewAnswer->setText(
            why.isEmpty() ? tr("The encoder keeps each live's image for 10 minutes; renewing makes it grab a "
                               "new frame now.")
                          : why);
}

void CachePage::renewSelected() {
    const QStringList keys = checkedKeys();
    if (keys.isEmpty() || m_renewing)
        return;
    std::optional<CacheClearMode> thenClear;
    if (m_thenClear->isChecked())
        thenClear = CacheClearMode(m_mode->currentData().toInt());
    m_session.renewOnEncoder(keys, thenClear);
}

void CachePage::showRenewStarted(int total) {
    m_renewing = true;
    m_renewProgress->setRange(0, total);
    m_renewProgress->setValue(0);
    m_renewProgress->show();
    m_cancelRenew->show();
    m_renewAnswer->setText(
        tr("Asking the encoder for new images of %n live(s), then waiting for them…", nullptr, total));
    updateRenewButton();
}

void CachePage::showRenewProgress(int done, int total) {
    m_renewProgress->setRange(0, total);
    m_renewProgress->setValue(done);
}

void CachePage::showRenewOutcome(const LiveRenewOutcome& outcome) {
    m_renewing = false;
    m_renewProgress->hide();
    m_cancelRenew->hide();
    int fresh = 0;
    int old = 0;
    int failed = 0;
    for (const LiveRenewal& live : outcome.lives) {
        m_results.insert(live.key, live);
        if (!live.renewal.first || !live.renewal.last)
            ++failed;
        else if (live.renewal.refreshed)
            ++fresh;
        else
            ++old;
    }
    if (outcome.error)
        m_renewAnswer->setText(
            tr("<b>Not renewed:</b> %1<br>%2")
                .arg(outcome.error->message.toHtmlEscaped(), outcome.error->hint.toHtmlEscaped()));
    else
        m_renewAnswer->setText(
            tr("The encoder served a new image for %1 of %n live(s); %2 still the old one, %3 with an "
               "error.",
               nullptr, int(outcome.lives.size()))
                .arg(fresh)
                .arg(old)
                .arg(failed));
    if (m_session.lastReport())
        showLives(*m_session.lastReport());
    updateRenewButton();
}

} // namespace avld
