#pragma once

#include <QObject>
#include <QPersistentModelIndex>
#include <QTimer>

class QAbstractItemView;

namespace avld {

// Asks for an animated preview of a live once its tile has been hovered or selected for a moment, so
// sweeping the mouse over the grid asks for nothing; and says when that preview is no longer wanted: the
// pointer left the tile, the selection moved, or the tile went away (refresh, filter, model reset).
class HoverPreview : public QObject {
    Q_OBJECT
public:
    static constexpr int kDelayMs = 400;

    // `view` must have its model set; it gets mouse tracking.
    explicit HoverPreview(QAbstractItemView* view, int keyRole);

    // The key a preview was asked for and is still wanted; empty when none.
    const QString& activeKey() const { return m_firedKey; }
    // Forgets the tile; emits previewCancelled when a preview had been asked for.
    void cancel();

Q_SIGNALS:
    void previewRequested(const QString& key);
    void previewCancelled();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void arm(const QModelIndex& index);
    void fire();
    void checkStillThere();

    QAbstractItemView* m_view;
    // Kept apart: the viewport sends events while the view is being destroyed, when the view is no longer a
    // QAbstractScrollArea to ask (UBSan: member call on an object of the wrong type).
    QObject* m_viewport;
    int m_keyRole;
    QTimer m_timer;
    QPersistentModelIndex m_index;
    QString m_firedKey;
};

} // namespace avld
