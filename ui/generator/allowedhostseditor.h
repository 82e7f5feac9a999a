#pragma once

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QListWidget;

namespace avld {

// The stream hosts the stand-in may fetch: names, IPs or CIDR ranges, one per line, each editable in place.
class AllowedHostsEditor : public QWidget {
    Q_OBJECT
public:
    explicit AllowedHostsEditor(QWidget* parent = nullptr);

    QStringList hosts() const;
    void setHosts(const QStringList& hosts);
    void addHost(const QString& host);

private:
    QListWidget* m_list;
    QLineEdit* m_entry;
};

} // namespace avld
