#pragma once

#include "session/cacheclearjob.h"

#include <QHash>
#include <QSet>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace avld {

class SiteSession;
struct LiveRenewOutcome;

// One click clears the site's live caches; the page shows the progress, what the site said it cleared, and
// the thumbnails of the lives that changed, before and after. Below, the lives of the newest check with
// check boxes: the encoder can be asked to renew only the ticked ones' images, each with its result.
class CachePage : public QWidget {
    Q_OBJECT
public:
    explicit CachePage(SiteSession& session, QWidget* parent = nullptr);

    void clearNow();
    void renewSelected();

private:
    QWidget* buildClearBox();
    QWidget* buildRenewBox();
    void showChanges(bool visible);
    void showStarted();
    void showOutcome(const CacheClearOutcome& outcome);

    void showLives(const SiteCheckReport& report);
    void setAllChecked(bool checked);
    void rememberCheck(QListWidgetItem* item);
    QStringList checkedKeys() const;
    void updateRenewButton();
    void showRenewStarted(int total);
    void showRenewProgress(int done, int total);
    void showRenewOutcome(const LiveRenewOutcome& outcome);

    SiteSession& m_session;
    QVBoxLayout* m_layout = nullptr;
    QWidget* m_clearBox = nullptr;
    QComboBox* m_mode = nullptr;
    QCheckBox* m_renewFirst = nullptr;
    QPushButton* m_clearButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_answer = nullptr;
    QListWidget* m_changes = nullptr;
    bool m_clearRenewsFirst = false; // what the clear under way was asked to do

    QListWidget* m_lives = nullptr;
    QCheckBox* m_thenClear = nullptr;
    QPushButton* m_renewButton = nullptr;
    QPushButton* m_cancelRenew = nullptr;
    QProgressBar* m_renewProgress = nullptr;
    QLabel* m_renewAnswer = nullptr;
    QSet<QString> m_checked;
    QHash<QString, LiveRenewal> m_results; // the last renew's answer per live key
    bool m_renewing = false;
    bool m_filling = false; // showLives is setting check states
};

} // namespace avld
