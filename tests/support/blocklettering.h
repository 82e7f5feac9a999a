#pragma once

#include <QColor>
#include <QImage>
#include <QRect>
#include <QString>

namespace avld::test {

// Big block capitals drawn with rectangles from a 5x7 pixel font, for the stand-in cards and placeholders
// of the simulator and the fake encoder. No QFont is involved, so it works under a plain QCoreApplication
// (a GUI-less test or the demo tool) where text rendering is not available.
class BlockLettering {
public:
    // Draws `text` (A-Z, digits and spaces; other characters leave a gap) as large as fits in `box`,
    // centred.
    static void draw(QImage& image, const QString& text, const QRect& box, const QColor& colour);
    // Draws `text` stretched to fill `box` exactly (cells need not be square), to copy a layout.
    static void drawFilled(QImage& image, const QString& text, const QRectF& box, const QColor& colour);
    // A card: a vertical grey gradient of `size` with `text` in the middle, as AVideo's ONLINE/OFFLINE cards.
    static QImage card(const QString& text, QSize size, QColor top, QColor bottom,
                       QColor textColour = Qt::white);
};

} // namespace avld::test
