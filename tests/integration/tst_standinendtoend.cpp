#include "generator/thumbnailservice.h"
#include "liveurls.h"
#include "media/imagemarker.h"
#include "media/sitethumbnail.h"
#include "requirefixture.h"
#include "sitesimulator.h"
#include "streamstack.h"

#include <QBuffer>
#include <QImageReader>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

using namespace avld;
using namespace avld::test;

// The fix itself, end to end: a site whose encoder is down shows cards; pointed at our stand-in, AVideo's own
// plugin/Live/getImage.php serves our real frames for every live, in every format, within its 2 s.
class StandInEndToEndTest : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    std::unique_ptr<SiteSimulator> m_site;
    std::unique_ptr<ThumbnailService> m_standin;
    QNetworkAccessManager m_network;

    struct Answer {
        QByteArray body;
        qint64 elapsedMs = 0;
    };

    Answer get(const QUrl& url) {
        QElapsedTimer timer;
        timer.start();
        QNetworkReply* reply = m_network.get(QNetworkRequest(url));
        [[maybe_unused]] const bool finished = QTest::qWaitFor([&] { return reply->isFinished(); }, 15000);
        Answer answer{reply->readAll(), timer.elapsed()};
        reply->deleteLater();
        return answer;
    }

    QUrl siteImage(const QString& user, const QString& format) const {
        return m_site->url(LiveUrls::posterRelative(user, 0, format));
    }

private Q_SLOTS:
    void initTestCase() {
        if (!QFile::exists(QStringLiteral(AVLD_REFERENCE_IMAGES "/avideo-OnAir.jpg")))
            AVLD_FIXTURE_MISSING(
                "the shared reference images are not beside this checkout: AVideo's cards cannot be "
                "recognised");
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        for (const QString& key : {QStringLiteral("alice-key"), QStringLiteral("bob-key")})
            if (const Status failed = m_stack.publish({.key = key, .size = QSize(1280, 720)}, 20000, 2);
                !failed.ok())
                QFAIL(qPrintable(failed.error().toString()));

        SiteSimulator::Options options;
        options.statUrl = m_stack.statUrl();
        options.playerServer = QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(m_stack.httpPort()));
        options.encoderUrl =
            QStringLiteral("http://127.0.0.1:1/"); // the seed: the configured encoder is down
        options.referenceImagesDir = QStringLiteral(AVLD_REFERENCE_IMAGES);
        m_site = std::make_unique<SiteSimulator>(options);
        QVERIFY(m_site->listen());
        m_site->addLive({.key = QStringLiteral("alice-key"),
                         .user = QStringLiteral("alice"),
                         .title = QStringLiteral("Alice")});
        m_site->addLive({.key = QStringLiteral("bob-key"),
                         .user = QStringLiteral("bob"),
                         .title = QStringLiteral("Bob")});

        GeneratorConfig config;
        config.pathPrefix = QStringLiteral("/e2e-secret/");
        config.allowedHosts = {QStringLiteral("127.0.0.1")};
        m_standin = std::make_unique<ThumbnailService>(config);
        if (const Status failed = m_standin->start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
    }

    void encoderDownShowsTheOnlineCard() {
        const SiteThumbnail t = SiteThumbnail::classify(
            {}, get(siteImage(QStringLiteral("alice"), QStringLiteral("jpg"))).body, {});
        QCOMPARE(t.cls, ThumbnailClass::OnlineCard);
    }

    void standInServesRealFramesThroughTheSite_data() {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("format");
        for (const QString& user : {QStringLiteral("alice"), QStringLiteral("bob")})
            for (const QString& format : {QStringLiteral("jpg"), QStringLiteral("png"), QStringLiteral("gif"),
                                          QStringLiteral("webp")})
                QTest::addRow("%s %s", qPrintable(user), qPrintable(format)) << user << format;
    }

    void standInServesRealFramesThroughTheSite() {
        QFETCH(QString, user);
        QFETCH(QString, format);
        m_site->setEncoderUrl(m_standin->baseUrl().toString()); // what the admin does in Site Configurations

        // The first request may come back empty (the grab runs on) and AVideo then shows its card without
        // caching it; the second must be our frame. Each answers within AVideo's 2 s.
        Answer answer = get(siteImage(user, format));
        QVERIFY2(answer.elapsedMs < 2500, qPrintable(QStringLiteral("%1 ms").arg(answer.elapsedMs)));
        if (!ImageMarker::madeByUs(answer.body)) {
            QTest::qWait(format == QStringLiteral("jpg") || format == QStringLiteral("png") ? 300 : 2500);
            answer = get(siteImage(user, format));
            QVERIFY2(answer.elapsedMs < 2500, qPrintable(QStringLiteral("%1 ms").arg(answer.elapsedMs)));
        }
        QVERIFY2(ImageMarker::madeByUs(answer.body),
                 qPrintable(QStringLiteral("%1 bytes, not ours").arg(answer.body.size())));
        QBuffer buffer(&answer.body);
        QImageReader reader(&buffer);
        const QImage first = reader.read();
        QVERIFY2(!first.isNull(), qPrintable(reader.errorString()));
        if (format == QStringLiteral("gif") || format == QStringLiteral("webp"))
            QVERIFY(reader.imageCount() > 10 || reader.supportsAnimation());
        const qint64 size = answer.body.size();
        QVERIFY(!(size >= 70'805 && size <= 70'810) && !(size >= 2'095'335 && size <= 2'095'350));
        if (format == QStringLiteral("jpg")) {
            const SiteThumbnail t = SiteThumbnail::classify({}, answer.body, {});
            QCOMPARE(t.cls, ThumbnailClass::RealFrame);
        }
    }

    // The same site as AVideo 11.x reads its encoder (until the connection closes, the real 11.7's way): the
    // stand-in's cached frame must reach it at once, not after PHP's 2 s read timeout.
    void avideo11ReadsTheStandInWithoutWaiting() {
        SiteSimulator::Options options;
        options.statUrl = m_stack.statUrl();
        options.playerServer = QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(m_stack.httpPort()));
        options.encoderUrl = m_standin->baseUrl().toString();
        options.referenceImagesDir = QStringLiteral(AVLD_REFERENCE_IMAGES);
        options.avideo11 = true;
        SiteSimulator site(options);
        QVERIFY(site.listen());
        site.addLive({.key = QStringLiteral("alice-key"),
                      .user = QStringLiteral("alice"),
                      .title = QStringLiteral("Alice")});
        const QUrl url =
            site.url(LiveUrls::posterRelative(QStringLiteral("alice"), 0, QStringLiteral("jpg")));
        const Answer answer = get(url);
        QVERIFY2(ImageMarker::madeByUs(answer.body), "the site did not get our frame");
        QVERIFY2(
            answer.elapsedMs < 1900,
            qPrintable(
                QStringLiteral("%1 ms: the site waited for the stand-in to close").arg(answer.elapsedMs)));
    }
};

QTEST_MAIN(StandInEndToEndTest)
#include "tst_standinendtoend.moc"
