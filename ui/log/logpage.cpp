#include "logpage.h"

#include "logbuffer.h"
#include "logfiltermodel.h"
#include "logmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace avld {

LogPage::LogPage(LogBuffer& buffer, QWidget* parent)
    : QWidget(parent)
    , m_model(new LogModel(buffer, this))
    , m_filter(new LogFilterModel(this)) {
    setObjectName(QStringLiteral("logPage"));
    m_filter->setSourceModel(m_model);

    auto* title = new QLabel(tr("Log"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto* description = new QLabel(
        tr("What the tool did and saw, by module. Filter by level, category or text; export what is shown "
           "for a support request."),
        this);
    description->setObjectName(QStringLiteral("pageDescription"));
    description->setWordWrap(true);

    m_view = new QTableView(this);
    setupView();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(description);
    layout->addWidget(buildFilterBar());
    layout->addWidget(m_view, 1);
    layout->addWidget(buildActionBar());

    for (const QString& category : m_model->categories())
        addCategory(category);
    connect(m_model, &LogModel::categoryAdded, this, &LogPage::addCategory);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &LogPage::afterRowsInserted);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &LogPage::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &LogPage::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &LogPage::updateCount);

    auto* find = new QShortcut(QKeySequence::Find, this, this, &LogPage::focusSearch);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    updateCount();
    m_view->scrollToBottom();
}

void LogPage::setupView() {
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView* header = m_view->horizontalHeader();
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    const QFontMetrics metrics = m_view->fontMetrics();
    header->resizeSection(LogModel::TimeColumn,
                          metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + 24);
    header->resizeSection(LogModel::LevelColumn, metrics.horizontalAdvance(QStringLiteral("critical")) + 32);
    header->resizeSection(LogModel::CategoryColumn,
                          metrics.horizontalAdvance(QStringLiteral("avld.generator")) + 24);
    m_view->installEventFilter(this);

    // Follow the newest record while the view is at the bottom; stop when the user scrolls up.
    QScrollBar* bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_follow = value >= bar->maximum(); });
}

QWidget* LogPage::buildFilterBar() {
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);

    m_level = new QComboBox(bar);
    m_level->setObjectName(QStringLiteral("levelFilter"));
    m_level->addItem(tr("Debug and above"), int(QtDebugMsg));
    m_level->addItem(tr("Info and above"), int(QtInfoMsg));
    m_level->addItem(tr("Warnings and errors"), int(QtWarningMsg));
    m_level->addItem(tr("Errors only"), int(QtCriticalMsg));
    m_level->setToolTip(tr("Least severe level shown"));
    connect(m_level, &QComboBox::currentIndexChanged, this, &LogPage::applyLevel);

    m_category = new QComboBox(bar);
    m_category->setObjectName(QStringLiteral("categoryFilter"));
    m_category->addItem(tr("All modules"), QString());
    m_category->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_category->setToolTip(tr("Show one module's messages only"));
    connect(m_category, &QComboBox::currentIndexChanged, this, &LogPage::applyCategory);

    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search messages (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setSearchText(text);
        updateCount();
    });

    auto* levelLabel = new QLabel(tr("&Level:"), bar);
    levelLabel->setBuddy(m_level);
    auto* categoryLabel = new QLabel(tr("&Module:"), bar);
    categoryLabel->setBuddy(m_category);
    row->addWidget(levelLabel);
    row->addWidget(m_level);
    row->addSpacing(8);
    row->addWidget(categoryLabel);
    row->addWidget(m_category);
    row->addSpacing(8);
    row->addWidget(m_search, 1);
    return bar;
}

QWidget* LogPage::buildActionBar() {
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);

    m_count = new QLabel(bar);
    m_count->setObjectName(QStringLiteral("countLabel"));
    m_status = new QLabel(bar);
    m_status->setObjectName(QStringLiteral("statusLine"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto* copy = new QPushButton(tr("&Copy"), bar);
    copy->setObjectName(QStringLiteral("copyButton"));
    copy->setToolTip(tr("Copy the selected rows (Ctrl+C)"));
    connect(copy, &QPushButton::clicked, this, &LogPage::copySelection);
    auto* clear = new QPushButton(tr("Clear &view"), bar);
    clear->setObjectName(QStringLiteral("clearButton"));
    clear->setToolTip(tr("Empty the table; new messages keep appearing"));
    connect(clear, &QPushButton::clicked, this, &LogPage::clearView);
    auto* exportButton = new QPushButton(tr("&Export…"), bar);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setToolTip(tr("Save the rows shown to a text file"));
    connect(exportButton, &QPushButton::clicked, this, &LogPage::exportWithDialog);

    row->addWidget(m_count);
    row->addSpacing(12);
    row->addWidget(m_status, 1);
    row->addWidget(copy);
    row->addWidget(clear);
    row->addWidget(exportButton);
    return bar;
}

void LogPage::addCategory(const QString& category) {
    // Keep the modules sorted after the "All modules" entry.
    int at = 1;
    while (at < m_category->count() && m_category->itemData(at).toString() < category)
        ++at;
    m_category->insertItem(at, category, category);
}

void LogPage::applyLevel() {
    m_filter->setMinimumLevel(QtMsgType(m_level->currentData().toInt()));
    updateCount();
    if (m_follow)
        m_view->scrollToBottom();
}

void LogPage::applyCategory() {
    m_filter->setCategory(m_category->currentData().toString());
    updateCount();
    if (m_follow)
        m_view->scrollToBottom();
}

void LogPage::afterRowsInserted() {
    updateCount();
    if (m_follow)
        m_view->scrollToBottom();
}

void LogPage::updateCount() {
    m_count->setText(tr("%1 of %2 messages").arg(m_filter->rowCount()).arg(m_model->rowCount()));
}

void LogPage::showStatus(const QString& text) {
    m_status->setText(text);
    m_status->setToolTip(text);
}

Status LogPage::exportTo(const QString& path) {
    QSaveFile file(path);
    QString text;
    const int rows = m_filter->rowCount();
    for (int row = 0; row < rows; ++row) {
        const QModelIndex source = m_filter->mapToSource(m_filter->index(row, 0));
        text += LogModel::formatLine(m_model->record(source.row())) + u'\n';
    }
    const QString shownPath = QDir::toNativeSeparators(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(text.toUtf8()) < 0 ||
        !file.commit()) {
        Error error{QStringLiteral("export-failed"),
                    tr("Could not write %1: %2").arg(shownPath, file.errorString()),
                    tr("Choose a folder you can write to.")};
        showStatus(error.toString());
        return error;
    }
    showStatus(tr("Exported %n message(s) to %1", nullptr, rows).arg(shownPath));
    return {};
}

void LogPage::exportWithDialog() {
    const QString suggested = QDir::home().filePath(
        QStringLiteral("avld-log-%1.txt").arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss")));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export log"), suggested,
                                                      tr("Text files (*.txt *.log);;All files (*)"));
    if (!path.isEmpty())
        (void)exportTo(path);
}

QString LogPage::selectedText() const {
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QString text;
    for (const QModelIndex& index : rows)
        text += LogModel::formatLine(m_model->record(m_filter->mapToSource(index).row())) + u'\n';
    return text;
}

void LogPage::copySelection() {
    const QString text = selectedText();
    if (text.isEmpty()) {
        showStatus(tr("Select rows to copy."));
        return;
    }
    QApplication::clipboard()->setText(text);
    showStatus(tr("Copied %n row(s).", nullptr, int(text.count(u'\n'))));
}

void LogPage::clearView() {
    m_model->clear();
    m_follow = true;
    showStatus(tr("View cleared; new messages keep appearing."));
}

void LogPage::focusSearch() {
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

bool LogPage::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_view && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->matches(QKeySequence::Copy)) {
        copySelection();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace avld
