#include "hoverpreview.h"

#include <QAbstractItemView>
#include <QEvent>

namespace avld {

HoverPreview::HoverPreview(QAbstractItemView* view, int keyRole)
    : QObject(view)
    , m_view(view)
    , m_keyRole(keyRole) {
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &HoverPreview::fire);
    view->setMouseTracking(true);
    view->viewport()->installEventFilter(this);
    connect(view, &QAbstractItemView::entered, this, &HoverPreview::arm);
    connect(view, &QAbstractItemView::viewportEntered, this, &HoverPreview::cancel);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { arm(current); });
}

bool HoverPreview::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_view->viewport() && event->type() == QEvent::Leave)
        cancel();
    return QObject::eventFilter(watched, event);
}

void HoverPreview::arm(const QModelIndex& index) {
    if (!index.isValid()) {
        cancel();
        return;
    }
    if (index == m_index && m_timer.isActive())
        return;
    m_index = index;
    m_timer.start();
}

void HoverPreview::cancel() {
    m_timer.stop();
    m_index = QPersistentModelIndex();
}

void HoverPreview::fire() {
    if (m_index.isValid())
        Q_EMIT previewRequested(m_index.data(m_keyRole).toString());
}

} // namespace avld
