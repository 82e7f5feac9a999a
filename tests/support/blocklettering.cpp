#include "blocklettering.h"

#include <QHash>
#include <QPainter>

#include <array>

namespace avld::test {

namespace {

using Glyph = std::array<quint8, 7>; // 7 rows of 5 bits, most significant bit on the left

const QHash<QChar, Glyph>& glyphs() {
    static const QHash<QChar, Glyph> table{
        {QLatin1Char('A'), {0b01110, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001}},
        {QLatin1Char('B'), {0b11110, 0b10001, 0b10001, 0b11110, 0b10001, 0b10001, 0b11110}},
        {QLatin1Char('C'), {0b01110, 0b10001, 0b10000, 0b10000, 0b10000, 0b10001, 0b01110}},
        {QLatin1Char('D'), {0b11110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b11110}},
        {QLatin1Char('E'), {0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b11111}},
        {QLatin1Char('F'), {0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b10000}},
        {QLatin1Char('G'), {0b01110, 0b10001, 0b10000, 0b10111, 0b10001, 0b10001, 0b01111}},
        {QLatin1Char('H'), {0b10001, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001}},
        {QLatin1Char('I'), {0b01110, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110}},
        {QLatin1Char('J'), {0b00111, 0b00010, 0b00010, 0b00010, 0b00010, 0b10010, 0b01100}},
        {QLatin1Char('K'), {0b10001, 0b10010, 0b10100, 0b11000, 0b10100, 0b10010, 0b10001}},
        {QLatin1Char('L'), {0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b11111}},
        {QLatin1Char('M'), {0b10001, 0b11011, 0b10101, 0b10101, 0b10001, 0b10001, 0b10001}},
        {QLatin1Char('N'), {0b10001, 0b11001, 0b10101, 0b10011, 0b10001, 0b10001, 0b10001}},
        {QLatin1Char('O'), {0b01110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110}},
        {QLatin1Char('P'), {0b11110, 0b10001, 0b10001, 0b11110, 0b10000, 0b10000, 0b10000}},
        {QLatin1Char('Q'), {0b01110, 0b10001, 0b10001, 0b10001, 0b10101, 0b10010, 0b01101}},
        {QLatin1Char('R'), {0b11110, 0b10001, 0b10001, 0b11110, 0b10100, 0b10010, 0b10001}},
        {QLatin1Char('S'), {0b01111, 0b10000, 0b10000, 0b01110, 0b00001, 0b00001, 0b11110}},
        {QLatin1Char('T'), {0b11111, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100}},
        {QLatin1Char('U'), {0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110}},
        {QLatin1Char('V'), {0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01010, 0b00100}},
        {QLatin1Char('W'), {0b10001, 0b10001, 0b10001, 0b10101, 0b10101, 0b10101, 0b01010}},
        {QLatin1Char('X'), {0b10001, 0b10001, 0b01010, 0b00100, 0b01010, 0b10001, 0b10001}},
        {QLatin1Char('Y'), {0b10001, 0b10001, 0b01010, 0b00100, 0b00100, 0b00100, 0b00100}},
        {QLatin1Char('Z'), {0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b10000, 0b11111}},
        {QLatin1Char('0'), {0b01110, 0b10001, 0b10011, 0b10101, 0b11001, 0b10001, 0b01110}},
        {QLatin1Char('1'), {0b00100, 0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110}},
        {QLatin1Char('2'), {0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111}},
        {QLatin1Char('3'), {0b11110, 0b00001, 0b00001, 0b01110, 0b00001, 0b00001, 0b11110}},
        {QLatin1Char('4'), {0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010}},
        {QLatin1Char('5'), {0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110}},
        {QLatin1Char('6'), {0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110}},
        {QLatin1Char('7'), {0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000}},
        {QLatin1Char('8'), {0b01110, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b01110}},
        {QLatin1Char('9'), {0b01110, 0b10001, 0b10001, 0b01111, 0b00001, 0b00010, 0b01100}},
    };
    return table;
}

} // namespace

void BlockLettering::draw(QImage& image, const QString& text, const QRect& box, const QColor& colour) {
    const QString upper = text.toUpper();
    if (upper.isEmpty() || box.isEmpty())
        return;
    // Each character is 5 cells wide plus 1 cell of spacing; the text is 7 cells high.
    const int columns = int(upper.size()) * 6 - 1;
    const int cell = qMax(1, qMin(box.width() / columns, box.height() / 7));
    const int x0 = box.x() + (box.width() - columns * cell) / 2;
    const int y0 = box.y() + (box.height() - 7 * cell) / 2;
    QPainter painter(&image);
    for (int i = 0; i < upper.size(); ++i) {
        const auto it = glyphs().constFind(upper.at(i));
        if (it == glyphs().constEnd())
            continue;
        for (int row = 0; row < 7; ++row) {
            for (int col = 0; col < 5; ++col) {
                if (it->at(row) & (0b10000 >> col))
                    painter.fillRect(x0 + (i * 6 + col) * cell, y0 + row * cell, cell, cell, colour);
            }
        }
    }
}

void BlockLettering::drawFilled(QImage& image, const QString& text, const QRectF& box, const QColor& colour) {
    const QString upper = text.toUpper();
    if (upper.isEmpty() || box.isEmpty())
        return;
    const qreal cellW = box.width() / (upper.size() * 6 - 1);
    const qreal cellH = box.height() / 7;
    QPainter painter(&image);
    for (int i = 0; i < upper.size(); ++i) {
        const auto it = glyphs().constFind(upper.at(i));
        if (it == glyphs().constEnd())
            continue;
        for (int row = 0; row < 7; ++row) {
            for (int col = 0; col < 5; ++col) {
                if (it->at(row) & (0b10000 >> col))
                    painter.fillRect(
                        QRectF(box.x() + (i * 6 + col) * cellW, box.y() + row * cellH, cellW, cellH), colour);
            }
        }
    }
}

QImage BlockLettering::card(const QString& text, QSize size, QColor top, QColor bottom, QColor textColour) {
    QImage image(size, QImage::Format_RGB32);
    {
        QPainter painter(&image);
        QLinearGradient gradient(0, 0, 0, size.height());
        gradient.setColorAt(0, top);
        gradient.setColorAt(1, bottom);
        painter.fillRect(image.rect(), gradient);
    }
    const int marginX = size.width() / 8;
    const QRect box(marginX, size.height() / 3, size.width() - 2 * marginX, size.height() / 3);
    draw(image, text, box, textColour);
    return image;
}

} // namespace avld::test
