#include "screenshots.h"

#include <QCoreApplication>
#include <QDir>
#include <QPixmap>
#include <QWidget>

namespace avld::test {

QString saveScreenshot(QWidget& widget, const QString& name) {
    const QString dir = qEnvironmentVariable("AVLD_SCREENSHOT_DIR", QDir::currentPath());
    if (!QDir().mkpath(dir))
        return {};
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    // Layouts settle on posted events: without this, a picture taken right after a change shows the old
    // geometry.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    return widget.grab().save(path) ? path : QString();
}

} // namespace avld::test
