#include "bitmapqt/qimagebridge.h"
#include "site/posterevidence.h"

#include <QPainter>
#include <QTest>

using namespace avld;

namespace {

// A picture with structure, drawn from a seed: different seeds are unrelated pictures.
QImage picture(int seed) {
    QImage image(640, 360, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient gradient(0, 0, 640, 360);
    gradient.setColorAt(0, QColor::fromHsv((seed * 67) % 360, 200, 220));
    gradient.setColorAt(1, QColor::fromHsv((seed * 67 + 160) % 360, 180, 60));
    p.fillRect(image.rect(), gradient);
    p.setBrush(Qt::white);
    p.drawEllipse(QPoint(100 + (seed * 131) % 440, 80 + (seed * 53) % 200), 60, 45);
    p.fillRect((seed * 89) % 400, 250 - (seed * 37) % 200, 220, 70, QColor(20, 20, 20));
    return image;
}

SiteThumbnail shown(const QImage& image, ThumbnailClass cls = ThumbnailClass::RealFrame) {
    SiteThumbnail t;
    t.image = fromQImage(image);
    t.cls = cls;
    return t;
}

} // namespace

class TestPosterEvidence : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void posterFileUrl_data() {
        QTest::addColumn<QString>("site");
        QTest::addColumn<qint64>("usersId");
        QTest::addColumn<int>("liveServersId");
        QTest::addColumn<QString>("expected");
        QTest::newRow("root") << QStringLiteral("https://site.example/") << qint64(3) << 0
                              << QStringLiteral(
                                     "https://site.example/videos/userPhoto/Live/user_3_thumbs_0.jpg");
        QTest::newRow("in a folder, second server")
            << QStringLiteral("http://host:8080/AVideo/") << qint64(12) << 2
            << QStringLiteral("http://host:8080/AVideo/videos/userPhoto/Live/user_12_thumbs_2.jpg");
        QTest::newRow("owner unknown")
            << QStringLiteral("https://site.example/") << qint64(0) << 0 << QString();
    }
    void posterFileUrl() {
        QFETCH(QString, site);
        QFETCH(qint64, usersId);
        QFETCH(int, liveServersId);
        QFETCH(QString, expected);
        SiteLive live;
        live.usersId = usersId;
        live.liveServersId = liveServersId;
        QCOMPARE(PosterEvidence::posterFileUrl(QUrl(site), live).toString(), expected);
    }

    void theHashOnlySparesTheProofWhenClose() {
        const QImage frame = picture(1);
        const std::optional<int> same =
            PosterEvidence::distanceToOurFrame(shown(frame.scaled(320, 180)), fromQImage(frame));
        QVERIFY(same.has_value());
        QVERIFY2(*same <= PosterEvidence::kNearOurFrameMaxDistance, qPrintable(QString::number(*same)));
        QVERIFY(!PosterEvidence::needsAnimatedProof(shown(frame), same));

        const std::optional<int> other =
            PosterEvidence::distanceToOurFrame(shown(picture(5)), fromQImage(frame));
        QVERIFY(other.has_value());
        qInfo("unrelated pictures: %d of 64 bits", *other);
        QVERIFY(*other > PosterEvidence::kNearOurFrameMaxDistance);
        QVERIFY(PosterEvidence::needsAnimatedProof(shown(picture(5)), other));

        // No frame of ours, or a picture without structure: the proof is needed.
        QImage flat(640, 360, QImage::Format_RGB32);
        flat.fill(QColor(90, 90, 90));
        QVERIFY(!PosterEvidence::distanceToOurFrame(shown(flat), fromQImage(frame)).has_value());
        QVERIFY(!PosterEvidence::distanceToOurFrame(shown(frame), Bitmap()).has_value());
        QVERIFY(PosterEvidence::needsAnimatedProof(shown(frame), std::nullopt));
        // A card is a card: never a poster.
        QVERIFY(!PosterEvidence::needsAnimatedProof(shown(frame, ThumbnailClass::OnlineCard), std::nullopt));
        QVERIFY(!PosterEvidence::couldBePoster(shown(frame, ThumbnailClass::NotAnImage)));
    }

    void marksSayWhy() {
        SiteThumbnail byBytes = shown(picture(2));
        PosterEvidence::markPosterFile(
            byBytes, QUrl(QStringLiteral("https://s/videos/userPhoto/Live/user_3_thumbs_0.jpg")));
        QCOMPARE(byBytes.cls, ThumbnailClass::StaticPoster);
        QCOMPARE(
            byBytes.detail,
            QStringLiteral("byte for byte the streamer's poster /videos/userPhoto/Live/user_3_thumbs_0.jpg"));
        SiteThumbnail still = shown(picture(2));
        PosterEvidence::markStillForEveryFormat(still, 27);
        QCOMPARE(still.cls, ThumbnailClass::StaticPoster);
        QVERIFY(still.detail.endsWith(QStringLiteral("; 27 of 64 bits from our own frame of the stream")));
    }
};

QTEST_GUILESS_MAIN(TestPosterEvidence)
#include "tst_posterevidence.moc"
