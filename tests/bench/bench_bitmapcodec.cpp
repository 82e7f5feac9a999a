// avld_bitmap against QImage, side by side in one run (issue #18): decoding and encoding a 1280x720
// frame-like picture as JPEG (quality 85, optimised tables, as core's ImageEncoder writes), PNG and WebP
// (quality 80), and scaling it to 640x360. Ours and Qt's alternate run by run; each figure is the median.
//
//   bench_bitmapcodec [--runs N]

#include "bitmap/bitmapcodec.h"
#include "bitmap/bitmapscale.h"
#include "bitmapqt/qimagebridge.h"
#include "codecfixtures.h"
#include "testpictures.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace avld;

namespace {

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

struct Pair {
    double ours = 0;
    double qt = 0;
};

// Runs both sides `runs` times, alternating which goes first, and gives the median milliseconds of each.
Pair timeBoth(int runs, const std::function<void()>& ours, const std::function<void()>& qt) {
    std::vector<double> oursMs;
    std::vector<double> qtMs;
    const auto timed = [](const std::function<void()>& work) {
        QElapsedTimer timer;
        timer.start();
        work();
        return double(timer.nsecsElapsed()) / 1e6;
    };
    ours(); // warm up: libraries loaded, plugins found, caches filled
    qt();
    for (int run = 0; run < runs; ++run) {
        if (run % 2) {
            oursMs.push_back(timed(ours));
            qtMs.push_back(timed(qt));
        } else {
            qtMs.push_back(timed(qt));
            oursMs.push_back(timed(ours));
        }
    }
    return {median(oursMs), median(qtMs)};
}

void printRow(const char* what, Pair pair) {
    std::printf("  %-26s %9.2f %9.2f %8.2f\n", what, pair.ours, pair.qt, pair.ours / pair.qt);
}

} // namespace

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs of each measurement (default 15)."),
                      QStringLiteral("N"), QStringLiteral("15")});
    parser.process(app);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    const QImage image = testpictures::photoLike(QSize(1280, 720), 4);
    const Bitmap bitmap = fromQImage(image);

    struct Format {
        const char* name;
        const char* qtName;
        int quality;
        bool optimized;
        std::function<Result<QByteArray>(const Bitmap&)> encode;
    };
    const std::vector<Format> formats{
        {"JPEG q85", "jpeg", 85, true, [](const Bitmap& b) { return encodeJpeg(b, 85); }},
        {"PNG", "png", -1, false, [](const Bitmap& b) { return encodePng(b); }},
        {"WebP q80", "webp", 80, false, [](const Bitmap& b) { return encodeWebp(b, 80); }},
    };

    std::printf(
        "bench_bitmapcodec: a 1280x720 frame-like picture, median of %d runs, ours and Qt's alternating\n",
        runs);
    std::printf("  %-26s %9s %9s %8s\n", "", "ours ms", "Qt ms", "ours/Qt");
    QStringList sizes;
    for (const Format& format : formats) {
        const QByteArray qtBytes =
            codecfixtures::qtEncoded(image, format.qtName, format.quality, format.optimized);
        const Result<QByteArray> ourBytes = format.encode(bitmap);
        if (!ourBytes.ok() || qtBytes.isEmpty()) {
            std::fprintf(stderr, "%s: cannot encode (%s)\n", format.name,
                         ourBytes.ok() ? "Qt" : qPrintable(ourBytes.error().message));
            return 1;
        }
        // Both decode the same bytes: Qt's, as a site would serve them.
        const Pair decode = timeBoth(
            runs, [&] { (void)decodePicture(qtBytes); },
            [&] { (void)QImage::fromData(qtBytes, format.qtName); });
        const Pair encode = timeBoth(
            runs, [&] { (void)format.encode(bitmap); },
            [&] { (void)codecfixtures::qtEncoded(image, format.qtName, format.quality, format.optimized); });
        printRow(qPrintable(QStringLiteral("%1 decode").arg(QLatin1String(format.name))), decode);
        printRow(qPrintable(QStringLiteral("%1 encode").arg(QLatin1String(format.name))), encode);
        sizes << QStringLiteral("  %1: ours %2 bytes, Qt's %3 bytes (%4)")
                     .arg(QLatin1String(format.name))
                     .arg(ourBytes->size())
                     .arg(qtBytes.size())
                     .arg(double(ourBytes->size()) / double(qtBytes.size()), 0, 'f', 3);
    }
    const Pair scale = timeBoth(
        runs, [&] { (void)scaled(bitmap, 640, 360); },
        [&] { (void)image.scaled(640, 360, Qt::IgnoreAspectRatio, Qt::SmoothTransformation); });
    printRow("scale to 640x360 (smooth)", scale);
    std::printf("sizes:\n%s\n", qPrintable(sizes.join(QLatin1Char('\n'))));
    return 0;
}
