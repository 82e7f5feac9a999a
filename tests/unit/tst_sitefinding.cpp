#include "bitmapqt/qimagebridge.h"
#include "diagnosis/sitefinding.h"

#include <QPainter>
#include <QTest>

using namespace avld;

namespace {

// A picture with content: gradients and shapes, so the frame checks see a real frame.
QImage realPicture() {
    QImage image(320, 180, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, qRgb((x * 7) % 256, (y * 11) % 256, ((x + y) * 3) % 256));
    QPainter painter(&image);
    painter.setBrush(Qt::yellow);
    painter.drawEllipse(QPoint(200, 90), 40, 30);
    return image;
}

enum class Stream { Real, Broken };

LiveEntry live(const QString& key, ThumbnailClass site, Stream stream) {
    LiveEntry entry;
    entry.key = key;
    SiteLive listed;
    listed.key = key;
    listed.title = QStringLiteral("Live %1").arg(key);
    entry.site = listed;
    SiteThumbnail thumbnail;
    thumbnail.cls = site;
    entry.siteThumbnail = thumbnail;
    if (stream == Stream::Real) {
        GrabResult grab;
        grab.frames.append(GrabbedFrame{fromQImage(realPicture())});
        entry.ourGrab = Result<GrabResult>(grab);
    } else {
        entry.ourGrab =
            Result<GrabResult>(Error{QStringLiteral("http-404"), QStringLiteral("no playlist"), {}});
    }
    return entry;
}

EncoderSnapshot encoder(const QString& url, EncoderState state, const QDateTime& since) {
    EncoderSnapshot snapshot;
    snapshot.target.id = url;
    snapshot.target.url = QUrl(url);
    snapshot.state = state;
    snapshot.since = since;
    return snapshot;
}

const QDateTime kNow(QDate(2026, 11, 24), QTime(15, 30));
const QString kEncoder = QStringLiteral("https://encoder1.wwbn.net/");

SiteOverview seedCase(int lives, EncoderState state) {
    SiteOverview overview;
    overview.report = SiteCheckReport{};
    for (int i = 0; i < lives; ++i)
        overview.report->lives.append(live(QString::number(i), ThumbnailClass::OnlineCard, Stream::Real));
    overview.siteEncoderUrl = QUrl(kEncoder);
    overview.encoders = {encoder(kEncoder, state, QDateTime(kNow.date(), QTime(14, 2)))};
    return overview;
}

} // namespace

Q_DECLARE_METATYPE(avld::SiteOverview)

class TestSiteFinding : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findings_data() {
        QTest::addColumn<SiteOverview>("overview");
        QTest::addColumn<int>("severity");
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("sentence");

        QTest::newRow("nothing yet") << SiteOverview{} << int(Severity::Unknown)
                                     << int(SiteFinding::Action::None)
                                     << QStringLiteral("Checking the site…");

        SiteOverview unreadable;
        unreadable.report = SiteCheckReport{};
        unreadable.report->livesError =
            Error{QStringLiteral("timeout"), QStringLiteral("no answer in 10 s"), {}};
        QTest::newRow("site unreadable")
            << unreadable << int(Severity::Unknown) << int(SiteFinding::Action::Refresh)
            << QStringLiteral("Cannot read the site's lives: no answer in 10 s");

        QTest::newRow("seed case")
            << seedCase(7, EncoderState::Offline) << int(Severity::Critical)
            << int(SiteFinding::Action::StartStandIn)
            << QStringLiteral(
                   "Your encoder encoder1.wwbn.net is offline since 14:02, so 7 lives show the ONLINE "
                   "card. Start the stand-in and switch?");

        SiteOverview running = seedCase(1, EncoderState::Offline);
        running.standInRunning = true;
        running.standInUrl = QUrl(QStringLiteral("http://192.0.2.2:8099/s3cr3t/"));
        QTest::newRow("generator runs, site not switched")
            << running << int(Severity::Critical) << int(SiteFinding::Action::SwitchToStandIn)
            << QStringLiteral("Your encoder encoder1.wwbn.net is offline since 14:02, so 1 live shows the "
                              "ONLINE card. The stand-in runs: point the site's Encoder URL at it?");

        SiteOverview switched = running;
        switched.siteEncoderUrl = QUrl(QStringLiteral("http://192.0.2.2:8099/s3cr3t"));
        const QString cached = QStringLiteral(
            "The site now asks this computer's stand-in for its thumbnails, but 1 live still shows a card "
            "from before the switch: AVideo keeps it 5 minutes (jpg) to 15 minutes (webp, gif) unless its "
            "cache is cleared.");
        QTest::newRow("switched, cards cached")
            << switched << int(Severity::Warning) << int(SiteFinding::Action::ClearCaches) << cached;
        // The site reaches this machine by another name or address than the one the window shows.
        SiteOverview switchedByName = running;
        switchedByName.siteEncoderUrl = QUrl(QStringLiteral("http://thumbs.example:8099/s3cr3t/"));
        QTest::newRow("switched by another host name, cards cached")
            << switchedByName << int(Severity::Warning) << int(SiteFinding::Action::ClearCaches) << cached;
        SiteOverview otherSecret = running;
        otherSecret.siteEncoderUrl = QUrl(QStringLiteral("http://192.0.2.2:8099/old-secret/"));
        QTest::newRow("site points at an older secret")
            << otherSecret << int(Severity::Critical) << int(SiteFinding::Action::SwitchToStandIn)
            << QStringLiteral(
                   "1 live shows the ONLINE card although the stream has pictures: 192.0.2.2 gives "
                   "no frames. The stand-in runs: point the site's Encoder URL at it?");

        // The encoder works again (the watch says so) and the cards are AVideo's cache: no "gives no frames".
        QTest::newRow("encoder back, cards cached")
            << seedCase(3, EncoderState::Online) << int(Severity::Warning)
            << int(SiteFinding::Action::ClearCaches)
            << QStringLiteral(
                   "Your encoder encoder1.wwbn.net gives frames again, but 3 lives still show cards "
                   "from before: AVideo keeps it 5 minutes (jpg) to 15 minutes (webp, gif) unless "
                   "its cache is cleared.");

        SiteOverview unwatched = seedCase(2, EncoderState::Offline);
        unwatched.encoders.clear();
        QTest::newRow("encoder not watched")
            << unwatched << int(Severity::Critical) << int(SiteFinding::Action::StartStandIn)
            << QStringLiteral(
                   "2 lives show the ONLINE card although the stream has pictures: encoder1.wwbn.net "
                   "gives no frames. Start the stand-in and switch?");

        SiteOverview broken;
        broken.report = SiteCheckReport{};
        broken.report->lives = {live(QStringLiteral("a"), ThumbnailClass::OfflineCard, Stream::Broken),
                                live(QStringLiteral("b"), ThumbnailClass::RealFrame, Stream::Real)};
        QTest::newRow("broken stream")
            << broken << int(Severity::Critical) << int(SiteFinding::Action::CheckStreams)
            << QStringLiteral("1 live has no picture of its own: the problem is the "
                              "stream, not the site.");

        SiteOverview yesterday = seedCase(0, EncoderState::Offline);
        yesterday.report->lives = {live(QStringLiteral("a"), ThumbnailClass::RealFrame, Stream::Real)};
        yesterday.encoders.first().since = QDateTime(QDate(2026, 11, 21), QTime(9, 5));
        QTest::newRow("encoder down, lives fine")
            << yesterday << int(Severity::Warning) << int(SiteFinding::Action::OpenEncoders)
            << QStringLiteral(
                   "Your encoder encoder1.wwbn.net is offline since 21 Nov 09:05; the lives look fine "
                   "for now.");

        SiteOverview healthy = seedCase(0, EncoderState::Online);
        healthy.report->lives = {live(QStringLiteral("a"), ThumbnailClass::RealFrame, Stream::Real),
                                 live(QStringLiteral("b"), ThumbnailClass::RealFrame, Stream::Real)};
        QTest::newRow("all good") << healthy << int(Severity::Ok) << int(SiteFinding::Action::None)
                                  << QStringLiteral("All 2 lives show real frames.");

        SiteOverview posters = seedCase(0, EncoderState::Offline);
        posters.report->lives = {live(QStringLiteral("a"), ThumbnailClass::StaticPoster, Stream::Real),
                                 live(QStringLiteral("b"), ThumbnailClass::StaticPoster, Stream::Real)};
        QTest::newRow("posters while the encoder is down")
            << posters << int(Severity::Critical) << int(SiteFinding::Action::StartStandIn)
            << QStringLiteral(
                   "Your encoder encoder1.wwbn.net is offline since 14:02, so 2 lives show a static "
                   "poster instead of a live frame. Start the stand-in and switch?");

        SiteOverview failing = seedCase(0, EncoderState::Online);
        failing.report->lives = {live(QStringLiteral("a"), ThumbnailClass::NotAnImage, Stream::Real),
                                 live(QStringLiteral("b"), ThumbnailClass::OnlineCard, Stream::Real)};
        failing.report->lives[0].siteThumbnail->httpStatus = 500;
        failing.report->lives[0].siteThumbnail->url =
            QUrl(QStringLiteral("https://site.example/plugin/Live/getImage.php?u=a&format=jpg"));
        QTest::newRow("getImage.php fails")
            << failing << int(Severity::Critical) << int(SiteFinding::Action::Refresh)
            << QStringLiteral(
                   "The site's getImage.php answers HTTP 500 for Live a: visitors see broken images. "
                   "The site's PHP error log says why.");

        SiteOverview empty;
        empty.report = SiteCheckReport{};
        QTest::newRow("no lives") << empty << int(Severity::Ok) << int(SiteFinding::Action::None)
                                  << QStringLiteral("No lives are running on the site right now.");
    }

    void findings() {
        QFETCH(SiteOverview, overview);
        QFETCH(int, severity);
        QFETCH(int, action);
        QFETCH(QString, sentence);
        const SiteFinding found = topFinding(overview, kNow);
        QCOMPARE(found.sentence, sentence);
        QCOMPARE(int(found.severity), severity);
        QCOMPARE(int(found.action), action);
        QCOMPARE(found.actionLabel.isEmpty(), found.action == SiteFinding::Action::None);
    }

    void counts() {
        SiteOverview overview = seedCase(3, EncoderState::Offline);
        overview.report->lives.append(live(QStringLiteral("r"), ThumbnailClass::RealFrame, Stream::Real));
        overview.report->lives.append(live(QStringLiteral("o"), ThumbnailClass::OfflineCard, Stream::Real));
        overview.report->lives.append(
            live(QStringLiteral("p"), ThumbnailClass::EncoderPlaceholder, Stream::Real));
        LiveEntry ghost;
        ghost.key = QStringLiteral("ghost");
        overview.report->lives.append(ghost);
        overview.encoders.append(encoder(QStringLiteral("https://b/"), EncoderState::Online, kNow));
        overview.encoders.append(encoder(QStringLiteral("https://c/"), EncoderState::Pending, kNow));
        const OverviewCounts counts = countOverview(overview);
        QCOMPARE(counts.lives, 6);
        QCOMPARE(counts.realThumbnails, 1);
        QCOMPARE(counts.onlineCards, 3);
        QCOMPARE(counts.offlineCards, 1);
        QCOMPARE(counts.otherPlaceholders, 1);
        QCOMPARE(counts.encodersOffline, 1);
        QCOMPARE(counts.encodersOnline, 1);
        QCOMPARE(counts.encodersUnknown, 1);
        QVERIFY(siteEncoderSnapshot(overview));
        QVERIFY(sameEncoderUrl(QUrl(QStringLiteral("https://a/x/")), QUrl(QStringLiteral("https://a/x"))));
        QVERIFY(!sameEncoderUrl(QUrl(), QUrl()));
    }
};

QTEST_GUILESS_MAIN(TestSiteFinding)
#include "tst_sitefinding.moc"
