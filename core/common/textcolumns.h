#pragma once

#include <QString>

namespace avld {

// Text in the fixed-width columns of a terminal table: how many cells a string takes (East Asian wide
// characters and most emoji take two, combining marks none) and fitting it to a column, elided with "…".
class TextColumns {
public:
    static int width(const QString& text);
    // `text` elided to at most `columns` cells (ending in "…" when cut, never in half a wide character) and
    // padded with spaces to exactly `columns` cells.
    static QString fit(const QString& text, int columns);
    // The same without the padding (the last column of a line).
    static QString elide(const QString& text, int columns);

private:
    static int cellsOf(char32_t point);
};

} // namespace avld
