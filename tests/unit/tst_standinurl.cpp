#include "generator/standinurl.h"
#include "maskedurl.h"

#include <QTest>

using namespace avld;

// The encoder URL(s) an admin pastes into AVideo's Site Configurations for the stand-in.
class TestStandinUrl : public QObject {
    Q_OBJECT
private:
    // "eth0=192.168.1.20 lo=127.0.0.1" -> addresses
    static QList<InterfaceAddress> machine(const QString& spec) {
        QList<InterfaceAddress> list;
        for (const QString& item : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            list.append({.interfaceName = item.section(QLatin1Char('='), 0, 0),
                         .address = QHostAddress(item.section(QLatin1Char('='), 1))});
        return list;
    }

    // "http://a/ local:http://127.0.0.1/" — the URLs in order, "local:" before those only this machine
    // reaches.
    static QString describe(const QList<EncoderUrlChoice>& choices) {
        QStringList out;
        for (const EncoderUrlChoice& c : choices)
            out << (c.remote ? QString() : QStringLiteral("local:")) + c.url.toString(QUrl::FullyEncoded);
        return out.join(QLatin1Char(' '));
    }

    static const QString kMachine;

private Q_SLOTS:
    // On screen a stand-in's secret prefix is masked wherever its URL shows; ordinary encoder URLs are not.
    void maskedUrlHidesSecretLookingSegments_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("shown");
        QTest::newRow("stand-in") << "http://127.0.0.1:8099/7df037db88d5af0e2ce0b5ddb59508e1/"
                                  << "http://127.0.0.1:8099/••••••••/";
        QTest::newRow("chosen secret") << "https://box.example/s3cr3t-Xq7abc/"
                                       << "https://box.example/••••••••/";
        QTest::newRow("public encoder") << "https://encoder1.avideo.com/"
                                        << "https://encoder1.avideo.com/";
        QTest::newRow("encoder folder") << "https://media.example/Encoder/"
                                        << "https://media.example/Encoder/";
        QTest::newRow("word path") << "https://media.example/thumbnailgenerator/"
                                   << "https://media.example/thumbnailgenerator/";
        QTest::newRow("user info dropped") << "http://u:pw@127.0.0.1:8099/abcdef0123456789/"
                                           << "http://127.0.0.1:8099/••••••••/";
    }
    void maskedUrlHidesSecretLookingSegments() {
        QFETCH(QString, url);
        QFETCH(QString, shown);
        QCOMPARE(maskedUrl(QUrl(url)), shown);
    }

    // Recognising our own stand-in in the site's Encoder URL (to warn before stopping what the site uses).
    void pointsAtStandin_data() {
        QTest::addColumn<QString>("encoderUrl");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<bool>("ours");
        const QString secret = QStringLiteral("/0123456789abcdef0123456789abcdef/");
        QTest::newRow("loopback") << "http://127.0.0.1:8099/0123456789abcdef0123456789abcdef/" << 8099
                                  << secret << true;
        QTest::newRow("public address, no trailing slash")
            << "http://203.0.113.7:8099/0123456789abcdef0123456789abcdef" << 8099 << secret << true;
        QTest::newRow("https default port")
            << "https://thumbs.example/0123456789abcdef0123456789abcdef/" << 443 << secret << true;
        QTest::newRow("another port")
            << "http://127.0.0.1:8090/0123456789abcdef0123456789abcdef/" << 8099 << secret << false;
        QTest::newRow("another secret")
            << "http://127.0.0.1:8099/ffff456789abcdef0123456789abcdef/" << 8099 << secret << false;
        QTest::newRow("secret as a longer segment")
            << "http://127.0.0.1:8099/0123456789abcdef0123456789abcdefXX/" << 8099 << secret << false;
        QTest::newRow("the site's real encoder") << "https://encoder1.wwbn.net/" << 8099 << secret << false;
        QTest::newRow("no prefix, same port") << "http://10.0.0.2:8099/" << 8099 << "/" << true;
        QTest::newRow("empty") << "" << 8099 << secret << false;
    }

    void pointsAtStandin() {
        QFETCH(QString, encoderUrl);
        QFETCH(int, port);
        QFETCH(QString, prefix);
        QFETCH(bool, ours);
        QCOMPARE(StandinUrl::pointsAtStandin(QUrl(encoderUrl), quint16(port), prefix), ours);
    }

    void encoderUrls_data() {
        QTest::addColumn<QString>("listen");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("publicHost");
        QTest::addColumn<QString>("addresses");
        QTest::addColumn<QString>("expected"); // URLs, or "error:CODE"

        const QString m = kMachine;
        QTest::newRow("ipv4 wildcard: every IPv4 address, loopback last")
            << "0.0.0.0:8090"
            << "s3cr3t" << false << "" << m
            << "http://192.168.1.20:8090/s3cr3t/ http://172.17.0.1:8090/s3cr3t/ "
               "local:http://127.0.0.1:8090/s3cr3t/";
        QTest::newRow("ipv6 wildcard: every global IPv6 address")
            << "[::]:8090"
            << "s3cr3t" << false << "" << m
            << "http://[2001:db8::5]:8090/s3cr3t/ local:http://[::1]:8090/s3cr3t/";
        QTest::newRow("ipv6 wildcard without brackets")
            << ":::8090"
            << "" << false << "" << m << "http://[2001:db8::5]:8090/ local:http://[::1]:8090/";
        QTest::newRow("any address: IPv4 first, then IPv6")
            << ":8090"
            << "" << false << "" << m
            << "http://192.168.1.20:8090/ http://172.17.0.1:8090/ http://[2001:db8::5]:8090/ "
               "local:http://127.0.0.1:8090/";
        QTest::newRow("star is any address")
            << "*:8090"
            << "" << false << "" << m
            << "http://192.168.1.20:8090/ http://172.17.0.1:8090/ http://[2001:db8::5]:8090/ "
               "local:http://127.0.0.1:8090/";
        QTest::newRow("tls on 443: https, no port") << "0.0.0.0:443"
                                                    << "k" << true << "" << m
                                                    << "https://192.168.1.20/k/ https://172.17.0.1/k/ "
                                                       "local:https://127.0.0.1/k/";
        QTest::newRow("tls on another port keeps it")
            << "192.168.1.20:8443"
            << "" << true << "" << m << "https://192.168.1.20:8443/";
        QTest::newRow("http on 80: no port") << "192.168.1.20:80"
                                             << "" << false << "" << m << "http://192.168.1.20/";
        QTest::newRow("https on 80 keeps the port") << "192.168.1.20:80"
                                                    << "" << true << "" << m << "https://192.168.1.20:80/";
        QTest::newRow("no other interface: loopback only") << "0.0.0.0:8090"
                                                           << "" << false << ""
                                                           << "lo=127.0.0.1 lo=::1"
                                                           << "local:http://127.0.0.1:8090/";
        QTest::newRow("link-local and duplicate addresses skipped")
            << "0.0.0.0:8090"
            << "" << false << ""
            << "eth1=169.254.3.4 eth0=10.0.0.7 wlan0=10.0.0.7 eth0=fe80::1 lo=127.0.0.1"
            << "http://10.0.0.7:8090/ local:http://127.0.0.1:8090/";

        QTest::newRow("prefix: outer slashes ignored")
            << "10.0.0.7:8090"
            << "//s3cr3t//" << false << "" << m << "http://10.0.0.7:8090/s3cr3t/";
        QTest::newRow("prefix: several segments") << "10.0.0.7:8090"
                                                  << "a/b" << false << "" << m << "http://10.0.0.7:8090/a/b/";
        QTest::newRow("prefix: unreserved characters stay")
            << "10.0.0.7:8090"
            << "Az09-._~" << false << "" << m << "http://10.0.0.7:8090/Az09-._~/";
        QTest::newRow("prefix: space and non-ASCII percent-encoded")
            << "10.0.0.7:8090" << QStringLiteral("a b/\u00e9") << false << "" << m
            << "http://10.0.0.7:8090/a%20b/%C3%A9/";
        QTest::newRow("prefix: query and fragment characters encoded")
            << "10.0.0.7:8090"
            << "x?y#z&w=1+%" << false << "" << m << "http://10.0.0.7:8090/x%3Fy%23z%26w%3D1%2B%25/";
        QTest::newRow("prefix: dot-dot refused") << "10.0.0.7:8090"
                                                 << "a/../b" << false << "" << m << "error:usage";
        QTest::newRow("prefix: dot refused") << "10.0.0.7:8090"
                                             << "." << false << "" << m << "error:usage";
        QTest::newRow("prefix: empty segment refused") << "10.0.0.7:8090"
                                                       << "a//b" << false << "" << m << "error:usage";
        QTest::newRow("prefix: control character refused") << "10.0.0.7:8090"
                                                           << "a\tb" << false << "" << m << "error:usage";
        QTest::newRow("prefix: longer than AVideo's column refused")
            << "10.0.0.7:8090" << QString(240, QLatin1Char('x')) << false << "" << m << "error:usage";
        QTest::newRow("prefix: just fits AVideo's column")
            << "1.2.3.4:1" << QString(255 - 18, QLatin1Char('x')) << false << "" << m
            << "http://1.2.3.4:1/" + QString(255 - 18, QLatin1Char('x')) + "/";

        QTest::newRow("specific loopback address")
            << "127.0.0.1:8090"
            << "" << false << "" << m << "local:http://127.0.0.1:8090/";
        QTest::newRow("specific IPv6 loopback") << "[::1]:8090"
                                                << "" << false << "" << m << "local:http://[::1]:8090/";
        QTest::newRow("localhost") << "localhost:8090"
                                   << "" << false << "" << m << "local:http://localhost:8090/";
        QTest::newRow("specific IPv6 address") << "[2001:db8::5]:8090"
                                               << "" << false << "" << m << "http://[2001:db8::5]:8090/";
        QTest::newRow("host name, lower-cased") << "Stand-In.Example:8090"
                                                << "" << false << "" << m << "http://stand-in.example:8090/";

        QTest::newRow("public host replaces the interfaces")
            << "0.0.0.0:8443"
            << "p" << true << "standin.example.org" << m << "https://standin.example.org:8443/p/";
        QTest::newRow("public host with its own port")
            << "0.0.0.0:8090"
            << "p" << false << "203.0.113.7:80" << m << "http://203.0.113.7/p/";
        QTest::newRow("public host: bracketed IPv6 and port")
            << "[::]:8090"
            << "" << false << "[2001:db8::9]:9000" << m << "http://[2001:db8::9]:9000/";
        QTest::newRow("public host: bare IPv6 keeps the listen port")
            << "[::]:8090"
            << "" << false << "2001:db8::9" << m << "http://[2001:db8::9]:8090/";
        QTest::newRow("public host: localhost is local")
            << "0.0.0.0:8090"
            << "" << false << "localhost" << m << "local:http://localhost:8090/";
        QTest::newRow("public host: a URL is refused")
            << "0.0.0.0:8090"
            << "" << false << "http://x.example/" << m << "error:usage";
        QTest::newRow("public host: bad port") << "0.0.0.0:8090"
                                               << "" << false << "x.example:0" << m << "error:usage";
        QTest::newRow("public host: not a host") << "0.0.0.0:8090"
                                                 << "" << false << "a b" << m << "error:usage";
    }

    void encoderUrls() {
        QFETCH(QString, listen);
        QFETCH(QString, prefix);
        QFETCH(bool, tls);
        QFETCH(QString, publicHost);
        QFETCH(QString, addresses);
        QFETCH(QString, expected);

        const Result<ListenAddress> parsed = StandinUrl::parseListen(listen);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().toString()));
        const Result<QList<EncoderUrlChoice>> urls = StandinUrl::encoderUrls(
            {.listen = *parsed, .prefix = prefix, .tls = tls, .publicHost = publicHost}, machine(addresses));
        if (expected.startsWith(QStringLiteral("error:"))) {
            QVERIFY2(!urls.ok(), urls.ok() ? qPrintable(describe(*urls)) : "");
            QCOMPARE(urls.error().code, expected.mid(6));
            QVERIFY(!urls.error().message.isEmpty());
            return;
        }
        QVERIFY2(urls.ok(), urls.ok() ? "" : qPrintable(urls.error().toString()));
        QCOMPARE(describe(*urls), expected);
        for (const EncoderUrlChoice& c : *urls) {
            QVERIFY(c.url.isValid());
            QVERIFY(c.url.toString(QUrl::FullyEncoded).endsWith(QLatin1Char('/')));
            QVERIFY(c.url.toString(QUrl::FullyEncoded).size() <= StandinUrl::MaxEncoderUrlLength);
            QVERIFY(!c.via.isEmpty());
            // The loopback URL says why it is there; the others need no warning.
            QCOMPARE(c.note.contains(QStringLiteral("cannot reach")), !c.remote);
        }
    }

    void parseListen_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host"); // "error" when refused
        QTest::addColumn<int>("port");
        QTest::newRow("ipv4") << "0.0.0.0:8090"
                              << "0.0.0.0" << 8090;
        QTest::newRow("bracketed ipv6") << "[::]:1"
                                        << "::" << 1;
        QTest::newRow("ipv6 normalised") << "[0:0::0]:65535"
                                         << "::" << 65535;
        QTest::newRow("port only") << ":8090"
                                   << "" << 8090;
        QTest::newRow("star") << "*:8090"
                              << "" << 8090;
        QTest::newRow("surrounding space") << "  10.0.0.1:80 "
                                           << "10.0.0.1" << 80;
        QTest::newRow("host name") << "standin.lan:80"
                                   << "standin.lan" << 80;
        QTest::newRow("no port") << "0.0.0.0"
                                 << "error" << 0;
        QTest::newRow("bare port") << "8090"
                                   << "error" << 0;
        QTest::newRow("port zero") << "0.0.0.0:0"
                                   << "error" << 0;
        QTest::newRow("port too big") << "0.0.0.0:65536"
                                      << "error" << 0;
        QTest::newRow("port not a number") << "0.0.0.0:http"
                                           << "error" << 0;
        QTest::newRow("unclosed bracket") << "[::1:8090"
                                          << "error" << 0;
        QTest::newRow("bracket without port") << "[::1]8090"
                                              << "error" << 0;
        QTest::newRow("not a host") << "bad host:80"
                                    << "error" << 0;
        QTest::newRow("broken ipv6") << "1:2:3:zz:80"
                                     << "error" << 0;
    }

    void parseListen() {
        QFETCH(QString, text);
        QFETCH(QString, host);
        QFETCH(int, port);
        const Result<ListenAddress> parsed = StandinUrl::parseListen(text);
        if (host == QStringLiteral("error")) {
            QVERIFY(!parsed.ok());
            QCOMPARE(parsed.error().code, QStringLiteral("usage"));
            QVERIFY2(parsed.error().message.contains(text.trimmed()), qPrintable(parsed.error().message));
            return;
        }
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().toString()));
        QCOMPARE(parsed->host, host);
        QCOMPARE(int(parsed->port), port);
    }

    void notes() {
        const auto urls =
            StandinUrl::encoderUrls({.listen = {.host = QStringLiteral("0.0.0.0"), .port = 8090}},
                                    machine(QStringLiteral("lo=127.0.0.1")));
        QVERIFY(urls.ok());
        QCOMPARE(urls->size(), 1);
        QVERIFY(urls->first().note.contains(QStringLiteral("--public-host")));

        const auto elsewhere = StandinUrl::encoderUrls(
            {.listen = {.host = QStringLiteral("192.0.2.99"), .port = 8090}}, machine(kMachine));
        QVERIFY(elsewhere.ok());
        QVERIFY(elsewhere->first().remote);
        QVERIFY2(elsewhere->first().note.contains(QStringLiteral("not an address of this machine")),
                 qPrintable(elsewhere->first().note));

        const auto portZero = StandinUrl::encoderUrls({}, machine(kMachine));
        QVERIFY(!portZero.ok());
    }

    void redactedHidesThePrefix_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("prefix") << "http://10.0.0.7:8090/s3cr3t/"
                                << "http://10.0.0.7:8090/…";
        QTest::newRow("no prefix") << "https://standin.example/"
                                   << "https://standin.example/";
        QTest::newRow("no path") << "https://standin.example"
                                 << "https://standin.example/";
        QTest::newRow("user info and query") << "http://u:pw@h.example/x/?q=1"
                                             << "http://h.example/…";
        QTest::newRow("ipv6") << "http://[2001:db8::5]:8090/k/"
                              << "http://[2001:db8::5]:8090/…";
    }

    void redactedHidesThePrefix() {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        QCOMPARE(StandinUrl::redacted(QUrl(url)), expected);
    }

    void sameEncoderUrl_data() {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("identical") << "http://h:8090/k/"
                                   << "http://h:8090/k/" << true;
        QTest::newRow("trailing slash") << "http://h:8090/k"
                                        << "http://h:8090/k/" << true;
        QTest::newRow("case of host and scheme") << "HTTP://H.Example/k/"
                                                 << "http://h.example/k/" << true;
        QTest::newRow("default port") << "https://h:443/"
                                      << "https://h/" << true;
        QTest::newRow("percent encoding") << "http://h/a%20b/"
                                          << "http://h/a b/" << true;
        QTest::newRow("other prefix") << "http://h:8090/k/"
                                      << "http://h:8090/j/" << false;
        QTest::newRow("prefix case matters") << "http://h:8090/K/"
                                             << "http://h:8090/k/" << false;
        QTest::newRow("other port") << "http://h:8090/"
                                    << "http://h:8091/" << false;
        QTest::newRow("other scheme") << "http://h/"
                                      << "https://h/" << false;
        QTest::newRow("empty") << ""
                               << "http://h/" << false;
    }

    void sameEncoderUrl() {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(StandinUrl::sameEncoderUrl(QUrl(a), QUrl(b)), same);
        QCOMPARE(StandinUrl::sameEncoderUrl(QUrl(b), QUrl(a)), same);
    }

    void thisMachineHasALoopback() {
        const QList<InterfaceAddress> addresses = StandinUrl::machineAddresses();
        const bool loopback = std::any_of(addresses.begin(), addresses.end(),
                                          [](const InterfaceAddress& a) { return a.address.isLoopback(); });
        if (!loopback)
            QSKIP("no loopback interface is up here");
        const auto urls =
            StandinUrl::encoderUrls({.listen = {.host = QStringLiteral("0.0.0.0"), .port = 8090}}, addresses);
        QVERIFY(urls.ok());
        QVERIFY(!urls->last().remote);
        QCOMPARE(urls->last().url.toString(QUrl::FullyEncoded), QStringLiteral("http://127.0.0.1:8090/"));
    }
};

const QString TestStandinUrl::kMachine = QStringLiteral(
    "lo=127.0.0.1 eth0=192.168.1.20 eth0=2001:db8::5 eth0=fe80::1c2:3ff:fe04:506 lo=::1 docker0=172.17.0.1");

QTEST_GUILESS_MAIN(TestStandinUrl)
#include "tst_standinurl.moc"
