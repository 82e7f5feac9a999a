#pragma once

#include "session/livetile.h"
#include "tileviewmode.h"

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSlider;
class QStackedWidget;

namespace avld {

class LivesFilterModel;
class LivesModel;
class LiveTileDelegate;
class RefreshCountdown;

// Every live of the site as a tile: what visitors see beside our own frame, filtered and searched, with an
// automatic refresh the app performs when `refreshRequested` fires.
class LivesPage : public QWidget {
    Q_OBJECT
public:
    explicit LivesPage(QWidget* parent = nullptr);

    void setTiles(const QList<LiveTile>& tiles);
    void setRefreshInterval(int seconds); // 0: no automatic refresh
    void setBusy(bool busy);
    void setError(const QString& message); // empty: hide the message bar

    void setViewMode(TileViewMode mode);
    TileViewMode viewMode() const;
    int secondsUntilRefresh() const;
    LivesModel* livesModel() const { return m_model; }

Q_SIGNALS:
    void refreshRequested();
    void liveActivated(const QString& key);
    void previewRequested(const QString& key);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QWidget* buildToolbar();
    void requestRefresh();
    void applyTileSize();
    void updateCountdownLabel();
    void updateEmptyState();

    LivesModel* m_model;
    LivesFilterModel* m_filter;
    LiveTileDelegate* m_delegate;
    RefreshCountdown* m_countdown;
    QListView* m_view = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QLabel* m_errorBar = nullptr;
    QComboBox* m_filterCombo = nullptr;
    QLineEdit* m_search = nullptr;
    QSlider* m_sizeSlider = nullptr;
    QButtonGroup* m_modeGroup = nullptr;
    QPushButton* m_refreshButton = nullptr;
    QLabel* m_countdownLabel = nullptr;
    bool m_busy = false;
};

} // namespace avld
