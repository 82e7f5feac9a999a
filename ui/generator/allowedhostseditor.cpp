#include "allowedhostseditor.h"

#include <QGridLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

namespace avld {

AllowedHostsEditor::AllowedHostsEditor(QWidget* parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_entry(new QLineEdit(this)) {
    m_list->setObjectName(QStringLiteral("allowedHostsList"));
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_list->setFixedHeight(90);
    m_list->setToolTip(tr("Only streams on these hosts are fetched (double-click to edit)."));
    m_entry->setObjectName(QStringLiteral("allowedHostEntry"));
    m_entry->setPlaceholderText(tr("host, IP or CIDR"));
    m_entry->setMinimumWidth(120);
    auto* add = new QPushButton(tr("Add"), this);
    add->setObjectName(QStringLiteral("addHostButton"));
    auto* remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("removeHostButton"));

    connect(add, &QPushButton::clicked, this, [this] {
        addHost(m_entry->text());
        m_entry->clear();
    });
    connect(m_entry, &QLineEdit::returnPressed, add, &QPushButton::click);
    connect(remove, &QPushButton::clicked, this, [this] { qDeleteAll(m_list->selectedItems()); });

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 0, 0, 1, 3);
    layout->addWidget(m_entry, 1, 0);
    layout->addWidget(add, 1, 1);
    layout->addWidget(remove, 1, 2);
    layout->setColumnStretch(0, 1);
}

QStringList AllowedHostsEditor::hosts() const {
    QStringList out;
    for (int row = 0; row < m_list->count(); ++row) {
        const QString host = m_list->item(row)->text().trimmed();
        if (!host.isEmpty() && !out.contains(host))
            out.append(host);
    }
    return out;
}

void AllowedHostsEditor::setHosts(const QStringList& hosts) {
    m_list->clear();
    for (const QString& host : hosts)
        addHost(host);
}

void AllowedHostsEditor::addHost(const QString& host) {
    const QString trimmed = host.trimmed();
    if (trimmed.isEmpty() || hosts().contains(trimmed))
        return;
    auto* item = new QListWidgetItem(trimmed, m_list);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
}

} // namespace avld
