#include "hoverpreview.h"

#include <QAbstractItemView>
#include <QEvent>

namespace avld {

HoverPreview::HoverPreview(QAbstractItemView* view, int keyRole)
    : QObject(view)
    , m_view(view)
    , m_viewport(view->viewport())
    , m_keyRole(keyRole) {
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &HoverPreview::fire);
    view->setMouseTracking(true);
    m_viewport->installEventFilter(this);
    connect(view, &QAbstractItemView::entered, this, &HoverPreview::arm);
    connect(view, &QAbstractItemView::viewportEntered, this, &HoverPreview::cancel);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { arm(current); });
    QAbstractItemModel* model = view->model();
    connect(model, &QAbstractItemModel::modelReset, this, &HoverPreview::cancel);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &HoverPreview::checkStillThere);
    connect(model, &QAbstractItemModel::layoutChanged, this, &HoverPreview::checkStillThere);
}

bool HoverPreview::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_viewport && event->type() == QEvent::Leave)
        cancel();
    return QObject::eventFilter(watched, event);
}

void HoverPreview::arm(const QModelIndex& index) {
    if (!index.isValid()) {
        cancel();
        return;
    }
    if (index == m_index)
        return; // waiting for this tile already, or its preview is asked for
    cancel();
    m_index = index;
    m_timer.start();
}

void HoverPreview::cancel() {
    m_timer.stop();
    m_index = QPersistentModelIndex();
    if (m_firedKey.isEmpty())
        return;
    m_firedKey.clear();
    Q_EMIT previewCancelled();
}

void HoverPreview::fire() {
    if (!m_index.isValid())
        return cancel();
    m_firedKey = m_index.data(m_keyRole).toString();
    Q_EMIT previewRequested(m_firedKey);
}

void HoverPreview::checkStillThere() {
    // A persistent index becomes invalid when its row is removed or filtered out.
    if ((m_timer.isActive() || !m_firedKey.isEmpty()) && !m_index.isValid())
        cancel();
}

} // namespace avld
