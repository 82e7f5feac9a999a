#pragma once

#include <QStringList>

class QWidget;

namespace avld::test {

// Every piece of text under `root` that the screen cuts, in words ("label 'Latency p50/p99' 180 px in
// 150"): visible QLabels whose text is wider (or, word-wrapped, taller) than the label, push buttons too
// narrow for their text, table headers, and table cells whose text is wider than the cell (Qt elides it
// with "…") unless their tooltip gives the text whole.
QStringList clippedTexts(QWidget& root);

} // namespace avld::test
