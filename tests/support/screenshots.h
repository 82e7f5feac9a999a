#pragma once

#include <QString>

class QWidget;

namespace avld::test {

// Saves a picture of `widget` as NAME.png in $AVLD_SCREENSHOT_DIR (set by CTest to <build>/screenshots),
// or the current directory. Returns the file written, or an empty string on failure.
QString saveScreenshot(QWidget& widget, const QString& name);

} // namespace avld::test
