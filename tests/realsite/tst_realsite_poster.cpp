// A streamer's poster on the real AVideo 11.7 (README of ../shared/avideo: "A poster is not a frame"): with
// the encoder down, getImage.php serves the poster the streamer uploaded, and `check` names it a static
// poster, not a real frame.

#include "media/framegrabber.h"
#include "realsiteactions.h"
#include "realsiteinfo.h"
#include "site/posterevidence.h"
#include "site/sitecheck.h"

#include <QBuffer>
#include <QFile>
#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPainter>
#include <QScopeGuard>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

// Nothing like the stamped test stream: a gradient, a sun and a bar.
QByteArray posterJpeg() {
    QImage image(1280, 720, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient gradient(0, 0, 1280, 720);
    gradient.setColorAt(0, QColor(0x20, 0x30, 0x60));
    gradient.setColorAt(1, QColor(0xa0, 0x40, 0x80));
    p.fillRect(image.rect(), gradient);
    p.setBrush(QColor(0xf0, 0xc0, 0x30));
    p.drawEllipse(QPoint(960, 240), 140, 140);
    p.fillRect(120, 440, 600, 160, Qt::white);
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return bytes;
}

} // namespace

class TestRealsitePoster : public QObject {
    Q_OBJECT
private:
    RealsiteInfo m_site;

    SiteProfile profile() const {
        SiteProfile p;
        p.id = QStringLiteral("realsite-poster");
        p.siteUrl = m_site.siteUrl;
        p.playerServer = m_site.playerServer;
        p.statUrl = m_site.statUrl;
        return p;
    }

    // AVideo's full cache clear, as its admin: its cached ONLINE card (or poster) goes with it.
    void clearSiteCache() {
        QNetworkAccessManager network;
        SiteClient admin(network, profile());
        QVERIFY(waitFor<LoginInfo>(
            [&](auto done) { admin.login(m_site.adminUser, m_site.adminPassword, done); }));
        const Result<CacheClearReport> cleared =
            waitFor<CacheClearReport>([&](auto done) { admin.clearCache(CacheClearMode::Full, done); });
        QVERIFY2(cleared.ok(), qPrintable(cleared ? QString() : cleared.error().toString()));
    }

    // plugin/Live/uploadPoster.php as the streamer (multipart file_data), what the Live panel's form sends.
    void uploadPoster(const QByteArray& jpeg) {
        QNetworkAccessManager network;
        SiteClient streamer(network, profile());
        QVERIFY(waitFor<LoginInfo>(
            [&](auto done) { streamer.login(m_site.streamerUser, m_site.streamerPassword, done); }));
        auto* multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart server;
        server.setHeader(QNetworkRequest::ContentDispositionHeader,
                         QStringLiteral("form-data; name=\"live_servers_id\""));
        server.setBody("0");
        QHttpPart file;
        file.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QStringLiteral("form-data; name=\"file_data\"; filename=\"poster.jpg\""));
        file.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("image/jpeg"));
        file.setBody(jpeg);
        multipart->append(server);
        multipart->append(file);
        QNetworkRequest request(
            m_site.siteUrl.resolved(QUrl(QStringLiteral("plugin/Live/uploadPoster.php"))));
        request.setRawHeader("Referer", m_site.siteUrl.toEncoded());
        request.setTransferTimeout(30000);
        QNetworkReply* reply = network.post(request, multipart);
        multipart->setParent(reply);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30000);
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        QVERIFY2(body.trimmed() == "{}", body.constData());
    }

private Q_SLOTS:
    void initTestCase() { AVLD_REQUIRE_REALSITE(m_site); }

    void posterWhileTheEncoderIsDown() {
        QVERIFY(m_site.setEncoderUrl(m_site.encoderUrl).ok()); // down: a closed loopback port
        const QString tree = m_site.treePath.endsWith(u'/') ? m_site.treePath : m_site.treePath + u'/';
        const auto removePoster = qScopeGuard([&] {
            for (const QString& kind : {QStringLiteral("thumbs"), QStringLiteral("bg")})
                QFile::remove(
                    tree +
                    QStringLiteral("videos/userPhoto/Live/user_%1_%2_0.jpg").arg(m_site.usersId).arg(kind));
            clearSiteCache();
        });
        uploadPoster(posterJpeg());
        QVERIFY(QFile::exists(
            tree + QStringLiteral("videos/userPhoto/Live/user_%1_thumbs_0.jpg").arg(m_site.usersId)));
        clearSiteCache();

        QNetworkAccessManager network;
        SiteClient client(network, profile());
        FrameGrabber grabber(network);
        SiteCheck check(client, grabber);
        std::optional<SiteCheckReport> report;
        check.run([&](SiteCheckReport r) { report = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), 60000);
        const LiveEntry* live = nullptr;
        for (const LiveEntry& e : report->lives)
            if (e.key == m_site.key)
                live = &e;
        QVERIFY2(live && live->siteThumbnail, qPrintable(report->findings().join(u'\n')));
        qInfo("the site served %lld bytes: %s (%s)", static_cast<long long>(live->siteThumbnail->bytes),
              qPrintable(thumbnailClassName(live->siteThumbnail->cls)),
              qPrintable(live->siteThumbnail->detail));
        QCOMPARE(live->siteThumbnail->cls, ThumbnailClass::StaticPoster);
        QVERIFY(live->siteThumbnail->detail.contains(QStringLiteral("byte for byte the streamer's poster")));
        QVERIFY2(live->ourGrab && live->ourGrab->ok(), qPrintable(report->findings().join(u'\n')));
        if (const std::optional<int> bits = PosterEvidence::distanceToOurFrame(
                *live->siteThumbnail, live->ourGrab->value().frame().image))
            qInfo("poster vs our frame of the stamped stream: %d of 64 bits", *bits);
        // The second proof holds on the real site too: the webp is the very same still file.
        QVERIFY(live->site && live->site->gifUrl.isValid() && !live->site->gifUrl.isEmpty());
        const Result<SiteReply> webp = waitFor<SiteReply>(
            [&](auto done) { client.requester().getAnyStatus(live->site->gifUrl.toString(), done); });
        QVERIFY(webp.ok());
        qInfo("its webp: HTTP %d, %lld bytes, %s", webp->status, static_cast<long long>(webp->body.size()),
              webp->contentType.constData());
        QCOMPARE(SiteThumbnail::digestOf(webp->body), live->siteThumbnail->digest);
        QCOMPARE(live->assess().severity, Severity::Critical);
        QVERIFY2(report->findings().join(u'\n').contains(
                     QStringLiteral("the site shows a static poster, not a live frame — the encoder is not "
                                    "producing thumbnails")),
                 qPrintable(report->findings().join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestRealsitePoster)
#include "tst_realsite_poster.moc"
