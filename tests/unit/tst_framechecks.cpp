#include "bitmap/bitmapcodec.h"
#include "bitmapqt/qimagebridge.h"
#include "media/framechecks.h"
#include "requirefixture.h"
#include "syntheticframes.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <functional>

using namespace avld;

using Transform = std::function<QImage(const QImage&)>;
Q_DECLARE_METATYPE(Transform)
Q_DECLARE_METATYPE(avld::KnownCard)

#ifndef AVLD_REFERENCE_IMAGES
#error "tests/CMakeLists.txt defines AVLD_REFERENCE_IMAGES for this test"
#endif

namespace {

const char* const kNoReferences = "the reference images are not here (" AVLD_REFERENCE_IMAGES
                                  "): they sit in shared/reference-images beside "
                                  "the repository and are not shipped";

const char* enumName(KnownCard card) {
    switch (card) {
    case KnownCard::None:
        return "None";
    case KnownCard::AvideoOnAir:
        return "AvideoOnAir";
    case KnownCard::AvideoOffline:
        return "AvideoOffline";
    case KnownCard::AvideoComingSoon:
        return "AvideoComingSoon";
    case KnownCard::EncoderOnAir:
        return "EncoderOnAir";
    case KnownCard::EncoderNotFound:
        return "EncoderNotFound";
    case KnownCard::EncoderCreatingImages:
        return "EncoderCreatingImages";
    case KnownCard::AvideoLoopBackground:
        return "AvideoLoopBackground";
    }
    return "?";
}

// What the reference table must hold: every picture file of the folder, with the card it shows.
QList<std::pair<KnownCard, QString>> expectedReferences() {
    QList<std::pair<KnownCard, QString>> files = {
        {KnownCard::AvideoOnAir, QStringLiteral("avideo-OnAir.jpg")},
        {KnownCard::AvideoOffline, QStringLiteral("avideo-Offline.jpg")},
        {KnownCard::AvideoComingSoon, QStringLiteral("avideo-ComingSoon.jpg")},
        {KnownCard::EncoderOnAir, QStringLiteral("encoder-OnAir.jpg")},
        {KnownCard::EncoderOnAir, QStringLiteral("encoder-OnAir.png")},
        {KnownCard::EncoderNotFound, QStringLiteral("encoder-notfound.gif")},
        {KnownCard::EncoderCreatingImages, QStringLiteral("encoder-creatingImages.jpg")},
    };
    for (int i = 0; i < 9; ++i)
        files.append(
            {KnownCard::AvideoLoopBackground, QStringLiteral("avideo-loop-background/frame-%1.jpg").arg(i)});
    return files;
}

// The nearest reference of another card than `card`.
int nearestOtherCard(quint64 hash, KnownCard card) {
    int nearest = PerceptualHash::kBits;
    for (const CardReference& r : KnownCards::references())
        if (r.card != card)
            nearest = qMin(nearest, PerceptualHash::distance(hash, r.hash));
    return nearest;
}

} // namespace

class TestFrameChecks : public QObject {
    Q_OBJECT

    QDir m_references{QStringLiteral(AVLD_REFERENCE_IMAGES)};
    bool m_haveReferences = false;

    // Decoded as core decodes a site's thumbnail (the first frame, for the animated gif); a QImage, for the
    // transforms that play the servers a card goes through.
    QImage reference(const QString& file) const {
        QFile in(m_references.filePath(file));
        if (!in.open(QIODevice::ReadOnly)) {
            qWarning("cannot read %s: %s", qPrintable(file), qPrintable(in.errorString()));
            return {};
        }
        const Result<Bitmap> image = decodePicture(in.readAll());
        if (!image) {
            qWarning("cannot decode %s: %s", qPrintable(file), qPrintable(image.error().toString()));
            return {};
        }
        return toQImage(*image);
    }

private Q_SLOTS:
    void initTestCase() {
        m_haveReferences = m_references.exists(QStringLiteral("avideo-OnAir.jpg"));
        if (!m_haveReferences)
            qWarning("%s: the tests that need them are skipped", kNoReferences);
    }

    void referenceTableCoversEveryPictureFile() {
        const auto expected = expectedReferences();
        const auto references = KnownCards::references();
        QCOMPARE(qsizetype(references.size()), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(enumName(references[i].card), enumName(expected[i].first));
            QCOMPARE(QString::fromLatin1(references[i].file), expected[i].second);
        }
        QCOMPARE(QString::fromLatin1(KnownCards::kCreatingImagesFile),
                 QStringLiteral("encoder-creatingImages.jpg"));
        if (m_haveReferences) {
            QStringList onDisk = m_references.entryList(
                {QStringLiteral("*.jpg"), QStringLiteral("*.png"), QStringLiteral("*.gif")});
            for (const QString& f : QDir(m_references.filePath(QStringLiteral("avideo-loop-background")))
                                        .entryList({QStringLiteral("*.jpg")}))
                onDisk << QStringLiteral("avideo-loop-background/") + f;
            QStringList inTable;
            for (const auto& e : expected)
                inTable << e.second;
            onDisk.sort();
            inTable.sort();
            QCOMPARE(inTable, onDisk);
        }
    }

    // The constants of knowncards.cpp are what the files give; on a difference, the whole table is printed
    // ready to paste.
    void referenceConstantsMatchTheFiles() {
        if (!m_haveReferences)
            AVLD_FIXTURE_MISSING(kNoReferences);
        const auto expected = expectedReferences();
        const auto references = KnownCards::references();
        QString table;
        bool same = qsizetype(references.size()) == expected.size();
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QImage image = reference(expected[i].second);
            QVERIFY2(!image.isNull(), qPrintable(expected[i].second));
            const quint64 hash = PerceptualHash::compute(fromQImage(image));
            table += QStringLiteral("    {KnownCard::%1, \"%2\", 0x%3ULL},\n")
                         .arg(QLatin1String(enumName(expected[i].first)), expected[i].second)
                         .arg(hash, 16, 16, QLatin1Char('0'));
            if (i >= qsizetype(references.size()) || references[i].hash != hash) {
                same = false;
                qWarning("%s: the constant is not %016llx", qPrintable(expected[i].second), hash);
            }
        }
        const auto coarse =
            FrameSample::of(fromQImage(reference(QString::fromLatin1(KnownCards::kCreatingImagesFile))))
                .coarseGrey();
        QString coarseText;
        for (int y = 0; y < FrameSample::kCoarseHeight; ++y) {
            coarseText += QStringLiteral("   ");
            for (int x = 0; x < FrameSample::kCoarseWidth; ++x)
                coarseText += QStringLiteral(" %1,").arg(coarse[y * FrameSample::kCoarseWidth + x]);
            coarseText += QLatin1Char('\n');
        }
        const bool sameCoarse = coarse == KnownCards::creatingImagesCoarseGrey();
        if (!same || !sameCoarse)
            qInfo().noquote() << "knowncards.cpp should hold:\n"
                              << table << "\nand the coarse grey:\n"
                              << coarseText;
        QVERIFY2(same, "a reference hash differs from its file: see the table above");
        QVERIFY2(sameCoarse, "the Creating Images coarse grey differs from its file: see above");
    }

    // The measurements behind FrameChecks::kCardMaxDistance, printed in the log: distances between all
    // references, and from each to its copies as AVideo serves them (1200x630, JPEG q60/75/90) and as a grab
    // of a 640x360 stream would give them. Any picture within the threshold of one card is more than the
    // threshold away from every other card as long as different cards are more than twice it apart.
    void referenceDistances() {
        if (!m_haveReferences)
            AVLD_FIXTURE_MISSING(kNoReferences);
        const auto references = KnownCards::references();
        QString header = QStringLiteral("      ");
        for (qsizetype j = 0; j < qsizetype(references.size()); ++j)
            header += QStringLiteral("%1").arg(j, 3);
        qInfo().noquote() << "pHash distances between the references:\n" << header;
        int nearestDifferentCards = PerceptualHash::kBits;
        int farthestSameCard = 0;
        for (qsizetype i = 0; i < qsizetype(references.size()); ++i) {
            QString row = QStringLiteral("  %1  ").arg(i, 2);
            for (qsizetype j = 0; j < qsizetype(references.size()); ++j) {
                const int d = PerceptualHash::distance(references[i].hash, references[j].hash);
                row += QStringLiteral("%1").arg(d, 3);
                if (i != j && references[i].card != references[j].card)
                    nearestDifferentCards = qMin(nearestDifferentCards, d);
                if (i != j && references[i].card == references[j].card)
                    farthestSameCard = qMax(farthestSameCard, d);
            }
            qInfo().noquote() << row << " " << references[i].file << "("
                              << PerceptualHash::structureBits(references[i].hash) << "bits set)";
        }
        qInfo("nearest references of different cards: %d bits; farthest of one card (the loop's frames): %d",
              nearestDifferentCards, farthestSameCard);
        QVERIFY2(nearestDifferentCards > 2 * FrameChecks::kCardMaxDistance,
                 qPrintable(QString::number(nearestDifferentCards)));

        qInfo("distance from each reference to its copy: 1200x630 q60 / q75 / q90, 640x360 q75, "
              "via the 64x36 sample, brightness +10, gain 0.9");
        for (const CardReference& r : references) {
            const QImage image = reference(QString::fromLatin1(r.file));
            const auto at = [&](const QImage& copy) {
                return PerceptualHash::distance(r.hash, PerceptualHash::compute(fromQImage(copy)));
            };
            qInfo("  %-36s %2d %2d %2d   %2d   %2d   %2d %2d", r.file, at(test::asServedByAvideo(image, 60)),
                  at(test::asServedByAvideo(image, 75)), at(test::asServedByAvideo(image, 90)),
                  at(test::jpegRoundTrip(test::resized(image, {640, 360}), 75)),
                  PerceptualHash::distance(r.hash, FrameSample::of(fromQImage(image)).hash),
                  at(test::brightness(image, 1.0, 10)), at(test::brightness(image, 0.9, 0)));
        }
    }

    void cardsRecognisedAsServed_data() {
        if (!m_haveReferences)
            AVLD_FIXTURE_MISSING(kNoReferences);
        QTest::addColumn<QString>("file");
        QTest::addColumn<KnownCard>("card");
        QTest::addColumn<Transform>("transform");
        const QList<std::pair<const char*, Transform>> transforms = {
            {"as is", [](const QImage& i) { return i; }},
            {"1200x630 JPEG q60", [](const QImage& i) { return test::asServedByAvideo(i, 60); }},
            {"1200x630 JPEG q75", [](const QImage& i) { return test::asServedByAvideo(i, 75); }},
            {"1200x630 JPEG q90", [](const QImage& i) { return test::asServedByAvideo(i, 90); }},
            {"640x360 JPEG q70",
             [](const QImage& i) {
                 return test::jpegRoundTrip(test::resized(i, {640, 360}), 70);
             }},
        };
        for (const CardReference& r : KnownCards::references())
            for (const auto& [label, transform] : transforms)
                QTest::addRow("%s, %s", r.file, label) << QString::fromLatin1(r.file) << r.card << transform;
    }
    void cardsRecognisedAsServed() {
        QFETCH(QString, file);
        QFETCH(KnownCard, card);
        QFETCH(Transform, transform);
        const FrameSample sample = FrameSample::of(fromQImage(transform(reference(file))));
        const FrameChecks::CardMatch match = FrameChecks::recognizeCard(sample);
        const int other = nearestOtherCard(sample.hash, card);
        qInfo("%s at %d bits (%s), nearest other card at %d, Creating Images correlation %.3f",
              enumName(match.card), match.distance, match.nearest ? match.nearest->file : "-", other,
              match.creatingImagesCorrelation);
        QCOMPARE(enumName(match.card), enumName(card));
        QCOMPARE(enumName(FrameChecks::classify(sample).card), enumName(card));
        QVERIFY2(other > FrameChecks::kCardMaxDistance, "another card is within reach");
        if (card != KnownCard::EncoderCreatingImages)
            QVERIFY(match.distance <= FrameChecks::kCardMaxDistance);
        else if (match.distance > FrameChecks::kCardMaxDistance) // found by its texture
            QVERIFY(match.creatingImagesCorrelation >= FrameChecks::kTextureMinCorrelation);
    }

    // Every frame of AVideo's waiting loop, as a grab of it may come: any size, re-encoded, a little darker.
    void loopBackgroundRecognised_data() {
        if (!m_haveReferences)
            AVLD_FIXTURE_MISSING(kNoReferences);
        QTest::addColumn<QString>("file");
        QTest::addColumn<Transform>("transform");
        const QList<std::pair<const char*, Transform>> transforms = {
            {"1280x720 JPEG q75", [](const QImage& i) { return test::jpegRoundTrip(i, 75); }},
            {"854x480 JPEG q60",
             [](const QImage& i) {
                 return test::jpegRoundTrip(test::resized(i, {854, 480}), 60);
             }},
            {"320x180",
             [](const QImage& i) {
                 return test::resized(i, {320, 180});
             }},
            {"gain 0.95 +5, 640x360 JPEG q80",
             [](const QImage& i) {
                 return test::jpegRoundTrip(test::resized(test::brightness(i, 0.95, 5), {640, 360}), 80);
             }},
        };
        for (int f = 0; f < 9; ++f)
            for (const auto& [label, transform] : transforms)
                QTest::addRow("frame-%d, %s", f, label)
                    << QStringLiteral("avideo-loop-background/frame-%1.jpg").arg(f) << transform;
    }
    void loopBackgroundRecognised() {
        QFETCH(QString, file);
        QFETCH(Transform, transform);
        const FrameVerdict verdict = FrameChecks::classify(fromQImage(transform(reference(file))));
        qInfo("%s at %d bits", enumName(verdict.card), verdict.cardDistance);
        QCOMPARE(enumName(verdict.card), enumName(KnownCard::AvideoLoopBackground));
        QVERIFY(!verdict.black);
        QVERIFY(!verdict.flat);
        QCOMPARE(verdict.reason(),
                 QStringLiteral(
                     "AVideo's waiting loop (the live's playlist is missing, so AVideo streams its loop)"));
    }

    void cardsAreNeitherBlackNorFlat() {
        if (!m_haveReferences)
            AVLD_FIXTURE_MISSING(kNoReferences);
        for (const CardReference& r : KnownCards::references()) {
            const FrameSample sample = FrameSample::of(
                fromQImage(test::asServedByAvideo(reference(QString::fromLatin1(r.file)), 75)));
            const FrameChecks::Luma luma = FrameChecks::measure(sample);
            qInfo("  %-36s mean %5.1f  sd %5.1f  colour sd %5.1f  dark %.3f", r.file, luma.mean, luma.stdDev,
                  luma.colourStdDev, luma.darkFraction);
            QVERIFY2(!FrameChecks::isBlack(luma), r.file);
            QVERIFY2(!FrameChecks::isFlat(luma), r.file);
        }
    }

    void ordinaryFramesAreNotCards_data() {
        QTest::addColumn<QImage>("image");
        QTest::addColumn<bool>("featureless");
        QTest::newRow("test pattern") << test::testPattern() << false;
        QTest::newRow("test pattern 1200x630 q75")
            << test::asServedByAvideo(test::testPattern(), 75) << false;
        QTest::newRow("test pattern 640x360") << test::testPattern(3600, 7, {640, 360}) << false;
        for (quint32 seed = 1; seed <= 6; ++seed)
            QTest::addRow("shapes %u", seed) << test::shapes(seed) << false;
        QTest::newRow("gradient black to white, horizontal")
            << test::linearGradient({0, 0}, {1280, 0}, Qt::black, Qt::white) << true;
        QTest::newRow("gradient black to white, vertical")
            << test::linearGradient({0, 0}, {0, 720}, Qt::black, Qt::white) << true;
        QTest::newRow("gradient white to black, vertical")
            << test::linearGradient({0, 0}, {0, 720}, Qt::white, Qt::black) << true;
        QTest::newRow("gradient red to blue, diagonal")
            << test::linearGradient({0, 0}, {1280, 720}, QColor(200, 40, 40), QColor(20, 60, 220)) << true;
        QTest::newRow("gradient light greys, vertical")
            << test::linearGradient({0, 0}, {0, 720}, QColor(200, 200, 210), QColor(240, 240, 245)) << true;
        QTest::newRow("radial light")
            << test::radialGradient(QColor(240, 240, 240), QColor(140, 140, 140)) << true;
        QTest::newRow("radial dark") << test::radialGradient(QColor(90, 90, 90), QColor(5, 5, 5)) << true;
        QTest::newRow("light bands") << test::lightBands() << true;
        QTest::newRow("night scene") << test::nightScene() << false;
        QTest::newRow("dark title") << test::darkTitle() << false;
        QTest::newRow("block noise 1") << test::blockNoise(1) << false;
        QTest::newRow("block noise 2") << test::blockNoise(2) << false;
        // Fine noise averages out to one grey in the thumbnail: flat, like TV static.
        QTest::newRow("fine colour noise") << test::noise(3) << true;
        QTest::newRow("flat black") << test::flat(Qt::black) << true;
        QTest::newRow("flat grey") << test::flat(QColor(128, 128, 128)) << true;
    }
    // Featureless pictures (flat, or smooth like a gradient: fewer than kMinStructureBits bits in their hash)
    // are never matched by hash; every other picture must stay well clear of every card's hash.
    void ordinaryFramesAreNotCards() {
        QFETCH(QImage, image);
        QFETCH(bool, featureless);
        const FrameSample sample = FrameSample::of(fromQImage(image));
        const FrameChecks::CardMatch match = FrameChecks::recognizeCard(sample);
        int nearest = PerceptualHash::kBits;
        const char* nearestFile = "-";
        for (const CardReference& r : KnownCards::references())
            if (PerceptualHash::structureBits(r.hash) >= FrameChecks::kMinStructureBits &&
                PerceptualHash::distance(sample.hash, r.hash) < nearest) {
                nearest = PerceptualHash::distance(sample.hash, r.hash);
                nearestFile = r.file;
            }
        const FrameChecks::Luma luma = FrameChecks::measure(sample);
        qInfo("%2d bits set, flat %d; nearest card hash %d bits away (%s); Creating Images correlation %.3f",
              PerceptualHash::structureBits(sample.hash), FrameChecks::isFlat(luma), nearest, nearestFile,
              match.creatingImagesCorrelation);
        QCOMPARE(enumName(match.card), enumName(KnownCard::None));
        QCOMPARE(FrameChecks::isFlat(luma) ||
                     PerceptualHash::structureBits(sample.hash) < FrameChecks::kMinStructureBits,
                 featureless);
        if (!featureless)
            QVERIFY2(nearest > FrameChecks::kCardMaxDistance + 4, qPrintable(QString::number(nearest)));
        QVERIFY(match.creatingImagesCorrelation < 0.5);
    }

    void blackAndFlat_data() {
        QTest::addColumn<QImage>("image");
        QTest::addColumn<bool>("black");
        QTest::addColumn<bool>("flat");
        QTest::newRow("black") << test::flat(Qt::black) << true << true;
        QTest::newRow("video black (16)") << test::flat(QColor(16, 16, 16)) << true << true;
        QTest::newRow("black with sensor noise") << test::noise(5, 2, 20, true) << true << true;
        QTest::newRow("black JPEG q50")
            << test::jpegRoundTrip(test::flat(QColor(3, 3, 3)), 50) << true << true;
        QTest::newRow("black with a tiny logo") << [] {
            QImage i = test::flat(Qt::black);
            QPainter(&i).fillRect(1200, 20, 40, 30, Qt::white);
            return i;
        }() << true << false;
        QTest::newRow("night scene") << test::nightScene() << false << false;
        QTest::newRow("night scene 640x360 JPEG q60")
            << test::jpegRoundTrip(test::resized(test::nightScene(), {640, 360}), 60) << false << false;
        QTest::newRow("dark title") << test::darkTitle() << false << false;
        QTest::newRow("radial dark") << test::radialGradient(QColor(90, 90, 90), QColor(5, 5, 5)) << false
                                     << false;
        QTest::newRow("flat dark grey (40)") << test::flat(QColor(40, 40, 40)) << false << true;
        QTest::newRow("flat grey") << test::flat(QColor(128, 128, 128)) << false << true;
        QTest::newRow("flat grey JPEG q40")
            << test::jpegRoundTrip(test::flat(QColor(128, 128, 128)), 40) << false << true;
        QTest::newRow("flat red") << test::flat(QColor(200, 0, 0)) << false << true;
        // Dark in luma (7 and 29) but plainly blue: not black.
        QTest::newRow("flat dark blue") << test::flat(QColor(0, 0, 60)) << false << true;
        QTest::newRow("blue screen") << test::flat(QColor(0, 0, 255)) << false << true;
        QTest::newRow("flat white") << test::flat(Qt::white) << false << true;
        QTest::newRow("nearly flat gradient (120-126)")
            << test::linearGradient({0, 0}, {0, 720}, QColor(120, 120, 120), QColor(126, 126, 126)) << false
            << true;
        // Same luma everywhere, different colours: flat for the grey levels, not for the colour channels.
        QTest::newRow("isoluminant colour halves") << [] {
            QImage i = test::flat(QColor(180, 60, 60));
            QPainter(&i).fillRect(640, 0, 640, 720, QColor(36, 115, 60));
            return i;
        }() << false << false;
        QTest::newRow("test pattern") << test::testPattern() << false << false;
        QTest::newRow("shapes") << test::shapes(4) << false << false;
        QTest::newRow("light bands") << test::lightBands() << false << false;
    }
    void blackAndFlat() {
        QFETCH(QImage, image);
        QFETCH(bool, black);
        QFETCH(bool, flat);
        const FrameChecks::Luma luma = FrameChecks::measure(FrameSample::of(fromQImage(image)));
        qInfo("mean %.1f  sd %.2f  colour sd %.2f  dark %.3f", luma.mean, luma.stdDev, luma.colourStdDev,
              luma.darkFraction);
        QCOMPARE(FrameChecks::isBlack(luma), black);
        QCOMPARE(FrameChecks::isFlat(luma), flat);
        const FrameVerdict verdict = FrameChecks::classify(fromQImage(image));
        QCOMPARE(verdict.black, black);
        QCOMPARE(verdict.flat, flat);
        QCOMPARE(verdict.meanLuma, luma.mean);
        QCOMPARE(verdict.isRealFrame(), !black && !flat && verdict.card == KnownCard::None);
    }

    // Frozen detection. The publisher draws the clock and a frame counter in a small box, so a live stream's
    // grabs a few seconds apart differ only there.
    void samePicture_data() {
        QTest::addColumn<QImage>("a");
        QTest::addColumn<QImage>("b");
        QTest::addColumn<bool>("same");
        const QImage noon = test::testPattern(12 * 3600, 100);
        QTest::newRow("identical") << noon << test::testPattern(12 * 3600, 100) << true;
        QTest::newRow("identical, one re-encoded q85") << noon << test::jpegRoundTrip(noon, 85) << true;
        QTest::newRow("identical, q60 vs q90")
            << test::jpegRoundTrip(noon, 60) << test::jpegRoundTrip(noon, 90) << true;
        QTest::newRow("identical, a 640x360 grab each")
            << test::resized(noon, {640, 360}) << test::jpegRoundTrip(test::resized(noon, {640, 360}), 80)
            << true;
        QTest::newRow("identical black")
            << test::flat(Qt::black) << test::jpegRoundTrip(test::flat(Qt::black), 70) << true;
        QTest::newRow("clock 3 s later") << noon << test::testPattern(12 * 3600 + 3, 175) << false;
        QTest::newRow("clock 3 s later, both re-encoded q75")
            << test::jpegRoundTrip(noon, 75) << test::jpegRoundTrip(test::testPattern(12 * 3600 + 3, 175), 75)
            << false;
        QTest::newRow("clock 1 s later, 640x360")
            << test::testPattern(12 * 3600, 100, {640, 360})
            << test::testPattern(12 * 3600 + 1, 125, {640, 360}) << false;
        QTest::newRow("frame counter only") << noon << test::testPattern(12 * 3600, 101) << false;
        QTest::newRow("different scene") << noon << test::shapes(3) << false;
        QTest::newRow("panned 8 px") << test::shapes(3) << test::shapes(3).copy(8, 0, 1280, 720) << false;
        QTest::newRow("black vs night scene") << test::flat(Qt::black) << test::nightScene() << false;
    }
    void samePicture() {
        QFETCH(QImage, a);
        QFETCH(QImage, b);
        QFETCH(bool, same);
        const FrameSample sa = FrameSample::of(fromQImage(a)), sb = FrameSample::of(fromQImage(b));
        const FrameChecks::Difference d = FrameChecks::difference(sa, sb);
        qInfo("mean %.2f  max %d  pHash %d bits", d.meanAbs, d.maxAbs,
              PerceptualHash::distance(sa.hash, sb.hash));
        QCOMPARE(FrameChecks::samePicture(sa, sb), same);
        QCOMPARE(FrameChecks::samePicture(sb, sa), same);
        QCOMPARE(FrameChecks::samePicture(fromQImage(a), fromQImage(b)), same);
    }

    void samePictureNeedsTwoPictures() {
        QVERIFY(!FrameChecks::samePicture(Bitmap(), Bitmap()));
        QVERIFY(!FrameChecks::samePicture(fromQImage(test::testPattern()), Bitmap()));
    }

    // The clock box is too small for the perceptual hash, which is why frozen detection does not use it: the
    // hash calls the two grabs the same picture, samePicture() does not.
    void perceptualHashCannotSeeTheClock() {
        const FrameSample a = FrameSample::of(fromQImage(test::testPattern(12 * 3600, 100)));
        const FrameSample b = FrameSample::of(fromQImage(test::testPattern(12 * 3600 + 3, 175)));
        const int d = PerceptualHash::distance(a.hash, b.hash);
        qInfo("pHash distance %d", d);
        QVERIFY(d <= FrameChecks::kCardMaxDistance);
        QVERIFY(!FrameChecks::samePicture(a, b));
    }

    void verdictReasons() {
        QCOMPARE(FrameChecks::classify(Bitmap()).hasPicture, false);
        QCOMPARE(FrameChecks::classify(Bitmap()).reason(), QStringLiteral("no picture"));
        QCOMPARE(FrameChecks::classify(fromQImage(test::flat(Qt::black))).reason(),
                 QStringLiteral("a black frame (brightness 0 %)"));
        QCOMPARE(FrameChecks::classify(fromQImage(test::flat(QColor(128, 128, 128)))).reason(),
                 QStringLiteral("a blank frame of one colour (brightness 50 %)"));
        const FrameVerdict pattern = FrameChecks::classify(fromQImage(test::testPattern()));
        QVERIFY(pattern.isRealFrame());
        QVERIFY2(pattern.reason().startsWith(QStringLiteral("a picture (brightness ")),
                 qPrintable(pattern.reason()));

        if (!m_haveReferences)
            AVLD_FIXTURE_MISSING(kNoReferences);
        const FrameVerdict online = FrameChecks::classify(
            fromQImage(test::asServedByAvideo(reference(QStringLiteral("avideo-OnAir.jpg")), 75)));
        QCOMPARE(online.reason(), QStringLiteral("AVideo's ONLINE card (the encoder gave no frame)"));
        QVERIFY(!online.isRealFrame());
        QVERIFY(online.cardDistance <= FrameChecks::kCardMaxDistance);
        QCOMPARE(FrameChecks::classify(fromQImage(reference(QStringLiteral("avideo-Offline.jpg")))).reason(),
                 QStringLiteral("AVideo's OFFLINE card (AVideo thinks the live is not running)"));
        QCOMPARE(
            FrameChecks::classify(fromQImage(reference(QStringLiteral("encoder-notfound.gif")))).reason(),
            QStringLiteral(
                "the encoder's notfound.gif (its first answer to a gif or webp request, not a frame)"));
    }

    // Logged, not asserted (the machine is shared): the cost of classifying one 1280x720 frame.
    void classifyIsCheap() {
        const Bitmap frame = fromQImage(test::testPattern());
        constexpr int kRounds = 200;
        QElapsedTimer timer;
        timer.start();
        int real = 0;
        for (int i = 0; i < kRounds; ++i)
            real += FrameChecks::classify(frame).isRealFrame() ? 1 : 0;
        qInfo("classify(1280x720): %.2f ms per frame", double(timer.nsecsElapsed()) / 1e6 / kRounds);
        QCOMPARE(real, kRounds);
    }
};

QTEST_GUILESS_MAIN(TestFrameChecks)
#include "tst_framechecks.moc"
