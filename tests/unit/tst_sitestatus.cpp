#include "site/sitestatus.h"

#include <QTest>

using namespace avld;

// objects/status.json.php as sites send it, and as a broken or hostile one might.
class TestSiteStatus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reads_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("version"); // empty: refused
        QTest::addColumn<QString>("title");
        QTest::newRow("11.7") << QByteArray(R"({"version":"11.7","webSiteTitle":"My TV","PHPSESSID":"abc"})")
                              << QStringLiteral("11.7") << QStringLiteral("My TV");
        QTest::newRow("a number") << QByteArray(R"({"version":12.4})") << QStringLiteral("12.4") << QString();
        QTest::newRow("markup and escapes are cleaned")
            << QByteArray(
                   "{\"version\":\"<b>14.4</b>\\u001b[2J\",\"webSiteTitle\":\"&zwnj;Caf\\u00e9 <i>TV</i>\"}")
            << QStringLiteral("14.4") << QStringLiteral("Café TV");
        QTest::newRow("no version") << QByteArray(R"({"webSiteTitle":"x"})") << QString() << QString();
        QTest::newRow("not an object") << QByteArray("[1,2]") << QString() << QString();
        QTest::newRow("a novel for a version")
            << QByteArray("{\"version\":\"" + QByteArray(500, 'x') + "\"}") << QString() << QString();
    }
    void reads() {
        QFETCH(QByteArray, body);
        QFETCH(QString, version);
        QFETCH(QString, title);
        const Result<SiteStatus> status = SiteStatus::fromJson(QJsonDocument::fromJson(body));
        if (version.isEmpty()) {
            QVERIFY(!status.ok());
            QCOMPARE(status.error().code, QStringLiteral("bad-answer"));
            return;
        }
        QVERIFY(status.ok());
        QCOMPARE(status->version, version);
        QCOMPARE(status->title, title);
    }
};

QTEST_GUILESS_MAIN(TestSiteStatus)
#include "tst_sitestatus.moc"
