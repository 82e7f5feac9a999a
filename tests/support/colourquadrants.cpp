#include "colourquadrants.h"

#include <QProcess>

#include <algorithm>

namespace avld::test {

QList<QColor> ColourQuadrants::colours() {
    return {QColor(255, 0, 0), QColor(0, 255, 0), QColor(0, 0, 255), QColor(0, 255, 255)};
}

Result<QString> ColourQuadrants::write(const QString& path) const {
    const QList<QColor> all = colours();
    QStringList graph;
    const QStringList labels{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                             QStringLiteral("d")};
    for (qsizetype i = 0; i < all.size(); ++i)
        graph << QStringLiteral("color=c=0x%1:s=%2x%3:r=25:d=%4[%5]")
                     .arg(all.at(i).name().mid(1))
                     .arg(width / 2)
                     .arg(height / 2)
                     .arg(seconds)
                     .arg(labels.at(i));
    graph << QStringLiteral("[a][b]hstack[top]") << QStringLiteral("[c][d]hstack[bottom]")
          << QStringLiteral("[top][bottom]vstack");
    const QString range = fullRange ? QStringLiteral("pc") : QStringLiteral("tv");
    QStringList args{
        QStringLiteral("-v"),
        QStringLiteral("error"),
        QStringLiteral("-y"),
        QStringLiteral("-f"),
        QStringLiteral("lavfi"),
        QStringLiteral("-i"),
        graph.join(QLatin1Char(';')),
        QStringLiteral("-vf"),
        QStringLiteral("scale=out_color_matrix=%1:out_range=%2,format=yuv420p").arg(matrix, range)};
    if (tagged)
        args << QStringLiteral("-colorspace")
             << (matrix == QLatin1String("bt601") ? QStringLiteral("smpte170m") : matrix)
             << QStringLiteral("-color_range") << range;
    args << QStringLiteral("-c:v") << QStringLiteral("libx264") << QStringLiteral("-g")
         << QStringLiteral("25") << QStringLiteral("-f") << QStringLiteral("mpegts") << path;
    QProcess ffmpeg;
    ffmpeg.setProcessChannelMode(QProcess::MergedChannels);
    ffmpeg.start(QStringLiteral("ffmpeg"), args);
    if (!ffmpeg.waitForStarted(5000))
        return Error{QStringLiteral("no-ffmpeg"), QStringLiteral("cannot start ffmpeg"), {}};
    if (!ffmpeg.waitForFinished(60000) || ffmpeg.exitCode() != 0)
        return Error{QStringLiteral("ffmpeg-failed"), QString::fromLocal8Bit(ffmpeg.readAll()), {}};
    return path;
}

int ColourQuadrants::worstChannelError(const QImage& picture) {
    const QList<QColor> all = colours();
    int worst = 0;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const int x = (i % 2 == 0 ? 1 : 3) * picture.width() / 4;
        const int y = (i < 2 ? 1 : 3) * picture.height() / 4;
        const QColor seen = picture.pixelColor(x, y);
        worst = std::max({worst, qAbs(seen.red() - all.at(i).red()), qAbs(seen.green() - all.at(i).green()),
                      qAbs(seen.blue() - all.at(i).blue())});
    }
    return worst;
}

} // namespace avld::test
