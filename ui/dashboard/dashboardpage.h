#pragma once

#include "session/sitefinding.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QFrame;

namespace avld {

// The site at a glance: lives, encoders, the stand-in, and the one finding that matters with its action.
class DashboardPage : public QWidget {
    Q_OBJECT
public:
    explicit DashboardPage(QWidget* parent = nullptr);

    void setOverview(const SiteOverview& overview);
    const SiteFinding& finding() const { return m_finding; }

Q_SIGNALS:
    void actionRequested(avld::SiteFinding::Action action);

private:
    QFrame* makeTile(const QString& title, QLabel*& value, QLabel*& detail);

    QFrame* m_banner = nullptr;
    QFrame* m_accent = nullptr;
    QLabel* m_findingLabel = nullptr;
    QPushButton* m_actionButton = nullptr;
    QLabel* m_livesValue = nullptr;
    QLabel* m_livesDetail = nullptr;
    QLabel* m_encodersValue = nullptr;
    QLabel* m_encodersDetail = nullptr;
    QLabel* m_standInValue = nullptr;
    QLabel* m_standInDetail = nullptr;
    QLabel* m_checkedLabel = nullptr;
    SiteFinding m_finding;
};

} // namespace avld
