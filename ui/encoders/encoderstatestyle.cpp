#include "encoderstatestyle.h"

#include "encoders/encoderreachability.h"

#include <QCoreApplication>
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

namespace {

const QColor kReachable(0x60, 0x7d, 0x8b);
constexpr int kReachableKey = 100; // an icon cache key no EncoderState has

// A filled dot of the colour, or (hollow) a thick ring of it.
QIcon dotIcon(int key, const QColor& color, bool hollow) {
    static QHash<int, QIcon> icons;
    const auto it = icons.constFind(key);
    if (it != icons.constEnd())
        return *it;
    QIcon icon;
    for (const int size : {12, 16, 24, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal pen = hollow ? size / 6.0 : size / 12.0;
        painter.setPen(QPen(hollow ? color : color.darker(130), pen));
        painter.setBrush(hollow ? QBrush(Qt::NoBrush) : QBrush(color));
        const qreal margin = size / 6.0 + (hollow ? pen / 2 : 0);
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
        icon.addPixmap(pixmap);
    }
    icons.insert(key, icon);
    return icon;
}

// The words shown for origins and "reachable"; core's names (encoderStateName, encoderOriginName) stay
// English for the JSON, the history and the command line.
struct EncoderStateWords {
    Q_DECLARE_TR_FUNCTIONS(EncoderStateWords)
};

} // namespace

QIcon encoderStateIcon(EncoderState state) {
    return dotIcon(int(state), encoderStateColor(state), false);
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

QColor encoderSnapshotColor(const EncoderSnapshot& snapshot) {
    return encoderOnlyReachable(snapshot) ? kReachable : encoderStateColor(snapshot.state);
}

QIcon encoderSnapshotIcon(const EncoderSnapshot& snapshot) {
    return encoderOnlyReachable(snapshot) ? dotIcon(kReachableKey, kReachable, true)
                                          : encoderStateIcon(snapshot.state);
}

QString encoderSnapshotText(const EncoderSnapshot& snapshot) {
    return encoderOnlyReachable(snapshot) ? EncoderStateWords::tr("reachable")
                                          : encoderStateText(snapshot.state);
}

int encoderSnapshotSeverity(const EncoderSnapshot& snapshot) {
    return 2 * encoderStateSeverity(snapshot.state) - (encoderOnlyReachable(snapshot) ? 1 : 0);
}

} // namespace avld
