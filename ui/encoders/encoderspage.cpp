#include "encoderspage.h"

#include "addencoderdialog.h"
#include "encoderdetailspanel.h"
#include "encoderhistorychart.h"
#include "encoders/encoderreachability.h"
#include "encoders/encoderrecommendation.h"
#include "encoderstablemodel.h"
#include "encoderstatestyle.h"
#include "palettecolours.h"

#include <QCryptographicHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QShowEvent>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace avld {

namespace {

constexpr int kSeriesRefreshMs = 10'000; // also how often the Since durations move

// The same ids as the encoders command, so the history of an encoder added here and there is one.
QString encoderIdFor(const QUrl& url) {
    return QStringLiteral("enc-") +
           QString::fromLatin1(
               QCryptographicHash::hash(url.toEncoded(), QCryptographicHash::Sha256).toHex().left(12));
}

QPushButton* button(const QString& text, const QString& name, const QString& tip, QWidget* parent) {
    auto* b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setToolTip(tip);
    return b;
}

} // namespace

EncodersPage::EncodersPage(EncoderWatch& watch, QWidget* parent)
    : QWidget(parent)
    , m_watch(watch)
    , m_model(new EncodersTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_details(new EncoderDetailsPanel(this))
    , m_add(button(tr("Add…"), QStringLiteral("addEncoderButton"), tr("Watch another encoder"), this))
    , m_edit(button(tr("Edit…"), QStringLiteral("editEncoder"),
                    tr("Change the selected encoder's name, URL or probe interval (F2)"), this))
    , m_remove(button(tr("Remove"), QStringLiteral("removeEncoderButton"),
                      tr("Stop watching the selected encoder (Delete)"), this))
    , m_probe(button(tr("Probe now"), QStringLiteral("probeNowButton"),
                     tr("Probe the selected encoder, or all of them, now (F5)"), this))
    , m_switch(button(tr("How to switch the site to it…"), QStringLiteral("switchEncoderButton"),
                      tr("Shows the steps to set the site's Encoder URL to the selected encoder "
                         "(AVideo cannot be switched safely from outside)"),
                      this))
    , m_seriesRefresh(new QTimer(this)) {
    setObjectName(QStringLiteral("encodersPage"));
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    m_summary->setObjectName(QStringLiteral("encodersSummary"));
    bar->addWidget(m_summary, 1);
    for (QPushButton* b : {m_add, m_edit, m_remove, m_probe, m_switch})
        bar->addWidget(b);
    layout->addLayout(bar);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(EncodersTableModel::SortRole);
    m_table->setObjectName(QStringLiteral("encodersTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(EncodersTableModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers); // F2 and double-click open Edit…
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const QList<int> widths{300, 115, 260, 230, 120, 70, 60, 95, 160}; // "reachable" with its icon
    for (int c = 0; c < widths.size(); ++c)
        m_table->setColumnWidth(c, widths[c]);
    m_table->horizontalHeader()->setSectionResizeMode(EncodersTableModel::Reason, QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(50);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);

    connect(&m_watch, &EncoderWatch::snapshotsChanged, this, &EncodersPage::showSnapshots);
    connect(&m_watch, &EncoderWatch::seriesReady, this, [this](const EncoderSeries& series) {
        if (series.encoderId == selectedId() && series.window == m_details->window())
            m_details->chart()->setSeries(series);
    });
    connect(&m_watch, &EncoderWatch::workstationOfflineChanged, this,
            [this](bool offline, const QString& why) {
                m_offlineNotice = offline ? why : QString();
                updateSummary();
            });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &EncodersPage::selectionChanged);
    connect(m_details, &EncoderDetailsPanel::windowChanged, this, &EncodersPage::requestSeries);
    connect(m_add, &QPushButton::clicked, this, &EncodersPage::addEncoder);
    connect(m_edit, &QPushButton::clicked, this, &EncodersPage::editSelected);
    connect(m_table, &QTableView::doubleClicked, this, &EncodersPage::editSelected);
    connect(m_remove, &QPushButton::clicked, this, &EncodersPage::removeSelected);
    connect(m_probe, &QPushButton::clicked, this, &EncodersPage::probeNow);
    connect(m_switch, &QPushButton::clicked, this, &EncodersPage::askToSwitch);
    auto* del = new QShortcut(QKeySequence::Delete, this, this, &EncodersPage::removeSelected);
    del->setContext(Qt::WidgetWithChildrenShortcut);
    auto* f2 = new QShortcut(QKeySequence(Qt::Key_F2), this, this, &EncodersPage::editSelected);
    f2->setContext(Qt::WidgetWithChildrenShortcut);
    auto* f5 = new QShortcut(QKeySequence(Qt::Key_F5), this, this, &EncodersPage::probeNow);
    f5->setContext(Qt::WidgetWithChildrenShortcut);
    m_seriesRefresh->setInterval(kSeriesRefreshMs);
    connect(m_seriesRefresh, &QTimer::timeout, this, [this] {
        m_model->refreshTimes();
        if (isVisible())
            requestSeries();
    });
    m_seriesRefresh->start();

    showSnapshots(m_watch.snapshots());
}

void EncodersPage::setNewTargetIntervals(int intervalMs, int retryIntervalMs) {
    m_newIntervalMs = intervalMs;
    m_newRetryIntervalMs = retryIntervalMs;
}

QString EncodersPage::selectedId() const {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(EncodersTableModel::IdRole).toString();
}

std::optional<EncoderSnapshot> EncodersPage::selected() const {
    const int row = m_model->rowOf(selectedId());
    if (const EncoderSnapshot* s = m_model->snapshotAt(row))
        return *s;
    return std::nullopt;
}

void EncodersPage::selectEncoder(const QString& id) {
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->setCurrentIndex(index);
}

void EncodersPage::showSnapshots(const QList<EncoderSnapshot>& snapshots) {
    const QString before = selectedId();
    m_model->setSnapshots(snapshots);
    if (selectedId().isEmpty() && !m_model->snapshots().isEmpty() && before.isEmpty())
        selectEncoder(m_proxy->index(0, 0).data(EncodersTableModel::IdRole).toString());
    refreshDetails();
    updateSummary();
    // A probe of the selected encoder just ended: its chart shows it now, not at the next refresh.
    const std::optional<EncoderSnapshot> shown = selected();
    const QDateTime probedAt = shown && shown->last ? shown->last->record.at : QDateTime();
    if (probedAt != m_chartProbedAt && probedAt.isValid() && isVisible()) {
        m_chartProbedAt = probedAt;
        requestSeries();
    }
}

void EncodersPage::selectionChanged() {
    refreshDetails();
    m_details->chart()->clear(selectedId().isEmpty() ? tr("Select an encoder to see its history")
                                                     : tr("Loading the history…"));
    requestSeries();
}

void EncodersPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    requestSeries();
}

void EncodersPage::refreshDetails() {
    m_details->setSnapshot(selected());
    m_details->setRecommendation(recommendEncoder(m_model->snapshots()));
    updateButtons();
}

void EncodersPage::requestSeries() {
    const QString id = selectedId();
    if (!id.isEmpty())
        m_watch.requestSeries(id, m_details->window());
}

void EncodersPage::updateButtons() {
    const std::optional<EncoderSnapshot> s = selected();
    const bool isSite = s && s->target.origin == EncoderOrigin::SiteConfigured;
    m_edit->setEnabled(s.has_value());
    m_remove->setEnabled(s && !isSite);
    m_remove->setToolTip(isSite ? tr("The site's own encoder is always watched")
                                : tr("Stop watching the selected encoder (Delete)"));
    m_switch->setEnabled(s && !isSite);
    m_probe->setEnabled(!m_model->snapshots().isEmpty());
}

void EncodersPage::updateSummary() {
    // Counted by core's English name (the order below), shown in the user's words.
    QHash<QString, int> counts;
    QHash<QString, QString> shown;
    for (const EncoderSnapshot& s : m_model->snapshots()) {
        const QString name =
            encoderOnlyReachable(s) ? QStringLiteral("reachable") : encoderStateName(s.state);
        ++counts[name];
        shown[name] = encoderSnapshotText(s);
    }
    QStringList parts;
    for (const char* name : {"online", "reachable", "degraded", "pending", "offline", "unknown"})
        if (const int n = counts.value(QLatin1String(name)); n > 0)
            parts << tr("%1 %2", "a count of encoders and their state: 2 offline")
                         .arg(n)
                         .arg(shown.value(QLatin1String(name)));
    const int watched = int(m_model->snapshots().size());
    QString text = watched == 0 ? tr("No encoder is watched yet: add one.")
                                : tr("<b>%n encoder(s)</b>: %1", nullptr, watched).arg(parts.join(tr(", ")));
    if (!m_offlineNotice.isEmpty())
        text += QStringLiteral(" — <span style=\"color:%1\">%2</span>")
                    .arg(badTextColour(palette()).name(), m_offlineNotice.toHtmlEscaped());
    m_summary->setText(text);
}

void EncodersPage::addEncoder() {
    AddEncoderDialog dialog(this);
    dialog.setWatchedUrls(watchedUrls());
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QUrl url = dialog.url();
    if (url.isEmpty())
        return;
    // An encoder whose URL was edited keeps the id of its first URL: that id may be taken.
    QString id = encoderIdFor(url);
    for (int n = 2; m_model->rowOf(id) >= 0; ++n)
        id = encoderIdFor(url) + QStringLiteral("-%1").arg(n);
    EncoderTarget target;
    target.id = id;
    target.url = url;
    target.name = target.hostLabel();
    target.origin = EncoderOrigin::AdminAdded;
    target.intervalMs = m_newIntervalMs;
    target.retryIntervalMs = m_newRetryIntervalMs;
    m_watch.addTarget(target);
}

QHash<QUrl, QString> EncodersPage::watchedUrls(const QString& exceptId) const {
    QHash<QUrl, QString> urls;
    for (const EncoderSnapshot& s : m_model->snapshots())
        if (s.target.id != exceptId)
            urls.insert(s.target.url, s.target.name);
    return urls;
}

// Window-modal and not waited for: the answer comes back through accepted().
void EncodersPage::editSelected() {
    const std::optional<EncoderSnapshot> s = selected();
    if (!s)
        return;
    auto* dialog = new AddEncoderDialog(s->target, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWatchedUrls(watchedUrls(s->target.id));
    connect(dialog, &QDialog::accepted, this, [this, dialog] { applyEdit(dialog->target()); });
    dialog->open();
}

// The same id whatever changed, so the history continues (the dialog says so when the URL changes). Only
// what the dialog edits is taken: the rest of the target may have changed since it opened.
void EncodersPage::applyEdit(const EncoderTarget& edited) {
    const EncoderSnapshot* current = m_model->snapshotAt(m_model->rowOf(edited.id));
    if (!current)
        return; // removed while the dialog was open
    EncoderTarget target = current->target;
    target.name = edited.name;
    if (target.origin != EncoderOrigin::SiteConfigured)
        target.url = edited.url;
    target.intervalMs = edited.intervalMs;
    target.retryIntervalMs = edited.retryIntervalMs;
    const EncoderTarget& was = current->target;
    if (was.name == target.name && was.url == target.url && was.intervalMs == target.intervalMs &&
        was.retryIntervalMs == target.retryIntervalMs)
        return;
    m_watch.updateTarget(target);
}

void EncodersPage::removeSelected() {
    const std::optional<EncoderSnapshot> s = selected();
    if (!s || s->target.origin == EncoderOrigin::SiteConfigured)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Remove encoder"), tr("Stop watching %1? Its history is kept.").arg(s->target.name));
    if (answer == QMessageBox::Yes)
        m_watch.removeTarget(s->target.id);
}

void EncodersPage::probeNow() {
    m_watch.probeNow(selectedId());
}

void EncodersPage::askToSwitch() {
    const std::optional<EncoderSnapshot> s = selected();
    if (!s || s->target.origin == EncoderOrigin::SiteConfigured)
        return;
    QString caveat;
    if (encoderOnlyReachable(*s))
        caveat = tr("%1 is reachable, but its frames were not tested: no live was running to ask it "
                    "for one.")
                     .arg(s->target.name);
    else if (s->state != EncoderState::Online)
        caveat = tr("%1 is %2 right now.").arg(s->target.name, encoderStateText(s->state));
    Q_EMIT switchRequested(s->target, caveat);
}

} // namespace avld
