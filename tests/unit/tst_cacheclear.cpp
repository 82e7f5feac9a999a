#include "site/cacheclear.h"

#include <QTest>

using namespace avld;

class TestCacheClear : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void answers_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("errorCode");
        QTest::addColumn<QString>("describes");

        QTest::newRow("admin full")
            << int(CacheClearMode::Full)
            << QByteArray(
                   R"({"error":false,"msg":"","clearCache":true,"deleteALLCache":true,"deleteAllSessionCache":true})")
            << QString() << QStringLiteral("the site cache");
        QTest::newRow("admin first page")
            << int(CacheClearMode::FirstPage)
            << QByteArray(
                   R"({"error":false,"clearCache":false,"deleteALLCache":false,"deleteAllSessionCache":false,"firstPageCache":true})")
            << QString() << QStringLiteral("first-page");
        QTest::newRow("no permission: only the session")
            << int(CacheClearMode::Full)
            << QByteArray(
                   R"({"error":false,"msg":"","clearCache":false,"deleteALLCache":false,"deleteAllSessionCache":true})")
            << QStringLiteral("permission-denied") << QString();
        QTest::newRow("session asked and done")
            << int(CacheClearMode::SessionOnly)
            << QByteArray(R"({"error":false,"deleteAllSessionCache":true})") << QString()
            << QStringLiteral("session cache");
        QTest::newRow("site error") << int(CacheClearMode::Full)
                                    << QByteArray(R"({"error":true,"msg":"locked"})")
                                    << QStringLiteral("site-error") << QString();
        QTest::newRow("not AVideo's answer") << int(CacheClearMode::Full) << QByteArray(R"({"ok":1})")
                                             << QStringLiteral("bad-answer") << QString();
    }

    void answers() {
        QFETCH(int, mode);
        QFETCH(QByteArray, json);
        QFETCH(QString, errorCode);
        QFETCH(QString, describes);
        const auto report = CacheClearReport::fromJson(QJsonDocument::fromJson(json), CacheClearMode(mode));
        QCOMPARE(report.ok() ? QString() : report.error().code, errorCode);
        if (report.ok())
            QVERIFY2(report->describe().contains(describes), qPrintable(report->describe()));
        if (errorCode == QStringLiteral("permission-denied"))
            QVERIFY(report.error().message.contains(QStringLiteral("only your session cache")));
    }
};

QTEST_GUILESS_MAIN(TestCacheClear)
#include "tst_cacheclear.moc"
