#pragma once

#include "diagnosis/healthscore.h"
#include "diagnosis/sitefinding.h"

#include <QDateTime>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QFrame;

namespace avld {

// The site at a glance: lives, encoders, the stand-in, and the one finding that matters with its action.
class DashboardPage : public QWidget {
    Q_OBJECT
public:
    explicit DashboardPage(QWidget* parent = nullptr);

    void setOverview(const SiteOverview& overview);
    // The site's health score (the diagnosis' checklist over what is known now), with what cost most.
    void setHealth(const HealthScore& score);
    const SiteFinding& finding() const { return m_finding; }
    // One line in "What happened" (newest first, the last MaxEvents kept): the encoders' state changes, the
    // switch, cache clears, the stand-in started and stopped.
    void addEvent(const QDateTime& at, const QString& text);
    static constexpr int MaxEvents = 200;

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
    QLabel* m_healthValue = nullptr;
    QLabel* m_healthDetail = nullptr;
    QLabel* m_checkedLabel = nullptr;
    QListWidget* m_timeline = nullptr;
    SiteFinding m_finding;
};

} // namespace avld
