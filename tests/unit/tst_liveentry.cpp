#include "bitmapqt/qimagebridge.h"
#include "site/liveentry.h"

#include <QPainter>
#include <QTest>

using namespace avld;

namespace {

QImage testPattern() {
    QImage image(640, 360, QImage::Format_RGB32);
    QPainter p(&image);
    const QColor bars[] = {Qt::white, Qt::yellow, Qt::cyan, Qt::green, Qt::magenta, Qt::red, Qt::blue};
    for (int i = 0; i < 7; ++i)
        p.fillRect(i * 640 / 7, 0, 640 / 7 + 1, 360, bars[i]);
    p.fillRect(100, 250, 300, 60, Qt::black);
    return image;
}

Result<GrabResult> grabOf(const QImage& image) {
    GrabResult r;
    GrabbedFrame f;
    f.image = fromQImage(image);
    r.frames = {f};
    return r;
}

SiteThumbnail thumbnail(ThumbnailClass cls) {
    SiteThumbnail t;
    t.cls = cls;
    return t;
}

SiteLive listed(const QString& key, const QString& title) {
    SiteLive live;
    live.key = key;
    live.title = title;
    return live;
}

NginxStream publishing(const QString& name) {
    NginxStream s;
    s.application = QStringLiteral("live");
    s.name = name;
    s.publishing = true;
    return s;
}

} // namespace

class TestLiveEntry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void joinsSiteAndMediaServer() {
        SiteProfile profile;
        profile.siteUrl = QUrl(QStringLiteral("https://site.example/"));
        profile.found.playerServer = QUrl(QStringLiteral("https://site.example:8080/live"));
        profile.found.playerServerFrom = MediaSource::Admin;
        NginxStat stat;
        stat.streams = {publishing(QStringLiteral("a")), publishing(QStringLiteral("ghost")),
                        publishing(QStringLiteral("a_hi")),
                        NginxStream{.application = QStringLiteral("live"), .name = QStringLiteral("idle")}};
        SiteLive b = listed(QStringLiteral("b"), QStringLiteral("B"));
        b.m3u8Url = QUrl(QStringLiteral("https://site.example/plugin/Live/m3u8.php?uuid=x"));
        const QList<LiveEntry> lives =
            joinLives({listed(QStringLiteral("a"), QStringLiteral("A")), b}, &stat, profile);

        QCOMPARE(lives.size(), 3); // a, b, ghost — not the adaptive a_hi, not the idle entry
        QCOMPARE(lives[0].key, QStringLiteral("a"));
        QVERIFY(lives[0].media.has_value());
        QCOMPARE(lives[0].hlsUrl.toString(), QStringLiteral("https://site.example:8080/live/a/index.m3u8"));
        QCOMPARE(lives[1].key, QStringLiteral("b"));
        QVERIFY(!lives[1].media.has_value());
        QVERIFY(lives[1].mediaKnown);
        QCOMPARE(lives[1].hlsUrl, b.m3u8Url);
        QCOMPARE(lives[2].key, QStringLiteral("ghost"));
        QVERIFY(!lives[2].site.has_value());

        QCOMPARE(lives[1].assess().problem, LiveProblem::MissingFromMediaServer);
        QCOMPARE(lives[2].assess().problem, LiveProblem::GhostLive);
        QCOMPARE(lives[2].assess().severity, Severity::Warning);
    }

    void withoutTheStatPageNothingIsCalledMissing() {
        SiteProfile profile;
        profile.siteUrl = QUrl(QStringLiteral("https://site.example/"));
        const QList<LiveEntry> lives =
            joinLives({listed(QStringLiteral("a"), QStringLiteral("A"))}, nullptr, profile);
        QCOMPARE(lives.size(), 1);
        QVERIFY(!lives[0].mediaKnown);
        QCOMPARE(lives[0].assess().problem, LiveProblem::None);
    }

    void assessment_data() {
        QTest::addColumn<int>("siteClass"); // -1: no thumbnail fetched
        // 0 none, 1 real frame, 2 black frame, 3 playlist 404, 4 refused, 5 DNS, 6 timeout
        QTest::addColumn<int>("grab");
        QTest::addColumn<int>("problem");
        QTest::addColumn<int>("severity");
        QTest::addColumn<QString>("says");

        QTest::newRow("seed: ONLINE card while the stream has pictures")
            << int(ThumbnailClass::OnlineCard) << 1 << int(LiveProblem::EncoderNotProducing)
            << int(Severity::Critical) << QStringLiteral("the encoder is not producing thumbnails");
        QTest::newRow("encoder placeholder while the stream has pictures")
            << int(ThumbnailClass::EncoderPlaceholder) << 1 << int(LiveProblem::EncoderNotProducing)
            << int(Severity::Critical) << QStringLiteral("encoder placeholder");
        QTest::newRow("all good") << int(ThumbnailClass::RealFrame) << 1 << int(LiveProblem::None)
                                  << int(Severity::Ok) << QStringLiteral("real thumbnail");
        QTest::newRow("card and the stream is broken")
            << int(ThumbnailClass::OnlineCard) << 3 << int(LiveProblem::StreamUnplayable)
            << int(Severity::Critical) << QStringLiteral("cannot be read");
        // Our own grab cannot reach the media server: this computer's view, not the stream's fault.
        QTest::newRow("card, media server refuses us")
            << int(ThumbnailClass::OnlineCard) << 4 << int(LiveProblem::MediaServerUnreachable)
            << int(Severity::Warning) << QStringLiteral("this computer cannot reach the media server");
        QTest::newRow("real frame, media server's name does not resolve here")
            << int(ThumbnailClass::RealFrame) << 5 << int(LiveProblem::MediaServerUnreachable)
            << int(Severity::Warning) << QStringLiteral("this computer cannot reach the media server");
        QTest::newRow("media server does not answer us in time")
            << int(ThumbnailClass::RealFrame) << 6 << int(LiveProblem::MediaServerUnreachable)
            << int(Severity::Warning) << QStringLiteral("the stream was not checked");
        QTest::newRow("black stream") << int(ThumbnailClass::RealFrame) << 2 << int(LiveProblem::BlankStream)
                                      << int(Severity::Warning) << QStringLiteral("no picture");
        QTest::newRow("card, stream not checked")
            << int(ThumbnailClass::OfflineCard) << 0 << int(LiveProblem::SiteShowsPlaceholder)
            << int(Severity::Warning) << QStringLiteral("OFFLINE card");
        QTest::newRow("thumbnail not fetched, frame fine")
            << -1 << 1 << int(LiveProblem::None) << int(Severity::Ok) << QString();
        // What a visitor's browser gets is an HTTP error, an empty body or not a picture.
        QTest::newRow("broken image while the stream has pictures")
            << int(ThumbnailClass::NotAnImage) << 1 << int(LiveProblem::ThumbnailBroken)
            << int(Severity::Critical) << QStringLiteral("visitors see a broken image");
        QTest::newRow("broken image, stream not checked")
            << int(ThumbnailClass::NotAnImage) << 0 << int(LiveProblem::ThumbnailBroken)
            << int(Severity::Critical) << QStringLiteral("visitors see a broken image");
        QTest::newRow("static poster while the stream has pictures")
            << int(ThumbnailClass::StaticPoster) << 1 << int(LiveProblem::EncoderNotProducing)
            << int(Severity::Critical)
            << QStringLiteral(
                   "Morning show: the site shows a static poster, not a live frame — the encoder is "
                   "not producing thumbnails (AVideo falls back to the streamer's poster)");
        QTest::newRow("static poster, stream not checked")
            << int(ThumbnailClass::StaticPoster) << 0 << int(LiveProblem::SiteShowsPlaceholder)
            << int(Severity::Warning) << QStringLiteral("the site shows a static poster, not a live frame");
        QTest::newRow("static poster, stream broken")
            << int(ThumbnailClass::StaticPoster) << 3 << int(LiveProblem::StreamUnplayable)
            << int(Severity::Critical) << QStringLiteral("cannot be read");
        QTest::newRow("thumbnail fetch failed on the network")
            << int(ThumbnailClass::FetchFailed) << 1 << int(LiveProblem::ThumbnailNotFetched)
            << int(Severity::Warning) << QStringLiteral("this computer could not fetch the site's thumbnail");
    }

    void assessment() {
        QFETCH(int, siteClass);
        QFETCH(int, grab);
        QFETCH(int, problem);
        QFETCH(int, severity);
        QFETCH(QString, says);
        LiveEntry e;
        e.key = QStringLiteral("k");
        e.site = listed(QStringLiteral("k"), QStringLiteral("Morning show"));
        e.media = publishing(QStringLiteral("k"));
        e.mediaKnown = true;
        if (siteClass >= 0)
            e.siteThumbnail = thumbnail(ThumbnailClass(siteClass));
        QImage black(640, 360, QImage::Format_RGB32);
        black.fill(Qt::black);
        if (grab == 1)
            e.ourGrab = grabOf(testPattern());
        else if (grab == 2)
            e.ourGrab = grabOf(black);
        else if (grab == 3)
            e.ourGrab =
                Result<GrabResult>(Error{QStringLiteral("http-404"),
                                         QStringLiteral("media.example answered HTTP 404 for the playlist"),
                                         {}});
        else if (grab >= 4)
            e.ourGrab = Result<GrabResult>(Error{grab == 4   ? QStringLiteral("connect-refused")
                                                 : grab == 5 ? QStringLiteral("dns")
                                                             : QStringLiteral("timeout"),
                                                 QStringLiteral("media.example: no way through"),
                                                 {}});
        const LiveAssessment a = e.assess();
        QCOMPARE(int(a.problem), problem);
        QCOMPARE(int(a.severity), severity);
        QVERIFY2(a.summary.contains(says), qPrintable(a.summary));
        QVERIFY(a.summary.startsWith(QStringLiteral("Morning show")));
    }
};

QTEST_GUILESS_MAIN(TestLiveEntry)
#include "tst_liveentry.moc"
