#pragma once

#include "site/cacheclearjob.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace avld {

class SiteSession;

// One click clears the site's live caches; the page shows the progress, what the site said it cleared, and
// the thumbnails of the lives that changed, before and after.
class CachePage : public QWidget {
    Q_OBJECT
public:
    explicit CachePage(SiteSession& session, QWidget* parent = nullptr);

    void clearNow();

private:
    void showStarted();
    void showOutcome(const CacheClearOutcome& outcome);

    SiteSession& m_session;
    QComboBox* m_mode = nullptr;
    QCheckBox* m_renewFirst = nullptr;
    QPushButton* m_clearButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_answer = nullptr;
    QListWidget* m_changes = nullptr;
};

} // namespace avld
