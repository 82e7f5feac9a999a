#pragma once

// Reading a report back as a person would (a browser's screenshot, poppler's pages and text): shared by the
// HTML report's test (no Qt Gui) and the PDF's.

#include "bitmap/bitmapcodec.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace avld::test {

// Many pixels that are neither white nor one flat colour: something was drawn in the picture file.
inline bool drawnPicture(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const Result<Bitmap> picture = decodePicture(file.readAll());
    if (!picture)
        return false;
    int inked = 0;
    for (int y = 0; y < picture->height(); y += 4)
        for (int x = 0; x < picture->width(); x += 4) {
            const Rgb p = picture->pixel(x, y);
            inked += (redOf(p) * 11 + greenOf(p) * 16 + blueOf(p) * 5) / 32 < 200; // qGray's weights
        }
    return inked > 200;
}

// Kept beside the GUI screenshots ($AVLD_SCREENSHOT_DIR), for a person to look at.
inline void keepPicture(const QString& path, const QString& name) {
    const QString dir = qEnvironmentVariable("AVLD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    const QString target = QDir(dir).filePath(name + QStringLiteral(".png"));
    QFile::remove(target);
    QFile::copy(path, target);
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline Run run(const QString& program, const QStringList& arguments, int timeoutMs = 90'000) {
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, "timed out"};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace avld::test
