#pragma once

#include <QByteArray>
#include <QImageIOHandler>

#include <memory>

class QIODevice;

namespace avld {

// A writer from one image format's own Qt plugin (libqjpeg.so for "jpeg"), loaded alone. QImageWriter finds
// a format that is not built into Qt by asking every image plugin in turn, loading each with its libraries:
// on Debian's Qt 6.4 the JPEG plugin comes last of ten, so each process's first JPEG loaded 17 more shared
// objects (TIFF, MNG, SVG…, ~6 ms of a `grab` process; bench_startup). Null when the plugin is not in Qt's
// plugin directories or cannot write `format`: callers fall back on QImageWriter.
std::unique_ptr<QImageIOHandler> formatPluginWriter(QIODevice* device, const QByteArray& format);

} // namespace avld
