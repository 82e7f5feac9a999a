#include "alertssection.h"

#include "alertchanneldialog.h"
#include "alerts/alertcenter.h"
#include "clock.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace avld {

namespace {
enum Column { NameColumn, KindColumn, WhereColumn, TestColumn, ColumnCount };
constexpr int kSnoozeSeconds = 3600;

QString kindName(const QString& kind) {
    if (kind == QStringLiteral("ntfy"))
        return AlertsSection::tr("ntfy");
    if (kind == QStringLiteral("telegram"))
        return AlertsSection::tr("Telegram");
    if (kind == QStringLiteral("discord"))
        return AlertsSection::tr("Discord");
    if (kind == QStringLiteral("slack"))
        return AlertsSection::tr("Slack");
    if (kind == QStringLiteral("email"))
        return AlertsSection::tr("E-mail");
    return AlertsSection::tr("Webhook");
}

QString whereText(const AlertChannelConfig& c) {
    if (c.kind == QStringLiteral("discord") || c.kind == QStringLiteral("slack") ||
        (c.kind == QStringLiteral("webhook") && c.target.isEmpty()))
        return AlertsSection::tr("webhook URL in the keychain");
    if (c.kind == QStringLiteral("email"))
        return AlertsSection::tr("%1 via %2").arg(c.to.join(QStringLiteral(", ")), QUrl(c.target).host());
    if (c.kind == QStringLiteral("telegram"))
        return AlertsSection::tr("chat %1").arg(c.target);
    const QUrl url(c.target);
    return url.host() + url.path(); // a webhook's query may be its secret
}
} // namespace

AlertsSection::AlertsSection(AlertCenter& alerts, QWidget* parent)
    : QGroupBox(tr("Alerts"), parent)
    , m_alerts(alerts) {
    setObjectName(QStringLiteral("alertsGroup"));
    auto* layout = new QVBoxLayout(this);
    auto* intro =
        new QLabel(tr("Where encoder alerts go besides this window: raised, reminded while they last, "
                      "and resolved, each with the encoder's latest picture where the channel takes one. "
                      "Changes here are kept at once."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("alertChannelsTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Kind"), tr("Sends to"), tr("Last test")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMinimumHeight(120);
    layout->addWidget(m_table);

    auto* buttons = new QHBoxLayout;
    auto button = [&](QPushButton*& b, const QString& text, const QString& name,
                      void (AlertsSection::*slot)()) {
        b = new QPushButton(text, this);
        b->setObjectName(name);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
    };
    button(m_add, tr("Add…"), QStringLiteral("addAlertChannelButton"), &AlertsSection::addChannel);
    button(m_edit, tr("Edit…"), QStringLiteral("editAlertChannelButton"), &AlertsSection::editChannel);
    button(m_remove, tr("Remove"), QStringLiteral("removeAlertChannelButton"), &AlertsSection::removeChannel);
    buttons->addStretch(1);
    button(m_test, tr("Send test alert"), QStringLiteral("sendTestAlertButton"), &AlertsSection::sendTest);
    layout->addLayout(buttons);

    auto* form = new QFormLayout;
    m_remind = new QSpinBox(this);
    m_remind->setObjectName(QStringLiteral("remindEveryEdit"));
    m_remind->setRange(0, 24 * 60);
    m_remind->setSuffix(tr(" min"));
    m_remind->setSpecialValueText(tr("never"));
    m_remind->setMaximumWidth(140);
    form->addRow(tr("Remind every:"), m_remind);
    auto* quietRow = new QHBoxLayout;
    m_quiet = new QCheckBox(tr("from"), this);
    m_quiet->setObjectName(QStringLiteral("quietHoursBox"));
    m_quietFrom = new QTimeEdit(this);
    m_quietFrom->setDisplayFormat(QStringLiteral("HH:mm"));
    m_quietTo = new QTimeEdit(this);
    m_quietTo->setDisplayFormat(QStringLiteral("HH:mm"));
    quietRow->addWidget(m_quiet);
    quietRow->addWidget(m_quietFrom);
    quietRow->addWidget(new QLabel(tr("to"), this));
    quietRow->addWidget(m_quietTo);
    quietRow->addStretch(1);
    form->addRow(tr("Quiet hours:"), quietRow);
    m_criticalInQuiet =
        new QCheckBox(tr("Send critical alerts (an encoder offline) during quiet hours"), this);
    m_criticalInQuiet->setToolTip(
        tr("Warnings are held during quiet hours and sent as one summary when they end."));
    form->addRow(QString(), m_criticalInQuiet);
    layout->addLayout(form);

    layout->addWidget(new QLabel(tr("Raised now:"), this));
    m_active = new QListWidget(this);
    m_active->setObjectName(QStringLiteral("activeAlertsList"));
    m_active->setMaximumHeight(90);
    layout->addWidget(m_active);
    auto* snoozeRow = new QHBoxLayout;
    m_snooze = new QPushButton(tr("Snooze for 1 hour"), this);
    m_snooze->setObjectName(QStringLiteral("snoozeAlertButton"));
    m_snoozeAll = new QPushButton(tr("Snooze all for 1 hour"), this);
    m_snoozeAll->setObjectName(QStringLiteral("snoozeAllAlertsButton"));
    m_resume = new QPushButton(tr("Resume"), this);
    m_resume->setObjectName(QStringLiteral("resumeAlertsButton"));
    for (QPushButton* b : {m_snooze, m_snoozeAll, m_resume})
        snoozeRow->addWidget(b);
    snoozeRow->addStretch(1);
    layout->addLayout(snoozeRow);
    connect(m_snooze, &QPushButton::clicked, this, &AlertsSection::snoozeSelected);
    connect(m_snoozeAll, &QPushButton::clicked, this, &AlertsSection::snoozeAll);
    connect(m_resume, &QPushButton::clicked, this, &AlertsSection::resume);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("alertProblem"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);

    fillChannels();
    fillPolicy();
    fillActive();
    connect(&m_alerts, &AlertCenter::channelsChanged, this, &AlertsSection::fillChannels);
    connect(&m_alerts.lifecycle(), &AlertLifecycle::changed, this, &AlertsSection::fillActive);
    connect(&m_alerts, &AlertCenter::testRetrying, this, [this](const QString& id, const QString& text) {
        m_results.insert(id, text);
        fillChannels();
    });
    connect(&m_alerts, &AlertCenter::testFinished, this,
            [this](const QString& id, bool, const QString& text) {
                m_results.insert(id, text);
                fillChannels();
            });
    connect(&m_alerts, &AlertCenter::problem, this, [this](const QString& text) {
        const int failed = m_alerts.failedTotal();
        m_problem->setText(failed > 0 ? tr("%n alert message(s) not delivered since the start; the last: %1",
                                           nullptr, failed)
                                            .arg(text)
                                      : text);
        m_problem->show();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AlertsSection::updateButtons);
    connect(m_table, &QTableWidget::itemDoubleClicked, this, &AlertsSection::editChannel);
    connect(m_active, &QListWidget::itemSelectionChanged, this, &AlertsSection::updateButtons);
    connect(m_remind, &QSpinBox::valueChanged, this, &AlertsSection::storePolicy);
    connect(m_quiet, &QCheckBox::toggled, this, &AlertsSection::storePolicy);
    connect(m_quietFrom, &QTimeEdit::timeChanged, this, &AlertsSection::storePolicy);
    connect(m_quietTo, &QTimeEdit::timeChanged, this, &AlertsSection::storePolicy);
    connect(m_criticalInQuiet, &QCheckBox::toggled, this, &AlertsSection::storePolicy);
}

void AlertsSection::fillChannels() {
    const QString selected = selectedId();
    const QList<AlertChannelConfig> channels = m_alerts.channels();
    m_table->setRowCount(int(channels.size()));
    for (int row = 0; row < channels.size(); ++row) {
        const AlertChannelConfig& c = channels[row];
        auto* name = new QTableWidgetItem(c.name.isEmpty() ? kindName(c.kind) : c.name);
        name->setData(Qt::UserRole, c.id);
        m_table->setItem(row, NameColumn, name);
        m_table->setItem(row, KindColumn, new QTableWidgetItem(kindName(c.kind)));
        m_table->setItem(row, WhereColumn, new QTableWidgetItem(whereText(c)));
        auto* result = new QTableWidgetItem(m_results.value(c.id));
        result->setToolTip(m_results.value(c.id));
        m_table->setItem(row, TestColumn, result);
        if (c.id == selected)
            m_table->selectRow(row);
    }
    m_table->resizeColumnsToContents();
    updateButtons();
}

void AlertsSection::fillPolicy() {
    const AlertPolicy p = m_alerts.policy();
    const QSignalBlocker b1(m_remind), b2(m_quiet), b3(m_quietFrom), b4(m_quietTo), b5(m_criticalInQuiet);
    m_remind->setValue(int(p.remindEveryMs / 60'000));
    m_quiet->setChecked(p.quietHours.enabled());
    m_quietFrom->setTime(p.quietHours.enabled() ? p.quietHours.start : QTime(22, 0));
    m_quietTo->setTime(p.quietHours.enabled() ? p.quietHours.end : QTime(7, 0));
    m_criticalInQuiet->setChecked(p.criticalDuringQuietHours);
    m_quietFrom->setEnabled(m_quiet->isChecked());
    m_quietTo->setEnabled(m_quiet->isChecked());
    m_criticalInQuiet->setEnabled(m_quiet->isChecked());
}

void AlertsSection::storePolicy() {
    AlertPolicy p = m_alerts.policy();
    p.remindEveryMs = qint64(m_remind->value()) * 60'000;
    p.quietHours = m_quiet->isChecked() ? QuietHours{m_quietFrom->time(), m_quietTo->time()} : QuietHours{};
    p.criticalDuringQuietHours = m_criticalInQuiet->isChecked();
    m_alerts.setPolicy(p);
    fillPolicy();
}

void AlertsSection::fillActive() {
    const QString selected =
        m_active->currentItem() ? m_active->currentItem()->data(Qt::UserRole).toString() : QString();
    m_active->clear();
    for (const AlertLifecycle::Active& a : m_alerts.lifecycle().active()) {
        QString text = a.alert.title;
        if (a.snoozedUntil.isValid())
            text +=
                tr(" (snoozed until %1)").arg(a.snoozedUntil.toLocalTime().toString(QStringLiteral("HH:mm")));
        auto* item = new QListWidgetItem(text, m_active);
        item->setData(Qt::UserRole, a.alert.key);
        item->setToolTip(a.alert.text);
        if (!selected.isEmpty() && a.alert.key == selected)
            m_active->setCurrentItem(item);
    }
    if (m_active->count() == 0)
        m_active->addItem(tr("No alert is raised."));
    updateButtons();
}

QString AlertsSection::selectedId() const {
    const QList<QTableWidgetItem*> items = m_table->selectedItems();
    for (QTableWidgetItem* item : items)
        if (item->column() == NameColumn)
            return item->data(Qt::UserRole).toString();
    return {};
}

void AlertsSection::updateButtons() {
    const bool selected = !selectedId().isEmpty();
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
    m_test->setEnabled(selected);
    QListWidgetItem* alert = m_active->currentItem();
    m_snooze->setEnabled(alert && !alert->data(Qt::UserRole).toString().isEmpty() && alert->isSelected());
    const QList<AlertLifecycle::Active> active = m_alerts.lifecycle().active();
    m_snoozeAll->setEnabled(!active.isEmpty());
    m_resume->setEnabled(
        std::any_of(active.begin(), active.end(),
                    [](const AlertLifecycle::Active& a) { return a.snoozedUntil.isValid(); }) ||
        m_alerts.lifecycle().snoozedUntil(QString()).isValid());
}

void AlertsSection::addChannel() {
    auto* dialog = new AlertChannelDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_alerts.saveChannel(dialog->channel(), dialog->secret(), [this](Status stored) {
            if (!stored.ok()) {
                m_problem->setText(
                    tr("The secret could not be kept in the keychain: %1").arg(stored.error().toString()));
                m_problem->show();
            }
        });
    });
    dialog->open();
}

void AlertsSection::editChannel() {
    const std::optional<AlertChannelConfig> kept = m_alerts.channel(selectedId());
    if (!kept)
        return;
    auto* dialog = new AlertChannelDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setChannel(*kept);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_alerts.saveChannel(dialog->channel(), dialog->secret()); });
    dialog->open();
}

void AlertsSection::removeChannel() {
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    m_results.remove(id);
    m_alerts.removeChannel(id);
}

void AlertsSection::sendTest() {
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    m_results.insert(id, tr("Sending…"));
    fillChannels();
    m_alerts.sendTest(id);
}

void AlertsSection::snoozeSelected() {
    QListWidgetItem* item = m_active->currentItem();
    if (!item)
        return;
    m_alerts.lifecycle().snooze(item->data(Qt::UserRole).toString(),
                                Clock::system().now().addSecs(kSnoozeSeconds));
}

void AlertsSection::snoozeAll() {
    m_alerts.lifecycle().snooze(QString(), Clock::system().now().addSecs(kSnoozeSeconds));
}

void AlertsSection::resume() {
    m_alerts.lifecycle().unsnooze(QString());
    for (const AlertLifecycle::Active& a : m_alerts.lifecycle().active())
        if (a.snoozedUntil.isValid())
            m_alerts.lifecycle().unsnooze(a.alert.key);
}

} // namespace avld
