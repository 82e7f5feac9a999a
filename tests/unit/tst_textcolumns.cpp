#include "textcolumns.h"

#include <QTest>

using namespace avld;

class TestTextColumns : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void widths_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("cells");
        QTest::newRow("ascii") << QStringLiteral("Alice live") << 10;
        QTest::newRow("accented") << QStringLiteral("été") << 3;
        QTest::newRow("combining mark") << QStringLiteral("e\u0301te\u0301") << 3;
        QTest::newRow("CJK") << QStringLiteral("直播") << 4;
        QTest::newRow("emoji") << QStringLiteral("🎥 on") << 5;
        QTest::newRow("empty") << QString() << 0;
    }
    void widths() {
        QFETCH(QString, text);
        QFETCH(int, cells);
        QCOMPARE(TextColumns::width(text), cells);
    }

    void fits_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("columns");
        QTest::addColumn<QString>("expected");
        QTest::newRow("short, padded") << QStringLiteral("Alice") << 8 << QStringLiteral("Alice   ");
        QTest::newRow("exact") << QStringLiteral("Alice") << 5 << QStringLiteral("Alice");
        QTest::newRow("long, elided")
            << QStringLiteral("A very long live title indeed") << 10 << QStringLiteral("A very lo…");
        QTest::newRow("elided at a space")
            << QStringLiteral("Morning show today") << 9 << QStringLiteral("Morning… ");
        QTest::newRow("never half a wide character")
            << QStringLiteral("直播直播直播") << 6 << QStringLiteral("直播… ");
    }
    void fits() {
        QFETCH(QString, text);
        QFETCH(int, columns);
        QFETCH(QString, expected);
        const QString fitted = TextColumns::fit(text, columns);
        QCOMPARE(fitted, expected);
        QCOMPARE(TextColumns::width(fitted), columns);
    }
};

QTEST_GUILESS_MAIN(TestTextColumns)
#include "tst_textcolumns.moc"
