#include "livespage.h"

#include "hoverpreview.h"
#include "livesfiltermodel.h"
#include "livesmodel.h"
#include "livetiledelegate.h"
#include "refreshcountdown.h"
#include "tilepreview.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QShortcut>
#include <QSlider>
#include <QStackedWidget>
#include <QToolButton>

namespace avld {

namespace {

constexpr int kDefaultTileWidth = 380;

QLabel* makeErrorBar() {
    auto* bar = new QLabel;
    bar->setObjectName(QStringLiteral("errorBar"));
    bar->setWordWrap(true);
    bar->setMargin(8);
    bar->setAutoFillBackground(true);
    bar->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Its own colours, not the palette's: an error must stand out the same on light and dark themes.
    QPalette palette = bar->palette();
    palette.setColor(QPalette::Window, QColor(0xc6, 0x28, 0x28));
    palette.setColor(QPalette::WindowText, Qt::white);
    bar->setPalette(palette);
    bar->hide();
    return bar;
}

} // namespace

LivesPage::LivesPage(QWidget* parent)
    : QWidget(parent)
    , m_model(new LivesModel(this))
    , m_filter(new LivesFilterModel(this))
    , m_delegate(new LiveTileDelegate(this))
    , m_countdown(new RefreshCountdown(this))
    , m_preview(new TilePreview(this)) {
    setObjectName(QStringLiteral("livesPage"));
    m_filter->setSourceModel(m_model);

    m_view = new QListView;
    m_view->setObjectName(QStringLiteral("livesView"));
    m_view->setViewMode(QListView::IconMode);
    m_view->setMovement(QListView::Static);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setWrapping(true);
    m_view->setUniformItemSizes(true);
    m_view->setSpacing(0);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setItemDelegate(m_delegate);
    connect(m_delegate, &LiveTileDelegate::picturesRefined, m_view->viewport(),
            qOverload<>(&QWidget::update));
    m_view->setModel(m_filter);
    connect(m_view, &QListView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT liveActivated(index.data(LivesModel::KeyRole).toString());
    });
    m_delegate->setPreview(m_preview);
    m_hover = new HoverPreview(m_view, LivesModel::KeyRole);
    connect(m_hover, &HoverPreview::previewRequested, this, [this](const QString& key) {
        m_preview->load(key); // before asking: an answer may come at once
        Q_EMIT previewRequested(key);
    });
    connect(m_hover, &HoverPreview::previewCancelled, this, [this] {
        m_preview->stop();
        Q_EMIT previewCancelled();
    });
    connect(m_preview, &TilePreview::changed, this, &LivesPage::updateTile);

    m_emptyLabel = new QLabel;
    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_emptyLabel);

    m_errorBar = makeErrorBar();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildToolbar());
    layout->addWidget(m_errorBar);
    layout->addWidget(m_stack, 1);

    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &LivesPage::updateEmptyState);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &LivesPage::updateEmptyState);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &LivesPage::updateEmptyState);
    connect(m_countdown, &RefreshCountdown::changed, this, &LivesPage::updateCountdownLabel);
    connect(m_countdown, &RefreshCountdown::expired, this, &LivesPage::requestRefresh);

    auto* find = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_F), this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    auto* refresh = new QShortcut(QKeySequence(Qt::Key_F5), this);
    refresh->setContext(Qt::WidgetWithChildrenShortcut);
    connect(refresh, &QShortcut::activated, this, &LivesPage::requestRefresh);

    applyTileSize();
    updateEmptyState();
    m_countdown->setPaused(!isVisible());
    m_countdown->restart();
}

QWidget* LivesPage::buildToolbar() {
    m_filterCombo = new QComboBox;
    m_filterCombo->setObjectName(QStringLiteral("livesFilter"));
    for (const auto group : {LivesFilterModel::Group::All, LivesFilterModel::Group::Problems,
                             LivesFilterModel::Group::RealFrames, LivesFilterModel::Group::Cards})
        m_filterCombo->addItem(LivesFilterModel::groupName(group), int(group));
    connect(m_filterCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setGroup(LivesFilterModel::Group(m_filterCombo->currentData().toInt()));
        updateEmptyState();
    });

    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("livesSearch"));
    m_search->setPlaceholderText(tr("Search title, user or key (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setSearchText(text);
        updateEmptyState();
    });

    m_modeGroup = new QButtonGroup(this);
    auto* modes = new QHBoxLayout;
    modes->setSpacing(0);
    const struct {
        TileViewMode mode;
        QString text;
        const char* name;
    } modeButtons[] = {
        {TileViewMode::SideBySide, tr("Side by side"), "sideBySideButton"},
        {TileViewMode::SiteOnly, tr("Site only"), "siteOnlyButton"},
        {TileViewMode::OursOnly, tr("Ours only"), "oursOnlyButton"},
    };
    for (const auto& [mode, text, name] : modeButtons) {
        auto* button = new QToolButton;
        button->setText(text);
        button->setCheckable(true);
        button->setObjectName(QLatin1String(name));
        m_modeGroup->addButton(button, int(mode));
        modes->addWidget(button);
    }
    m_modeGroup->button(int(TileViewMode::SideBySide))->setChecked(true);
    connect(m_modeGroup, &QButtonGroup::idClicked, this, [this](int id) { setViewMode(TileViewMode(id)); });

    m_sizeSlider = new QSlider(Qt::Horizontal);
    m_sizeSlider->setObjectName(QStringLiteral("tileSizeSlider"));
    m_sizeSlider->setRange(220, 640);
    m_sizeSlider->setSingleStep(20);
    m_sizeSlider->setPageStep(60);
    m_sizeSlider->setValue(kDefaultTileWidth);
    m_sizeSlider->setMaximumWidth(140);
    m_sizeSlider->setToolTip(tr("Tile size"));
    connect(m_sizeSlider, &QSlider::valueChanged, this, &LivesPage::applyTileSize);

    m_countdownLabel = new QLabel;
    m_countdownLabel->setObjectName(QStringLiteral("countdownLabel"));
    m_refreshButton = new QPushButton(tr("Refresh now"));
    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    m_refreshButton->setToolTip(tr("Check the site again (F5)"));
    connect(m_refreshButton, &QPushButton::clicked, this, &LivesPage::requestRefresh);

    auto* toolbar = new QWidget;
    auto* row = new QHBoxLayout(toolbar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_filterCombo);
    row->addWidget(m_search, 1);
    row->addLayout(modes);
    row->addWidget(new QLabel(tr("Size")));
    row->addWidget(m_sizeSlider);
    row->addStretch();
    row->addWidget(m_countdownLabel);
    row->addWidget(m_refreshButton);
    return toolbar;
}

void LivesPage::setTiles(const QList<LiveTile>& tiles) {
    m_model->setTiles(tiles);
    updateEmptyState();
    m_countdown->restart();
}

void LivesPage::showPreview(const QString& key, const QList<QImage>& frames, int fps) {
    if (key != m_hover->activeKey() || !m_preview->play(key, frames, fps))
        return;
    // Scale the frames for the tile now, once, rather than in the first paint.
    const QRect slot = m_delegate->previewRect(QRect(QPoint(), m_view->gridSize()), m_view->font());
    m_preview->prepare(slot.size(), m_view->viewport()->devicePixelRatioF());
}

void LivesPage::showPreviewFailure(const QString& key, const QString& reason) {
    if (key == m_hover->activeKey())
        m_preview->fail(key, reason);
}

QSize LivesPage::previewFrameSize() const {
    const QRect slot = m_delegate->previewRect(QRect(QPoint(), m_view->gridSize()), m_view->font());
    return (QSizeF(slot.size()) * m_view->viewport()->devicePixelRatioF()).toSize();
}

void LivesPage::updateTile(const QString& key) {
    const int row = m_model->rowOfKey(key);
    if (row < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row));
    if (index.isValid())
        m_view->update(index);
}

void LivesPage::setRefreshInterval(int seconds) {
    m_countdown->setInterval(seconds);
}

void LivesPage::setBusy(bool busy) {
    m_busy = busy;
    m_refreshButton->setEnabled(!busy);
    if (busy)
        m_countdown->hold();
    updateCountdownLabel();
}

void LivesPage::setError(const QString& message) {
    m_errorBar->setText(message);
    m_errorBar->setVisible(!message.isEmpty());
    if (!message.isEmpty())
        m_countdown->restart(); // try again at the next interval
}

void LivesPage::setViewMode(TileViewMode mode) {
    m_modeGroup->button(int(mode))->setChecked(true);
    if (mode == m_delegate->mode())
        return;
    m_delegate->setMode(mode);
    applyTileSize();
}

TileViewMode LivesPage::viewMode() const {
    return m_delegate->mode();
}

int LivesPage::secondsUntilRefresh() const {
    return m_countdown->remaining();
}

void LivesPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    m_countdown->setPaused(false);
}

void LivesPage::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    m_countdown->setPaused(true);
    m_hover->cancel(); // nobody watches: stop the preview and its loading
}

void LivesPage::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyTileSize();
}

void LivesPage::requestRefresh() {
    if (m_busy)
        return;
    m_countdown->hold();
    Q_EMIT refreshRequested();
}

void LivesPage::applyTileSize() {
    m_delegate->setTileWidth(m_sizeSlider->value());
    // The grid is the tile: the delegate leaves the space between tiles inside it.
    m_view->setGridSize(m_delegate->tileSize(m_view->font()));
}

void LivesPage::updateCountdownLabel() {
    if (m_busy)
        m_countdownLabel->setText(tr("Refreshing…"));
    else if (m_countdown->interval() == 0)
        m_countdownLabel->setText(tr("Auto-refresh off"));
    else if (!m_countdown->isCounting())
        m_countdownLabel->setText(tr("Waiting for the check…"));
    else
        m_countdownLabel->setText(tr("Next refresh in %1 s").arg(m_countdown->remaining()));
}

void LivesPage::updateEmptyState() {
    if (m_filter->rowCount() > 0) {
        m_stack->setCurrentWidget(m_view);
        return;
    }
    m_emptyLabel->setText(m_model->rowCount() == 0 ? tr("The site lists no running lives.")
                                                   : tr("No lives match the filter or search."));
    m_stack->setCurrentWidget(m_emptyLabel);
}

} // namespace avld
