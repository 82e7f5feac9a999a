#include "fakeencoder.h"
#include "memorysecretstore.h"
#include "requirefixture.h"
#include "session/sitesession.h"
#include "sitesimulator.h"
#include "streamstack.h"
#include "tlshttpserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace avld;
using namespace avld::test;

Q_DECLARE_METATYPE(avld::test::SiteSimulator::Fault)

namespace {

const QString kKey = QStringLiteral("fault-live");
// The site's two lists of lives: the Live plugin's, and the API plugin's the client falls back to.
const QString kStats = QStringLiteral("plugin/Live/stats.json.php");
const QString kApiGet = QStringLiteral("plugin/API/get.json.php");
// The check interval of the suite; every verdict must come within two of them after the fault.
constexpr int kIntervalSeconds = 6;
constexpr int kVerdictMs = 2 * kIntervalSeconds * 1000;

bool lists(const SiteCheckReport& report, const QString& key) {
    for (const LiveEntry& live : report.lives)
        if (live.key == key)
            return true;
    return false;
}

// The reports of a session's periodic checks, as they come.
class Reports : public QObject {
public:
    explicit Reports(SiteSession& session) {
        connect(&session, &SiteSession::reportReady, this,
                [this](const SiteCheckReport& report) { m_reports.append(report); });
    }
    // Waits for a report, from now on, that `wanted` accepts; how long it took, or -1.
    qint64 waitFor(const std::function<bool(const SiteCheckReport&)>& wanted, int withinMs) {
        m_reports.clear();
        QElapsedTimer timer;
        timer.start();
        const bool seen = QTest::qWaitFor(
            [&] { return std::any_of(m_reports.cbegin(), m_reports.cend(), wanted); }, withinMs);
        return seen ? timer.elapsed() : -1;
    }
    QByteArray last() const {
        return m_reports.isEmpty() ? QByteArray("no report")
                                   : m_reports.last().findings().join(QLatin1Char('\n')).toUtf8();
    }

private:
    QList<SiteCheckReport> m_reports;
};

} // namespace

// The fault suite of the site check (issue 15): the site failing in the ways sites fail (a PHP error, an
// overloaded server, a blocked address, its rate limit, silence, no route, a bad certificate, an unknown
// name) and the media server behind it (the publisher's crash, nginx's restart), made for real on loopback.
// Each time, the periodic check says what happened within two check intervals, and says it is over once it
// is.
class SiteFaultsTest : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    std::unique_ptr<FakeEncoder> m_encoder;
    std::unique_ptr<SiteSimulator> m_site;
    MemorySecretStore m_secrets;

    SiteProfile profile(const QUrl& siteUrl = {}) const {
        SiteProfile p;
        p.id = QStringLiteral("faults-test");
        p.siteUrl = siteUrl.isEmpty() ? m_site->siteUrl() : siteUrl;
        p.playerServer = QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(m_stack.httpPort()));
        p.statUrl = m_stack.statUrl();
        return p;
    }

    std::unique_ptr<SiteSession> session(const QUrl& siteUrl = {}) {
        auto s = std::make_unique<SiteSession>(profile(siteUrl), m_secrets);
        // Scaled down with the interval (the defaults are 10 s and 3 retries against a 60 s interval).
        s->client().requester().setTimeoutMs(2000);
        s->client().requester().setMaxRetries(1);
        s->setRefreshInterval(kIntervalSeconds);
        return s;
    }

    static bool healthy(const SiteCheckReport& report) {
        return !report.livesError && !report.statError && lists(report, kKey);
    }

private Q_SLOTS:
    void initTestCase() {
        qRegisterMetaType<SiteCheckReport>();
        if (const Status failed = m_stack.start(); !failed.ok())
            AVLD_FIXTURE_MISSING(qPrintable(failed.error().toString()));
        if (const Status failed = m_stack.publish({.key = kKey, .size = QSize(640, 360)}); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        m_encoder = std::make_unique<FakeEncoder>(FakeEncoder::Options{});
        QVERIFY(m_encoder->listen());
        SiteSimulator::Options options;
        options.statUrl = m_stack.statUrl();
        options.playerServer = QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(m_stack.httpPort()));
        options.encoderUrl = m_encoder->url().toString();
        m_site = std::make_unique<SiteSimulator>(options);
        QVERIFY(m_site->listen());
        m_site->addLive({.key = kKey, .user = QStringLiteral("alice"), .title = QStringLiteral("Faults")});
    }

    void cleanupTestCase() {
        m_site.reset();
        m_stack.stop();
    }

    void siteAnswersWithAnError_data() {
        QTest::addColumn<SiteSimulator::Fault>("fault");
        QTest::addColumn<QString>("message");
        QTest::newRow("HTTP 500, a PHP fatal error")
            << SiteSimulator::Fault::HtmlErrorPage << QStringLiteral("HTTP 500");
        QTest::newRow("HTTP 503, overloaded")
            << SiteSimulator::Fault::Unavailable << QStringLiteral("overloaded or in maintenance");
        QTest::newRow("HTTP 403, blocked")
            << SiteSimulator::Fault::Blocked << QStringLiteral("something in front of AVideo refused");
        QTest::newRow("HTTP 429, rate limit")
            << SiteSimulator::Fault::RateLimited << QStringLiteral("rate limit");
        QTest::newRow("no answer") << SiteSimulator::Fault::Hang << QStringLiteral("in time");
    }

    // From a healthy site, the fault is the check's finding within two intervals, and gone as soon after.
    void siteAnswersWithAnError() {
        QFETCH(SiteSimulator::Fault, fault);
        QFETCH(QString, message);
        auto s = session();
        Reports reports(*s);
        s->refresh();
        QVERIFY2(reports.waitFor(healthy, 30000) >= 0, reports.last());

        // A fault of the site, not of one script: both lists fail (a database down fails every page).
        m_site->setFault(kStats, fault);
        m_site->setFault(kApiGet, fault);
        const qint64 tookMs = reports.waitFor(
            [&](const SiteCheckReport& r) {
                return r.overall() == Severity::Unknown && r.livesError &&
                       r.livesError->toString().contains(message);
            },
            kVerdictMs);
        m_site->clearFaults();
        QVERIFY2(tookMs >= 0, reports.last());
        qInfo("%s after %lld ms: %s", QTest::currentDataTag(), tookMs, reports.last().constData());
        QVERIFY2(reports.waitFor(healthy, kVerdictMs) >= 0, reports.last());
    }

    void siteUnreachable_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing listens")
            << QStringLiteral("down") << QStringLiteral("refused the connection");
        QTest::newRow("TLS certificate not trusted")
            << QStringLiteral("tls") << QStringLiteral("not trusted");
        QTest::newRow("DNS failure") << QStringLiteral("dns") << QStringLiteral("does not resolve");
    }

    // A site that cannot be reached at all: the first check says why.
    void siteUnreachable() {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        TlsHttpServer tls("text/plain", {});
        tls.forwardTo(m_site->port());
        QUrl url(QStringLiteral("http://avideo-site.invalid/"));
        if (kind == QStringLiteral("tls")) {
            QVERIFY2(tls.start(), qPrintable(tls.errorString()));
            url = tls.url(QStringLiteral("/"));
        } else if (kind == QStringLiteral("down")) {
            SiteSimulator gone;
            QVERIFY(gone.listen());
            url = gone.siteUrl(); // closed again when `gone` goes
        }
        auto s = session(url);
        Reports reports(*s);
        s->refresh();
        const qint64 tookMs = reports.waitFor(
            [&](const SiteCheckReport& r) {
                return r.overall() == Severity::Unknown && r.livesError &&
                       r.livesError->toString().contains(message);
            },
            kVerdictMs);
        QVERIFY2(tookMs >= 0, reports.last());
        qInfo("%s after %lld ms: %s", QTest::currentDataTag(), tookMs, reports.last().constData());
    }

    // The publisher crashes: nginx drops the stream, the site stops listing the live; back when it publishes
    // again.
    void publisherDies() {
        auto s = session();
        Reports reports(*s);
        s->refresh();
        QVERIFY2(reports.waitFor(healthy, 30000) >= 0, reports.last());

        m_stack.killPublisher(kKey);
        const qint64 tookMs = reports.waitFor(
            [](const SiteCheckReport& r) { return !r.livesError && !lists(r, kKey); }, kVerdictMs);
        QVERIFY2(tookMs >= 0, reports.last());
        qInfo("live gone after %lld ms: %s", tookMs, reports.last().constData());

        if (const Status failed = m_stack.publish({.key = kKey, .size = QSize(640, 360)}); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        QVERIFY2(reports.waitFor(healthy, kVerdictMs) >= 0, reports.last());
    }

    // nginx crashes and is restarted: the stat page's failure is a finding that names it, and it clears once
    // nginx and the publisher are back.
    void mediaServerRestarts() {
        auto s = session();
        Reports reports(*s);
        s->refresh();
        QVERIFY2(reports.waitFor(healthy, 30000) >= 0, reports.last());

        m_stack.killNginx();
        const qint64 tookMs = reports.waitFor(
            [](const SiteCheckReport& r) {
                return r.statError && r.statError->toString().contains(QStringLiteral("refused"));
            },
            kVerdictMs);
        QVERIFY2(tookMs >= 0, reports.last());
        qInfo("stat page down after %lld ms: %s", tookMs, reports.last().constData());

        if (const Status failed = m_stack.restartNginx(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        if (const Status failed = m_stack.publish({.key = kKey, .size = QSize(640, 360)}); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        QVERIFY2(reports.waitFor(healthy, kVerdictMs) >= 0, reports.last());
    }
};

QTEST_MAIN(SiteFaultsTest)
#include "tst_sitefaults.moc"
