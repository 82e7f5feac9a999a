#pragma once

#include <QObject>
#include <QPersistentModelIndex>
#include <QTimer>

class QAbstractItemView;

namespace avld {

// Asks for an animated preview of a live once its tile has been hovered or selected for a moment, so
// sweeping the mouse over the grid asks for nothing.
class HoverPreview : public QObject {
    Q_OBJECT
public:
    static constexpr int kDelayMs = 400;

    // `view` must have its model set; it gets mouse tracking.
    explicit HoverPreview(QAbstractItemView* view, int keyRole);

Q_SIGNALS:
    void previewRequested(const QString& key);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void arm(const QModelIndex& index);
    void cancel();
    void fire();

    QAbstractItemView* m_view;
    int m_keyRole;
    QTimer m_timer;
    QPersistentModelIndex m_index;
};

} // namespace avld
