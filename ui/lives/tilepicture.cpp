#include "tilepicture.h"

#include "tilebadgestyle.h"

#include <QFontMetrics>
#include <QPainter>

#include <algorithm>

namespace avld {

namespace {

// Purple 800: white text on it has a contrast of 9.0 (WCAG), on any picture, in either palette; apart from
// the silent pill's deep orange and from the badges' colours.
const QColor kStillFill(0x6a, 0x1b, 0x9a);
// Grey 900 with a white rim, so that the pill stands out on the black picture it is about.
const QColor kBlackFill(0x21, 0x21, 0x21);

QFont overlayFont(QFont font) {
    font.setPointSizeF(font.pointSizeF() > 0 ? font.pointSizeF() * 0.85 : 8);
    font.setBold(true);
    return font;
}

bool shown(const LivePicture& picture) {
    return picture.still() || picture.black();
}

// Two bars: a picture that does not move (a paused player's mark), in `box` (square).
void paintPauseMark(QPainter* painter, const QRectF& box, const QColor& colour) {
    const double s = box.width();
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawRoundedRect(QRectF(box.left() + 0.18 * s, box.top() + 0.12 * s, 0.22 * s, 0.76 * s), 1, 1);
    painter->drawRoundedRect(QRectF(box.left() + 0.60 * s, box.top() + 0.12 * s, 0.22 * s, 0.76 * s), 1, 1);
}

// A screen with nothing on it: a white frame around black, on its stand, in `box` (square).
void paintDarkScreen(QPainter* painter, const QRectF& box, const QColor& colour) {
    const double s = box.width();
    const QRectF screen(box.left() + 0.04 * s, box.top() + 0.16 * s, 0.92 * s, 0.58 * s);
    painter->setPen(QPen(colour, std::max(1.2, s / 9)));
    painter->setBrush(Qt::black);
    painter->drawRoundedRect(screen, 1.5, 1.5);
    painter->drawLine(QPointF(box.left() + 0.30 * s, box.top() + 0.90 * s),
                      QPointF(box.left() + 0.70 * s, box.top() + 0.90 * s));
}

} // namespace

QString TilePicture::label(const LivePicture& picture) {
    if (picture.still())
        return tr("still %1").arg(shortAge(picture.stillForMs()));
    if (picture.black())
        return picture.blackForMs() > 0 ? tr("black %1").arg(shortAge(picture.blackForMs())) : tr("black");
    return {};
}

QRect TilePicture::overlayRect(const QRect& slot, const QFont& font, const LivePicture& picture, int below) {
    if (!shown(picture))
        return {};
    const QFontMetrics fm(overlayFont(font));
    const int mark = fm.height();
    return QRect(slot.left() + 4, slot.top() + 4 + below,
                 6 + mark + 4 + fm.horizontalAdvance(label(picture)) + 8, fm.height() + 6);
}

void TilePicture::paint(QPainter* painter, const QRect& slot, const QFont& font, const LivePicture& picture,
                        int below) {
    const QRect pill = overlayRect(slot, font, picture, below);
    if (slot.isEmpty() || pill.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (picture.black()) {
        painter->setPen(QPen(QColor(255, 255, 255, 200), 1));
        painter->setBrush(kBlackFill);
    } else {
        painter->setPen(Qt::NoPen);
        painter->setBrush(kStillFill);
    }
    painter->drawRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), pill.height() / 2.0,
                             pill.height() / 2.0);
    const QFontMetrics fm(overlayFont(font));
    const int mark = fm.height();
    const QRectF markBox(pill.left() + 6, pill.center().y() + 1 - mark / 2.0, mark, mark);
    if (picture.black())
        paintDarkScreen(painter, markBox, Qt::white);
    else
        paintPauseMark(painter, markBox, Qt::white);
    painter->setFont(overlayFont(font));
    painter->setPen(Qt::white);
    painter->drawText(pill.adjusted(6 + mark + 4, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, label(picture));
    painter->restore();
}

QString TilePicture::toolTip(const LivePicture& picture) {
    QString text;
    const auto since = [](const QDateTime& at) {
        return at.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    };
    if (picture.still())
        text =
            tr("Picture: the same for %1 — %2. The publisher's source is frozen: check the camera or the OBS "
               "scene (a frozen capture, a still image or a stalled source); the stream itself is running.")
                .arg(shortAge(picture.stillForMs()),
                     picture.outlastsSegment() ? tr("in every check since %1").arg(since(picture.stillSince))
                                               : tr("throughout the stream's newest segment"));
    else if (picture.black())
        text = (picture.blackForMs() > 0 ? tr("Picture: black for %1 (since %2).")
                                               .arg(shortAge(picture.blackForMs()), since(picture.blackSince))
                                         : tr("Picture: black.")) +
               tr(" Check the streamer's camera (lens cover, cable) and the OBS scene's video source; the "
                  "stream "
                  "itself is running.");
    else
        return {};
    if (!picture.unmeasured.isEmpty())
        text += QLatin1Char('\n') + tr("The newest check saw no picture: %1.").arg(picture.unmeasured);
    return text;
}

} // namespace avld
