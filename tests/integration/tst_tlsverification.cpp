#include "media/framegrabber.h"
#include "site/siteclient.h"
#include "tlshttpserver.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace avld;
using namespace avld::test;

// TLS verification is on by default: a self-signed certificate is refused, with its fingerprint shown so the
// admin can decide; a site profile that accepted exactly that certificate gets through.
class TestTlsVerification : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<TlsHttpServer> m_server;

    Result<QList<SiteLive>> fetchLives(const QString& acceptedCertificate) {
        QNetworkAccessManager network;
        SiteProfile profile;
        profile.siteUrl = m_server->url(QStringLiteral("/"));
        profile.acceptedCertificate = acceptedCertificate;
        SiteClient client(network, profile);
        std::optional<Result<QList<SiteLive>>> outcome;
        client.fetchLives([&](Result<QList<SiteLive>> r) { outcome = std::move(r); });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 10000))
            return Error{QStringLiteral("test-timeout"), QStringLiteral("no answer"), {}};
        return std::move(*outcome);
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<TlsHttpServer>("application/json",
                                                   R"({"applications":[{"key":"k1","title":"T"}]})");
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }

    void selfSignedSiteIsRefusedWithItsFingerprint() {
        const auto lives = fetchLives({});
        QVERIFY(!lives.ok());
        QCOMPARE(lives.error().code, QStringLiteral("tls"));
        QVERIFY2(lives.error().message.contains(m_server->fingerprint()), qPrintable(lives.error().message));
        QVERIFY(!lives.error().hint.isEmpty());
    }

    void acceptedCertificateIsTrustedForThatSiteOnly() {
        const auto lives = fetchLives(m_server->fingerprint());
        QVERIFY2(lives.ok(), lives.ok() ? "" : qPrintable(lives.error().toString()));
        QCOMPARE(lives->size(), 1);
        QCOMPARE(lives->first().key, QStringLiteral("k1"));
        const auto other = fetchLives(QStringLiteral("00:11:22"));
        QVERIFY(!other.ok());
        QCOMPARE(other.error().code, QStringLiteral("tls"));
    }

    void grabberRefusesAnUntrustedStreamServer() {
        GrabOptions options;
        options.timeoutMs = 5000;
        const auto result =
            FrameGrabber::grabAndWait(m_server->url(QStringLiteral("/live/k/index.m3u8")), options);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("tls"));
    }
};

QTEST_GUILESS_MAIN(TestTlsVerification)
#include "tst_tlsverification.moc"
