#include "plural.h"

#include <QTest>

using namespace avld;

// Counts in the words an admin reads: "1 live", "3 lives", "1 of 2 lives" — never "live(s)".
class TestPlural : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countOfAgrees_data() {
        QTest::addColumn<qint64>("count");
        QTest::addColumn<QString>("expected");
        QTest::newRow("none") << qint64(0) << QStringLiteral("0 lives");
        QTest::newRow("one") << qint64(1) << QStringLiteral("1 live");
        QTest::newRow("many") << qint64(3) << QStringLiteral("3 lives");
        QTest::newRow("negative one") << qint64(-1) << QStringLiteral("-1 lives");
    }
    void countOfAgrees() {
        QFETCH(qint64, count);
        QFETCH(QString, expected);
        QCOMPARE(countOf(count, QStringLiteral("live"), QStringLiteral("lives")), expected);
    }

    void partOfAgreesWithTheTotal_data() {
        QTest::addColumn<qint64>("part");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<QString>("expected");
        QTest::newRow("1 of 1") << qint64(1) << qint64(1) << QStringLiteral("1 of 1 live");
        QTest::newRow("1 of 2") << qint64(1) << qint64(2) << QStringLiteral("1 of 2 lives");
        QTest::newRow("0 of 1") << qint64(0) << qint64(1) << QStringLiteral("0 of 1 live");
    }
    void partOfAgreesWithTheTotal() {
        QFETCH(qint64, part);
        QFETCH(qint64, total);
        QFETCH(QString, expected);
        QCOMPARE(partOf(part, total, QStringLiteral("live"), QStringLiteral("lives")), expected);
    }
};

QTEST_GUILESS_MAIN(TestPlural)
#include "tst_plural.moc"
