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

class HoverPreview;
class LivesFilterModel;
class LivesModel;
class LiveTileDelegate;
class RefreshCountdown;
class TilePreview;

// Every live of the site as a tile: what visitors see beside our own frame, filtered and searched, with an
// automatic refresh the app performs when `refreshRequested` fires. A tile hovered or selected for a
// moment asks for an animated preview (`previewRequested`) and plays the clip it is given (`showPreview`)
// until the pointer or the selection moves on (`previewCancelled`).
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

    // The clip asked for by `previewRequested(key)`: played in that tile, looping, while it stays hovered
    // or selected. Ignored when `key` is no longer wanted.
    void showPreview(const QString& key, const QList<QImage>& frames, int fps);
    // No clip for `key`: the tile says so discreetly, its tooltip gives `reason`.
    void showPreviewFailure(const QString& key, const QString& reason);
    // The size a preview frame is drawn at, in device pixels: what the clip's frames should be scaled to.
    QSize previewFrameSize() const;
    const TilePreview& preview() const { return *m_preview; }

Q_SIGNALS:
    void refreshRequested();
    void liveActivated(const QString& key);
    void previewRequested(const QString& key);
    void previewCancelled();

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
    void updateTile(const QString& key);

    LivesModel* m_model;
    LivesFilterModel* m_filter;
    LiveTileDelegate* m_delegate;
    RefreshCountdown* m_countdown;
    TilePreview* m_preview;
    HoverPreview* m_hover = nullptr;
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
