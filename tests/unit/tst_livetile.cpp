#include "session/livetile.h"
#include "site/sitecheck.h"
#include "soundfixtures.h"

#include <QTest>

Q_DECLARE_METATYPE(avld::ThumbnailClass)
Q_DECLARE_METATYPE(avld::TileBadge)

using namespace avld;

namespace {

const QDateTime kStart = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

Bitmap filled(QSize size, QColor color) {
    Bitmap image(size.width(), size.height());
    image.fill(color.rgb());
    return image;
}

QSize sizeOf(const Bitmap& image) {
    return {image.width(), image.height()};
}

SiteThumbnail thumbnail(ThumbnailClass cls, Bitmap image, QDateTime fetchedAt = kStart) {
    SiteThumbnail thumb;
    thumb.cls = cls;
    thumb.image = std::move(image);
    thumb.fetchedAt = fetchedAt;
    thumb.detail = thumbnailClassName(cls);
    return thumb;
}

Result<GrabResult> grab(Bitmap image, qint64 frameAgeMs = 1500) {
    GrabResult result;
    GrabbedFrame frame;
    frame.image = std::move(image);
    result.frames = {frame};
    result.report.frameAgeMs = frameAgeMs;
    return result;
}

LiveEntry entry(const QString& key, std::optional<SiteThumbnail> thumb,
                std::optional<Result<GrabResult>> ours) {
    LiveEntry e;
    e.key = key;
    SiteLive site;
    site.key = key;
    site.title = QStringLiteral("Title of ") + key;
    site.userName = QStringLiteral("alice");
    e.site = site;
    e.mediaKnown = true;
    NginxStream media;
    media.name = key;
    media.publishing = true;
    media.clients = 7;
    media.bitrateIn = 2500000;
    e.media = media;
    e.siteThumbnail = std::move(thumb);
    e.ourGrab = std::move(ours);
    return e;
}

SiteCheckReport report(QList<LiveEntry> lives, qint64 minutesLater = 0) {
    SiteCheckReport r;
    r.startedAt = kStart.addSecs(minutesLater * 60);
    r.elapsedMs = 0;
    r.lives = std::move(lives);
    return r;
}

} // namespace

class TestLiveTile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void badgeForEachClass_data() {
        QTest::addColumn<ThumbnailClass>("cls");
        QTest::addColumn<TileBadge>("badge");
        QTest::addColumn<QString>("text");
        QTest::newRow("real") << ThumbnailClass::RealFrame << TileBadge::Real << "real";
        QTest::newRow("encoder OnAir")
            << ThumbnailClass::EncoderPlaceholder << TileBadge::EncoderPlaceholder << "encoder placeholder";
        QTest::newRow("encoder notfound")
            << ThumbnailClass::EncoderNotFound << TileBadge::EncoderPlaceholder << "encoder placeholder";
        QTest::newRow("creating images") << ThumbnailClass::EncoderCreatingImages
                                         << TileBadge::EncoderPlaceholder << "encoder placeholder";
        QTest::newRow("online") << ThumbnailClass::OnlineCard << TileBadge::OnlineCard << "ONLINE card";
        QTest::newRow("offline") << ThumbnailClass::OfflineCard << TileBadge::OfflineCard << "OFFLINE card";
        QTest::newRow("coming soon") << ThumbnailClass::ComingSoonCard << TileBadge::OtherCard
                                     << "other card";
        QTest::newRow("waiting loop") << ThumbnailClass::WaitingLoop << TileBadge::OtherCard << "other card";
        QTest::newRow("not an image") << ThumbnailClass::NotAnImage << TileBadge::OtherCard << "other card";
        QTest::newRow("blank") << ThumbnailClass::Blank << TileBadge::Black << "black";
        QTest::newRow("fetch failed") << ThumbnailClass::FetchFailed << TileBadge::Unknown << "unknown";
    }
    void badgeForEachClass() {
        QFETCH(ThumbnailClass, cls);
        QFETCH(TileBadge, badge);
        QFETCH(QString, text);
        const Bitmap image = cls == ThumbnailClass::FetchFailed ? Bitmap() : filled({640, 360}, Qt::darkCyan);
        const QList<LiveTile> tiles =
            liveTilesFromReport(report({entry(QStringLiteral("k"), thumbnail(cls, image), std::nullopt)}));
        QCOMPARE(tiles.size(), 1);
        QCOMPARE(tiles[0].badge, badge);
        QCOMPARE(tiles[0].siteClass, cls);
        QCOMPARE(tileBadgeText(tiles[0].badge), text);
    }

    void copiesWhatTheTileShows() {
        LiveEntry e =
            entry(QStringLiteral("abc"), thumbnail(ThumbnailClass::RealFrame, filled({640, 360}, Qt::red)),
                  grab(filled({640, 360}, Qt::blue), 2300));
        const LiveTile tile = liveTilesFromReport(report({e})).first();
        QCOMPARE(tile.key, QStringLiteral("abc"));
        QCOMPARE(tile.title, QStringLiteral("Title of abc"));
        QCOMPARE(tile.user, QStringLiteral("alice"));
        QCOMPARE(tile.viewers, 7);
        QCOMPARE(tile.bitrateBps, qint64(2500000));
        QCOMPARE(tile.ourFrameAgeMs, qint64(2300));
        QCOMPARE(tile.checkedAt, kStart);
        QCOMPARE(tile.assessment.summary, e.assess().summary);
        QVERIFY(tile.ourError.isEmpty());

        e.mediaKnown = false;
        e.media.reset();
        const LiveTile unknown = liveTilesFromReport(report({e})).first();
        QCOMPARE(unknown.viewers, -1);
        QCOMPARE(unknown.bitrateBps, qint64(-1));
    }

    void scalesPicturesDownKeepingAspect_data() {
        QTest::addColumn<QSize>("source");
        QTest::addColumn<QSize>("shown");
        QTest::newRow("720p") << QSize(1280, 720) << QSize(480, 270);
        QTest::newRow("AVideo card 1200x630") << QSize(1200, 630) << QSize(480, 252);
        QTest::newRow("small stays") << QSize(320, 180) << QSize(320, 180);
        QTest::newRow("portrait") << QSize(720, 1280) << QSize(480, 853);
    }
    void scalesPicturesDownKeepingAspect() {
        QFETCH(QSize, source);
        QFETCH(QSize, shown);
        const LiveTile tile =
            liveTilesFromReport(report({entry(QStringLiteral("k"),
                                              thumbnail(ThumbnailClass::RealFrame, filled(source, Qt::red)),
                                              grab(filled(source, Qt::blue)))}))
                .first();
        QCOMPARE(sizeOf(tile.siteImage), shown);
        QCOMPARE(sizeOf(tile.ourImage), shown);
    }

    void ourFrameIsShownAsAViewerSeesIt() {
        Result<GrabResult> anamorphic = grab(filled({360, 240}, Qt::blue));
        anamorphic.value().frames[0].sampleAspect = 2.0; // 720x240 on screen
        Result<GrabResult> rotated = grab(filled({640, 360}, Qt::blue));
        rotated.value().frames[0].rotationDegrees = 90;
        const QList<LiveTile> tiles =
            liveTilesFromReport(report({entry(QStringLiteral("a"), std::nullopt, anamorphic),
                                        entry(QStringLiteral("r"), std::nullopt, rotated)}));
        QCOMPARE(sizeOf(tiles[0].ourImage), QSize(480, 160));
        QCOMPARE(sizeOf(tiles[1].ourImage), QSize(360, 640));
    }

    void failedGrabBecomesOurError() {
        const Result<GrabResult> failed =
            Error{QStringLiteral("timeout"), QStringLiteral("no segment in 6 s"),
                  QStringLiteral("check the media server")};
        const LiveTile tile =
            liveTilesFromReport(report({entry(QStringLiteral("k"), std::nullopt, failed)})).first();
        QVERIFY(tile.ourImage.isNull());
        QCOMPARE(tile.ourError, QStringLiteral("no segment in 6 s — check the media server"));
        QCOMPARE(tile.badge, TileBadge::Unknown);
    }

    // Frozen only when the site's picture stayed the same for longer than AVideo's cache keeps it for that
    // format (300 s jpg, 900 s webp/gif) while our own frames changed: before that the cache explains it.
    void frozenOnlyPastAVideosCacheWhileTheStreamMoves_data() {
        QTest::addColumn<QColor>("siteNow");
        QTest::addColumn<QColor>("oursNow");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("minutesLater");
        QTest::addColumn<TileBadge>("badge");
        const QColor red(Qt::red), green(Qt::green), blue(Qt::blue), yellow(Qt::yellow);
        QTest::newRow("jpg same 1 min, stream moved: cached")
            << red << green << "jpg" << 1 << TileBadge::Real;
        QTest::newRow("jpg same 6 min, stream moved: frozen")
            << red << green << "jpg" << 6 << TileBadge::Frozen;
        QTest::newRow("jpg same 6 min, stream same") << red << blue << "jpg" << 6 << TileBadge::Real;
        QTest::newRow("jpg moved after 6 min") << yellow << green << "jpg" << 6 << TileBadge::Real;
        QTest::newRow("webp same 6 min: cached") << red << green << "webp" << 6 << TileBadge::Real;
        QTest::newRow("webp same 16 min: frozen") << red << green << "webp" << 16 << TileBadge::Frozen;
        QTest::newRow("gif same 16 min: frozen") << red << green << "gif" << 16 << TileBadge::Frozen;
    }
    void frozenOnlyPastAVideosCacheWhileTheStreamMoves() {
        QFETCH(QColor, siteNow);
        QFETCH(QColor, oursNow);
        QFETCH(QString, format);
        QFETCH(int, minutesLater);
        QFETCH(TileBadge, badge);
        const QUrl url(QStringLiteral("http://site.test/plugin/Live/getImage.php?u=alice&format=") + format);
        const auto site = [&](QColor colour, int minutes) {
            SiteThumbnail t = thumbnail(ThumbnailClass::RealFrame, filled({640, 360}, colour),
                                        kStart.addSecs(minutes * 60));
            t.url = url;
            return t;
        };
        QList<LiveTile> tiles = liveTilesFromReport(
            report({entry(QStringLiteral("k"), site(Qt::red, 0), grab(filled({640, 360}, Qt::blue)))}));
        QCOMPARE(tiles[0].badge, TileBadge::Real);
        QVERIFY(tiles[0].siteImageHash != 0);
        // Refreshes every minute, as the Lives page does at most; the stream moves at the last one.
        for (int minute = 1; minute <= minutesLater; ++minute) {
            const bool last = minute == minutesLater;
            tiles = liveTilesFromReport(
                report({entry(QStringLiteral("k"), site(last ? siteNow : QColor(Qt::red), minute),
                              grab(filled({640, 360}, last ? oursNow : QColor(Qt::blue))))},
                       minute),
                tiles);
        }
        QCOMPARE(tiles[0].badge, badge);
        QVERIFY(!tileBadgeExplanation(badge).isEmpty());
    }

    void staleKeepsTheLastPictureWithItsAge() {
        const QList<LiveTile> first = liveTilesFromReport(report(
            {entry(QStringLiteral("k"), thumbnail(ThumbnailClass::OnlineCard, filled({1200, 630}, Qt::gray)),
                   std::nullopt)}));
        const auto failedAt = [](qint64 minutes) {
            return SiteThumbnail::failed(QUrl(QStringLiteral("https://site.example/img")),
                                         QStringLiteral("timeout"), kStart.addSecs(minutes * 60));
        };
        const QList<LiveTile> second =
            liveTilesFromReport(report({entry(QStringLiteral("k"), failedAt(2), std::nullopt)}, 2), first);
        QCOMPARE(second[0].badge, TileBadge::Stale);
        QCOMPARE(second[0].siteImage, first[0].siteImage);
        QCOMPARE(second[0].siteImageHash, first[0].siteImageHash);
        QCOMPARE(second[0].siteClass, ThumbnailClass::OnlineCard);
        QCOMPARE(second[0].siteImageAgeMs, qint64(2 * 60 * 1000));
        QVERIFY(!second[0].siteDetail.isEmpty());

        // Still failing: the same picture, older.
        const QList<LiveTile> third =
            liveTilesFromReport(report({entry(QStringLiteral("k"), std::nullopt, std::nullopt)}, 5), second);
        QCOMPARE(third[0].badge, TileBadge::Stale);
        QCOMPARE(third[0].siteImageAgeMs, qint64(5 * 60 * 1000));

        // Nothing to keep: unknown, no picture.
        const QList<LiveTile> fresh =
            liveTilesFromReport(report({entry(QStringLiteral("k"), failedAt(0), std::nullopt)}));
        QCOMPARE(fresh[0].badge, TileBadge::Unknown);
        QVERIFY(fresh[0].siteImage.isNull());
    }

    // A tile's sound follows from the previous tile's, as SilenceTracker's does: silent for as long as the
    // refreshes heard nothing, kept (not extended) by a refresh whose grab failed, gone with sound back.
    void soundFollowsThePreviousTile() {
        const auto heard = [](std::optional<Result<GrabResult>> grab, qint64 minutes,
                              const QList<LiveTile>& previous) {
            LiveEntry e = entry(QStringLiteral("k"), std::nullopt, std::nullopt);
            e.ourGrab = std::move(grab);
            return liveTilesFromReport(report({e}, minutes), previous);
        };
        QList<LiveTile> tiles = heard(test::grabWithSound(test::silence()), 0, {});
        QCOMPARE(tiles[0].sound.state, LiveSound::State::Silent);
        QCOMPARE(tiles[0].sound.silentForMs(), qint64(2000));
        tiles = heard(test::grabWithSound(test::silence()), 3, tiles);
        QCOMPARE(tiles[0].sound.silentForMs(), qint64(3 * 60 * 1000 + 2000));
        tiles = heard(Result<GrabResult>(Error{QStringLiteral("timeout"), QStringLiteral("timed out"), {}}),
                      4, tiles);
        QCOMPARE(tiles[0].sound.state, LiveSound::State::Silent);
        QCOMPARE(tiles[0].sound.silentForMs(), qint64(3 * 60 * 1000 + 2000));
        QVERIFY(!tiles[0].sound.unmeasured.isEmpty());
        tiles = heard(test::grabWithSound(test::silence()), 5, tiles);
        QCOMPARE(tiles[0].sound.silentForMs(), qint64(5 * 60 * 1000 + 2000));
        tiles = heard(test::grabWithSound(test::soundWith()), 6, tiles);
        QCOMPARE(tiles[0].sound.state, LiveSound::State::Sound);
        QCOMPARE(tiles[0].sound.silentForMs(), qint64(0));
        // Without a previous tile, a live starts from its newest segment.
        QCOMPARE(heard(test::grabWithSound(test::silence()), 7, {})[0].sound.silentForMs(), qint64(2000));
    }
};

QTEST_GUILESS_MAIN(TestLiveTile)
#include "tst_livetile.moc"
