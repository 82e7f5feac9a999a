#include "generator/addressclass.h"
#include "generator/streamallowlist.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace avld;

Q_DECLARE_METATYPE(avld::AddressClass)

namespace {

// "ok", "lookup" (a name to resolve) or the refusal's code.
QString verdictOf(const std::optional<Status>& verdict) {
    if (!verdict)
        return QStringLiteral("lookup");
    return verdict->ok() ? QStringLiteral("ok") : verdict->error().code;
}

// Runs the asynchronous check to its end.
QString checkAndWait(const StreamAllowList& list, const QUrl& url, int timeoutMs = 3000) {
    QObject context;
    std::optional<QString> outcome;
    list.check(url, timeoutMs, &context, [&outcome](Status verdict) {
        outcome = verdict.ok() ? QStringLiteral("ok") : verdict.error().code;
    });
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, timeoutMs + 2000))
        return QStringLiteral("no answer");
    return *outcome;
}

} // namespace

class TestStreamAllowList : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void addressClasses_data() {
        QTest::addColumn<QString>("address");
        QTest::addColumn<AddressClass>("kind");
        const struct {
            const char* address;
            AddressClass kind;
        } cases[] = {
            {"8.8.8.8", AddressClass::Public},
            {"203.0.113.9", AddressClass::Public},
            {"2001:4860:4860::8888", AddressClass::Public},
            {"127.0.0.1", AddressClass::Loopback},
            {"127.255.0.7", AddressClass::Loopback},
            {"::1", AddressClass::Loopback},
            {"10.1.2.3", AddressClass::Private},
            {"172.16.0.1", AddressClass::Private},
            {"172.31.255.255", AddressClass::Private},
            {"172.32.0.1", AddressClass::Public},
            {"192.168.1.1", AddressClass::Private},
            {"100.64.0.1", AddressClass::Private},
            {"fc00::1", AddressClass::Private},
            {"fd12:3456::1", AddressClass::Private},
            {"169.254.169.254", AddressClass::LinkLocal},
            {"169.254.0.1", AddressClass::LinkLocal},
            {"fe80::1", AddressClass::LinkLocal},
            {"0.0.0.0", AddressClass::Unspecified},
            {"0.1.2.3", AddressClass::Unspecified},
            {"::", AddressClass::Unspecified},
            {"224.0.0.1", AddressClass::Multicast},
            {"239.255.255.250", AddressClass::Multicast},
            {"ff02::1", AddressClass::Multicast},
            {"255.255.255.255", AddressClass::Reserved},
            {"240.0.0.1", AddressClass::Reserved},
            {"::ffff:127.0.0.1", AddressClass::Loopback},
            {"::ffff:10.0.0.1", AddressClass::Private},
            {"::ffff:169.254.169.254", AddressClass::LinkLocal},
            {"::ffff:8.8.8.8", AddressClass::Public},
            {"::127.0.0.1", AddressClass::Loopback},
            {"64:ff9b::a00:1", AddressClass::Private},  // NAT64 of 10.0.0.1
            {"2002:7f00:1::1", AddressClass::Loopback}, // 6to4 of 127.0.0.1
        };
        for (const auto& c : cases)
            QTest::newRow(c.address) << QString::fromLatin1(c.address) << c.kind;
    }

    void addressClasses() {
        QFETCH(QString, address);
        QFETCH(AddressClass, kind);
        const QHostAddress parsed(address);
        QVERIFY(!parsed.isNull());
        QCOMPARE(addressClassName(classifyAddress(parsed)), addressClassName(kind));
    }

    void entries_data() {
        QTest::addColumn<QStringList>("entries");
        QTest::addColumn<bool>("valid");
        QTest::newRow("names") << QStringList{"media.example.com", "Site.Example.", "*.cdn.example"} << true;
        QTest::newRow("addresses") << QStringList{"203.0.113.7", "::1", "10.0.0.0/8", "fd00::/8",
                                                  " 127.0.0.1 "}
                                   << true;
        QTest::newRow("wildcard") << QStringList{"*"} << true;
        QTest::newRow("blank lines skipped") << QStringList{"", "  ", "a.example"} << true;
        QTest::newRow("idn") << QStringList{"bücher.example"} << true;
        QTest::newRow("bad range") << QStringList{"10.0.0.0/33"} << false;
        QTest::newRow("junk range") << QStringList{"foo/8"} << false;
        QTest::newRow("space inside") << QStringList{"a b.example"} << false;
        QTest::newRow("url instead of host") << QStringList{"http://a.example"} << false;
        QTest::newRow("bare *.") << QStringList{"*."} << false;
        QTest::newRow("port") << QStringList{"a.example:8080"} << false;
    }

    void entries() {
        QFETCH(QStringList, entries);
        QFETCH(bool, valid);
        const Result<StreamAllowList> list = StreamAllowList::fromEntries(entries);
        QCOMPARE(list.ok(), valid);
        if (!valid) {
            QCOMPARE(list.error().code, QStringLiteral("bad-allow-entry"));
            QVERIFY(!list.error().hint.isEmpty());
        }
    }

    void withoutLookup_data() {
        QTest::addColumn<QStringList>("entries");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("verdict");
        const QStringList media{"media.example", "*.cdn.example", "203.0.113.0/24", "127.0.0.1"};
        QTest::newRow("allowed name needs lookup") << media << "http://media.example:8080/live/a.m3u8"
                                                   << "lookup";
        QTest::newRow("name case and dot") << media << "http://MEDIA.example./x"
                                           << "lookup";
        QTest::newRow("subdomain") << media << "https://a.b.cdn.example/x"
                                   << "lookup";
        QTest::newRow("domain itself is not a subdomain") << media << "https://cdn.example/x"
                                                          << "host-not-allowed";
        QTest::newRow("suffix lookalike") << media << "https://evilcdn.example/x"
                                          << "host-not-allowed";
        QTest::newRow("other name") << media << "http://other.example/x"
                                    << "host-not-allowed";
        QTest::newRow("ip in range") << media << "http://203.0.113.77/x"
                                     << "ok";
        QTest::newRow("ip outside range") << media << "http://198.51.100.1/x"
                                          << "host-not-allowed";
        QTest::newRow("allowed loopback ip") << media << "http://127.0.0.1:8080/x"
                                             << "ok";
        QTest::newRow("other loopback ip") << media << "http://127.0.0.2/x"
                                           << "host-not-allowed";
        QTest::newRow("ipv6 loopback") << media << "http://[::1]/x"
                                       << "host-not-allowed";
        QTest::newRow("mapped allowed ip") << media << "http://[::ffff:127.0.0.1]/x"
                                           << "ok";
        QTest::newRow("metadata") << media << "http://169.254.169.254/latest/meta-data/"
                                  << "host-not-allowed";
        QTest::newRow("file") << media << "file:///etc/passwd"
                              << "not-http";
        QTest::newRow("gopher") << media << "gopher://127.0.0.1/"
                                << "not-http";
        QTest::newRow("empty list") << QStringList{} << "http://media.example/x"
                                    << "host-not-allowed";

        const QStringList any{"*"};
        QTest::newRow("* public ip") << any << "http://8.8.8.8/x"
                                     << "ok";
        QTest::newRow("* loopback ip") << any << "http://127.0.0.1/x"
                                       << "address-not-allowed";
        QTest::newRow("* private ip") << any << "http://10.0.0.1/x"
                                      << "address-not-allowed";
        QTest::newRow("* link-local") << any << "http://169.254.169.254/x"
                                      << "address-not-allowed";
        QTest::newRow("* ula") << any << "http://[fd00::1]/x"
                               << "address-not-allowed";
        QTest::newRow("* unspecified") << any << "http://0.0.0.0:8080/x"
                                       << "address-not-allowed";
        QTest::newRow("* multicast") << any << "http://224.0.0.1/x"
                                     << "address-not-allowed";
        QTest::newRow("* any name") << any << "http://anything.example/x"
                                    << "lookup";
        QTest::newRow("* private allowed by range") << QStringList{"*", "10.0.0.0/8"} << "http://10.9.8.7/x"
                                                    << "ok";
    }

    void withoutLookup() {
        QFETCH(QStringList, entries);
        QFETCH(QString, url);
        QFETCH(QString, verdict);
        const Result<StreamAllowList> list = StreamAllowList::fromEntries(entries);
        QVERIFY(list.ok());
        QCOMPARE(verdictOf(list->checkWithoutLookup(QUrl(url))), verdict);
    }

    void refusalSaysLittle() {
        const StreamAllowList list = *StreamAllowList::fromEntries({QStringLiteral("*")});
        const std::optional<Status> verdict =
            list.checkWithoutLookup(QUrl(QStringLiteral("http://10.1.1.1/x")));
        QVERIFY(verdict && !verdict->ok());
        QCOMPARE(verdict->error().message, QStringLiteral("host not allowed"));
        QVERIFY(verdict->error().hint.contains(QStringLiteral("private")));
    }

    // DNS rebinding: an allowed name is only as good as every address it resolves to.
    void resolvedAddresses() {
        const StreamAllowList list =
            *StreamAllowList::fromEntries({QStringLiteral("media.example"), QStringLiteral("10.5.0.0/16")});
        const QString host = QStringLiteral("media.example");
        QCOMPARE(list.checkAddresses(host, {QHostAddress(QStringLiteral("203.0.113.5"))}), Status());
        const Status inward = list.checkAddresses(host, {QHostAddress(QStringLiteral("203.0.113.5")),
                                                         QHostAddress(QStringLiteral("192.168.0.10"))});
        QVERIFY(!inward.ok());
        QCOMPARE(inward.error().code, QStringLiteral("address-not-allowed"));
        QVERIFY(inward.error().hint.contains(QStringLiteral("192.168.0.10")));
        QCOMPARE(list.checkAddresses(host, {QHostAddress(QStringLiteral("10.5.1.2"))}), Status());
        QCOMPARE(list.checkAddresses(host, {QHostAddress(QStringLiteral("169.254.169.254"))}).error().code,
                 QStringLiteral("address-not-allowed"));
        QCOMPARE(list.checkAddresses(host, {QHostAddress(QStringLiteral("::ffff:127.0.0.1"))}).error().code,
                 QStringLiteral("address-not-allowed"));
        QCOMPARE(list.checkAddresses(host, {}).error().code, QStringLiteral("host-unresolved"));
    }

    // Real resolution: localhost resolves to loopback addresses, which a name entry alone does not allow.
    void lookups_data() {
        QTest::addColumn<QStringList>("entries");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("verdict");
        QTest::newRow("localhost by name only") << QStringList{"localhost"} << "http://localhost:8080/x"
                                                << "address-not-allowed";
        QTest::newRow("localhost by * ") << QStringList{"*"} << "http://localhost/x"
                                         << "address-not-allowed";
        QTest::newRow("localhost with its addresses")
            << QStringList{"localhost", "127.0.0.0/8", "::1"} << "http://localhost:8080/x"
            << "ok";
        QTest::newRow("does not resolve") << QStringList{"*.invalid"} << "http://no-such-host.invalid/x"
                                          << "host-unresolved";
        QTest::newRow("literal, no lookup") << QStringList{"127.0.0.1"} << "http://127.0.0.1/x"
                                            << "ok";
        QTest::newRow("name not listed") << QStringList{"127.0.0.1"} << "http://localhost/x"
                                         << "host-not-allowed";
        // Numeric host spellings resolve to what they mean, and are judged by that.
        QTest::newRow("decimal loopback") << QStringList{"*"} << "http://2130706433/x"
                                          << "address-not-allowed";
    }

    void lookups() {
        QFETCH(QStringList, entries);
        QFETCH(QString, url);
        QFETCH(QString, verdict);
        const Result<StreamAllowList> list = StreamAllowList::fromEntries(entries);
        QVERIFY(list.ok());
        QCOMPARE(checkAndWait(*list, QUrl(url)), verdict);
    }

    void immediateVerdictIsSynchronous() {
        const StreamAllowList list = *StreamAllowList::fromEntries({QStringLiteral("127.0.0.1")});
        QObject context;
        bool called = false;
        list.check(QUrl(QStringLiteral("http://127.0.0.1/x")), 1000, &context, [&called](Status verdict) {
            called = true;
            QVERIFY(verdict.ok());
        });
        QVERIFY(called);
    }

    void nothingRunsAfterTheContextIsGone() {
        const StreamAllowList list = *StreamAllowList::fromEntries({QStringLiteral("*")});
        bool called = false;
        {
            QObject context;
            list.check(QUrl(QStringLiteral("http://localhost/x")), 200, &context,
                       [&called](Status) { called = true; });
        }
        QTest::qWait(500);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestStreamAllowList)
#include "tst_streamallowlist.moc"
