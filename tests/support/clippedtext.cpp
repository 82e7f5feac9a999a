#include "clippedtext.h"

#include <QAbstractButton>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyleOptionButton>
#include <QTableView>
#include <QTextDocument>

namespace avld::test {

namespace {

QString nameOf(const QWidget& widget) {
    return widget.objectName().isEmpty() ? QString::fromLatin1(widget.metaObject()->className())
                                         : widget.objectName();
}

// Plain text wider than the room a label gives it; word-wrapped or rich text taller than the label.
std::optional<QString> clippedLabel(const QLabel& label) {
    const QString text = label.text();
    if (text.isEmpty() || !label.pixmap().isNull())
        return std::nullopt;
    const QRect room =
        label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(), -label.margin());
    if (label.wordWrap() || Qt::mightBeRichText(text)) {
        const int needed = label.heightForWidth(label.width());
        if (needed > label.height() + 1)
            return QStringLiteral("label %1 '%2' needs %3 px of height, has %4")
                .arg(nameOf(label), text.left(40))
                .arg(needed)
                .arg(label.height());
        return std::nullopt;
    }
    const QFontMetrics metrics(label.font());
    // A label with a buddy shows its "&L" mnemonic as an underlined letter, without the "&".
    QString shown = text;
    if (label.buddy())
        shown.replace(QStringLiteral("&&"), QStringLiteral("\x01"))
            .remove(QLatin1Char('&'))
            .replace(u'\x01', u'&');
    int widest = 0;
    for (const QString& line : shown.split(QLatin1Char('\n')))
        widest = qMax(widest, metrics.horizontalAdvance(line));
    if (widest > room.width() + 1)
        return QStringLiteral("label %1 '%2' is %3 px wide in %4")
            .arg(nameOf(label), text.left(40))
            .arg(widest)
            .arg(room.width());
    return std::nullopt;
}

// The text and icon wider than the button less its frame (the style's 80 px minimum and its margins are
// looks, not needs: a button at its size hint is not clipped).
std::optional<QString> clippedButton(const QPushButton& button) {
    if (button.text().isEmpty())
        return std::nullopt;
    const int frame = button.style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, &button);
    int needed =
        QFontMetrics(button.font()).horizontalAdvance(QString(button.text()).remove(QLatin1Char('&'))) +
        2 * frame;
    if (!button.icon().isNull())
        needed += button.iconSize().width() + 4;
    if (button.width() < needed)
        return QStringLiteral("button %1 '%2' is %3 px wide, needs %4")
            .arg(nameOf(button), button.text())
            .arg(button.width())
            .arg(needed);
    return std::nullopt;
}

void clippedCells(const QTableView& table, QStringList& out) {
    const QAbstractItemModel* model = table.model();
    if (!model)
        return;
    const QFontMetrics metrics(table.font());
    // The item delegate's text margins: a cell shows its text in its width less about 2 * 3 px plus the
    // focus frame.
    const int padding = 2 * (table.style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, &table) + 1);
    for (int row = 0; row < model->rowCount(); ++row) {
        if (table.isRowHidden(row))
            continue;
        for (int column = 0; column < model->columnCount(); ++column) {
            if (table.isColumnHidden(column))
                continue;
            const QModelIndex index = model->index(row, column);
            const QString text = index.data(Qt::DisplayRole).toString();
            const QRect cell = table.visualRect(index);
            if (text.isEmpty() || cell.isEmpty() || !table.viewport()->rect().intersects(cell))
                continue;
            // Elided text whose tooltip gives it whole is readable: that is how a table shows long text.
            if (index.data(Qt::ToolTipRole).toString().contains(text))
                continue;
            const int needed = metrics.horizontalAdvance(text) + padding;
            if (needed > cell.width())
                out << QStringLiteral("table %1 cell '%2' is %3 px wide, needs %4")
                           .arg(nameOf(table), text)
                           .arg(cell.width())
                           .arg(needed);
        }
    }
    const QHeaderView* header = table.horizontalHeader();
    if (!header->isVisible())
        return;
    for (int column = 0; column < model->columnCount(); ++column) {
        if (table.isColumnHidden(column))
            continue;
        const QString text = model->headerData(column, Qt::Horizontal).toString();
        const int needed = QFontMetrics(header->font()).horizontalAdvance(text) + padding;
        if (!text.isEmpty() && needed > header->sectionSize(column))
            out << QStringLiteral("table %1 header '%2' is %3 px wide, needs %4")
                       .arg(nameOf(table), text)
                       .arg(header->sectionSize(column))
                       .arg(needed);
    }
}

} // namespace

QStringList clippedTexts(QWidget& root) {
    QStringList out;
    for (QLabel* label : root.findChildren<QLabel*>()) {
        if (!label->isVisibleTo(&root) || label->width() <= 0)
            continue;
        if (const std::optional<QString> clipped = clippedLabel(*label))
            out << *clipped;
    }
    for (QPushButton* button : root.findChildren<QPushButton*>()) {
        if (!button->isVisibleTo(&root))
            continue;
        if (const std::optional<QString> clipped = clippedButton(*button))
            out << *clipped;
    }
    for (QTableView* table : root.findChildren<QTableView*>()) {
        if (table->isVisibleTo(&root))
            clippedCells(*table, out);
    }
    return out;
}

} // namespace avld::test
