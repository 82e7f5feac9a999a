#include "bitmapqt/qimagebridge.h"
#include "media/perceptualhash.h"
#include "syntheticframes.h"

#include <QTest>

#include <functional>

using namespace avld;

using Transform = std::function<QImage(const QImage&)>;
Q_DECLARE_METATYPE(Transform)

namespace {

QImage source(const QString& name) {
    if (name == QLatin1String("test pattern"))
        return test::testPattern();
    if (name == QLatin1String("shapes"))
        return test::shapes(7);
    if (name == QLatin1String("night scene"))
        return test::nightScene();
    if (name == QLatin1String("dark title"))
        return test::darkTitle();
    if (name == QLatin1String("light bands"))
        return test::lightBands();
    return test::linearGradient({0, 0}, {1280, 720}, QColor(200, 40, 40), QColor(20, 60, 220));
}

} // namespace

class TestPerceptualHash : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nullImageHashesToZero() { QCOMPARE(PerceptualHash::compute(Bitmap()), quint64(0)); }

    void distanceCountsDifferingBits() {
        QCOMPARE(PerceptualHash::distance(0, 0), 0);
        QCOMPARE(PerceptualHash::distance(0, ~quint64(0)), 64);
        QCOMPARE(PerceptualHash::distance(0xF0F0, 0x0FF0), 8);
        QCOMPARE(PerceptualHash::distance(0x8000000000000001ULL, 1), 1);
    }

    void structuredPicturesSetUpToHalfTheBits_data() {
        QTest::addColumn<QString>("name");
        for (const char* name : {"test pattern", "shapes", "night scene", "dark title"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void structuredPicturesSetUpToHalfTheBits() {
        QFETCH(QString, name);
        const quint64 hash = PerceptualHash::compute(fromQImage(source(name)));
        qInfo("%d bits set", PerceptualHash::structureBits(hash));
        // 63 coefficients against their median: at most 31 above it.
        QVERIFY(PerceptualHash::structureBits(hash) >= 20);
        QVERIFY(PerceptualHash::structureBits(hash) <= 31);
        QCOMPARE(hash >> 63, quint64(0));
    }

    // Smooth pictures have almost no low-frequency coefficients above the noise floor, and neither has fine
    // noise once reduced to 32x32.
    void featurelessPicturesSetFewBits_data() {
        QTest::addColumn<QImage>("image");
        QTest::newRow("flat grey") << test::flat(QColor(128, 128, 128));
        QTest::newRow("black") << test::flat(Qt::black);
        QTest::newRow("light bands") << test::lightBands();
        QTest::newRow("gradient") << source(QStringLiteral("gradient"));
        QTest::newRow("horizontal gradient") << test::linearGradient({0, 0}, {1280, 0}, Qt::black, Qt::white);
        QTest::newRow("radial") << test::radialGradient(QColor(240, 240, 240), QColor(140, 140, 140));
        QTest::newRow("fine noise") << test::noise(1);
    }
    void featurelessPicturesSetFewBits() {
        QFETCH(QImage, image);
        const quint64 hash = PerceptualHash::compute(fromQImage(image));
        qInfo("%d bits set", PerceptualHash::structureBits(hash));
        QVERIFY(PerceptualHash::structureBits(hash) <= 8);
    }

    void sameHashForSameImage() {
        const QImage image = test::testPattern();
        QCOMPARE(PerceptualHash::compute(fromQImage(image)),
                 PerceptualHash::compute(fromQImage(image.copy())));
        QCOMPARE(PerceptualHash::compute(fromQImage(image)),
                 PerceptualHash::compute(fromQImage(image.convertToFormat(QImage::Format_ARGB32))));
    }

    // Inverting the grey levels negates every AC coefficient and the median: coefficients above the median
    // go below it and the other way round, so most bits flip (unrelated pictures differ by about 32).
    void invertedImageFlipsAlmostEveryBit_data() { structuredPicturesSetUpToHalfTheBits_data(); }
    void invertedImageFlipsAlmostEveryBit() {
        QFETCH(QString, name);
        const QImage image = source(name);
        const int d = PerceptualHash::distance(PerceptualHash::compute(fromQImage(image)),
                                               PerceptualHash::compute(fromQImage(test::inverted(image))));
        qInfo("%s: inverted is %d bits away", qPrintable(name), d);
        QVERIFY2(d >= 44, qPrintable(QString::number(d)));
    }

    void stableUnderResizeReencodeAndBrightness_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<Transform>("transform");
        const QList<std::pair<const char*, Transform>> transforms = {
            {"1200x630 (AVideo's stretch)",
             [](const QImage& i) {
                 return test::resized(i, {1200, 630});
             }},
            {"640x360",
             [](const QImage& i) {
                 return test::resized(i, {640, 360});
             }},
            {"320x180",
             [](const QImage& i) {
                 return test::resized(i, {320, 180});
             }},
            {"1920x1080",
             [](const QImage& i) {
                 return test::resized(i, {1920, 1080});
             }},
            {"JPEG q60", [](const QImage& i) { return test::jpegRoundTrip(i, 60); }},
            {"JPEG q90", [](const QImage& i) { return test::jpegRoundTrip(i, 90); }},
            {"1200x630 JPEG q75", [](const QImage& i) { return test::asServedByAvideo(i, 75); }},
            {"brighter +12", [](const QImage& i) { return test::brightness(i, 1.0, 12); }},
            {"darker -12", [](const QImage& i) { return test::brightness(i, 1.0, -12); }},
            {"gain 1.1", [](const QImage& i) { return test::brightness(i, 1.1, 0); }},
            {"gain 0.9", [](const QImage& i) { return test::brightness(i, 0.9, 0); }},
            {"gain 0.9 640x360 JPEG q70",
             [](const QImage& i) {
                 return test::jpegRoundTrip(test::resized(test::brightness(i, 0.9, 0), {640, 360}), 70);
             }},
        };
        for (const char* name :
             {"test pattern", "shapes", "night scene", "dark title", "light bands", "gradient"})
            for (const auto& [label, transform] : transforms)
                QTest::addRow("%s, %s", name, label) << QString::fromLatin1(name) << transform;
    }
    void stableUnderResizeReencodeAndBrightness() {
        QFETCH(QString, name);
        QFETCH(Transform, transform);
        const QImage image = source(name);
        const int d = PerceptualHash::distance(PerceptualHash::compute(fromQImage(image)),
                                               PerceptualHash::compute(fromQImage(transform(image))));
        qInfo("distance %d", d);
        // FrameChecks takes pictures up to 10 bits apart for the same card: stay well inside that.
        QVERIFY2(d <= 8, qPrintable(QStringLiteral("%1 bits apart").arg(d)));
    }

    void differentImagesAreFarApart_data() {
        QTest::addColumn<QImage>("a");
        QTest::addColumn<QImage>("b");
        QTest::newRow("test pattern / shapes") << test::testPattern() << test::shapes(7);
        QTest::newRow("shapes 7 / shapes 8") << test::shapes(7) << test::shapes(8);
        QTest::newRow("test pattern / night scene") << test::testPattern() << test::nightScene();
        QTest::newRow("night scene / dark title") << test::nightScene() << test::darkTitle();
        QTest::newRow("test pattern / block noise") << test::testPattern() << test::blockNoise(1);
        QTest::newRow("block noise 1 / block noise 2") << test::blockNoise(1) << test::blockNoise(2);
        QTest::newRow("test pattern / light bands") << test::testPattern() << test::lightBands();
        QTest::newRow("night scene / black") << test::nightScene() << test::flat(Qt::black);
        QTest::newRow("test pattern / mirrored")
            << test::testPattern() << test::testPattern().mirrored(true, false);
    }
    void differentImagesAreFarApart() {
        QFETCH(QImage, a);
        QFETCH(QImage, b);
        const int d = PerceptualHash::distance(PerceptualHash::compute(fromQImage(a)),
                                               PerceptualHash::compute(fromQImage(b)));
        qInfo("distance %d", d);
        QVERIFY2(d >= 20, qPrintable(QStringLiteral("only %1 bits apart").arg(d)));
    }
};

QTEST_GUILESS_MAIN(TestPerceptualHash)
#include "tst_perceptualhash.moc"
