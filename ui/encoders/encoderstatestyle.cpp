#include "encoderstatestyle.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace avld {

QColor encoderStateColor(EncoderState state) {
    switch (state) {
    case EncoderState::Online:
        return QColor(0x2e, 0x9d, 0x4f);
    case EncoderState::Degraded:
        return QColor(0xe0, 0x9a, 0x00);
    case EncoderState::Pending:
        return QColor(0x3d, 0x7e, 0xd8);
    case EncoderState::Offline:
        return QColor(0xd0, 0x33, 0x33);
    case EncoderState::Unknown:
        break;
    }
    return QColor(0x90, 0x90, 0x90);
}

QIcon encoderStateIcon(EncoderState state) {
    static QHash<int, QIcon> icons;
    const auto it = icons.constFind(int(state));
    if (it != icons.constEnd())
        return *it;
    QIcon icon;
    for (const int size : {12, 16, 24, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor color = encoderStateColor(state);
        painter.setPen(QPen(color.darker(130), size / 12.0));
        painter.setBrush(color);
        const qreal margin = size / 6.0;
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
        icon.addPixmap(pixmap);
    }
    icons.insert(int(state), icon);
    return icon;
}

QString encoderStateText(EncoderState state) {
    return encoderStateName(state);
}

int encoderStateSeverity(EncoderState state) {
    switch (state) {
    case EncoderState::Offline:
        return 0;
    case EncoderState::Pending:
        return 1;
    case EncoderState::Degraded:
        return 2;
    case EncoderState::Unknown:
        return 3;
    case EncoderState::Online:
        return 4;
    }
    return 3;
}

} // namespace avld
