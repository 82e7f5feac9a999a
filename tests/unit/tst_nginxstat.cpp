#include "site/nginxstat.h"

#include <QTest>

using namespace avld;

namespace {
// Shaped like nginx-rtmp 1.2.2's /stat answer with one publisher and one idle entry.
const QByteArray kStat = R"(<?xml version="1.0" encoding="utf-8" ?>
<rtmp><nginx_version>1.22.1</nginx_version><nginx_rtmp_version>1.1.4</nginx_rtmp_version>
<compiler>gcc</compiler><built>Nov 1 2025</built><pid>42</pid><uptime>3600</uptime><naccepted>7</naccepted>
<bw_in>1200000</bw_in><bytes_in>1</bytes_in><bw_out>0</bw_out><bytes_out>0</bytes_out>
<server><application><name>live</name><live>
<stream><name>alice-key</name><time>125000</time><bw_in>1350000</bw_in><bytes_in>9</bytes_in><bw_out>0</bw_out>
<bytes_out>0</bytes_out><bw_audio>96000</bw_audio><bw_video>1250000</bw_video>
<client><id>1</id><address>127.0.0.1</address><time>125000</time><flashver>FMLE/3.0</flashver><dropped>0</dropped>
<avsync>0</avsync><timestamp>125000</timestamp><publishing/><active/></client>
<meta><video><width>1280</width><height>720</height><frame_rate>25</frame_rate><codec>H264</codec><profile>High</profile>
<compat>0</compat><level>3.1</level></video><audio><codec>AAC</codec><profile>LC</profile><channels>1</channels>
<sample_rate>44100</sample_rate></audio></meta><nclients>3</nclients><publishing/><active/></stream>
<stream><name>idle-key</name><time>2000</time><bw_in>0</bw_in><nclients>1</nclients></stream>
<nclients>4</nclients></live></application></server></rtmp>
)";
} // namespace

class TestNginxStat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsStreams() {
        const auto stat = NginxStat::parse(kStat);
        QVERIFY2(stat.ok(), stat.ok() ? "" : qPrintable(stat.error().toString()));
        QCOMPARE(stat->nginxVersion, QStringLiteral("1.22.1"));
        QCOMPARE(stat->uptimeSeconds, 3600);
        QCOMPARE(stat->streams.size(), 2);
        const NginxStream* alice = stat->find(QStringLiteral("alice-key"));
        QVERIFY(alice);
        QVERIFY(alice->publishing);
        QCOMPARE(alice->application, QStringLiteral("live"));
        QCOMPARE(alice->clients, 3);
        QCOMPARE(alice->bitrateIn, 1350000);
        QCOMPARE(alice->uptimeMs, 125000);
        QCOMPARE(alice->videoCodec, QStringLiteral("H264"));
        QCOMPARE(alice->videoSize, QSize(1280, 720));
        QCOMPARE(alice->frameRate, 25.0);
        QCOMPARE(alice->audioCodec, QStringLiteral("AAC"));
        const NginxStream* idle = stat->find(QStringLiteral("idle-key"));
        QVERIFY(idle && !idle->publishing);
        QVERIFY(!stat->find(QStringLiteral("nobody")));
    }

    // The live detail window rounds the rate to an int, where "inf" or 3e9 was undefined behaviour (found by
    // tests/fuzz/fuzz_nginxstat): a rate no publisher sends counts as unknown.
    void implausibleFrameRatesCountAsUnknown_data() {
        QTest::addColumn<QByteArray>("rate");
        QTest::addColumn<double>("expected");
        QTest::newRow("fractional") << QByteArray("29.97") << 29.97;
        QTest::newRow("infinite") << QByteArray("1e999") << 0.0;
        QTest::newRow("beyond an int") << QByteArray("3e9") << 0.0;
        QTest::newRow("not a number") << QByteArray("nan") << 0.0;
        QTest::newRow("negative") << QByteArray("-25") << 0.0;
    }

    void implausibleFrameRatesCountAsUnknown() {
        QFETCH(QByteArray, rate);
        QFETCH(double, expected);
        QByteArray xml = kStat;
        xml.replace("<frame_rate>25</frame_rate>", "<frame_rate>" + rate + "</frame_rate>");
        const auto stat = NginxStat::parse(xml);
        QVERIFY(stat.ok());
        QCOMPARE(stat->find(QStringLiteral("alice-key"))->frameRate, expected);
    }

    void refusesWhatIsNotTheStatPage_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("html") << QByteArray("<!DOCTYPE html><html><body>404 Not Found</body></html>");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("plain text") << QByteArray("rtmp_stat is not enabled");
        QTest::newRow("truncated xml") << kStat.left(300);
    }

    void refusesWhatIsNotTheStatPage() {
        QFETCH(QByteArray, body);
        const auto stat = NginxStat::parse(body);
        QVERIFY(!stat.ok());
        QCOMPARE(stat.error().code, QStringLiteral("not-stat-xml"));
        QVERIFY(stat.error().hint.contains(QStringLiteral("rtmp_stat")));
    }
};

QTEST_GUILESS_MAIN(TestNginxStat)
#include "tst_nginxstat.moc"
