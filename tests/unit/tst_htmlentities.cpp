#include "common/htmlentities.h"

#include <QTest>

using namespace avld;

// Character references as a site sends them in titles and messages, decoded without Qt Gui.
class TestHtmlEntities : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decodes_data() {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no reference") << QStringLiteral("Alice live") << QStringLiteral("Alice live");
        QTest::newRow("the XML five")
            << QStringLiteral("&amp;&lt;&gt;&quot;&apos;") << QStringLiteral("&<>\"'");
        QTest::newRow("HTML 4 names") << QStringLiteral("&eacute;t&eacute; &euro;5 &thetasym; &hearts;")
                                      << QStringLiteral("été €5 ϑ ♥");
        QTest::newRow("zwnj and nbsp")
            << QStringLiteral("&zwnj;a&nbsp;b") << QStringLiteral("\u200Ca\u00A0b");
        QTest::newRow("decimal") << QStringLiteral("&#233;&#0233;") << QStringLiteral("éé");
        QTest::newRow("hex either case") << QStringLiteral("&#x263A;&#X263a;") << QStringLiteral("☺☺");
        QTest::newRow("beyond the BMP") << QStringLiteral("&#x1F3A5;") << QString::fromUcs4(U"\U0001F3A5");
        QTest::newRow("a control character stays for the caller")
            << QStringLiteral("&#27;[2J") << (QChar(0x1b) + QStringLiteral("[2J"));
        QTest::newRow("no character: zero, surrogate, too large")
            << QStringLiteral("&#0;&#xD800;&#x110000;&#99999999999999999999;")
            << QStringLiteral("\uFFFD\uFFFD\uFFFD\uFFFD");
        QTest::newRow("a bare ampersand") << QStringLiteral("Q&A, AT&T") << QStringLiteral("Q&A, AT&T");
        QTest::newRow("no semicolon, not decoded")
            << QStringLiteral("&amp &eacute x") << QStringLiteral("&amp &eacute x");
        QTest::newRow("unknown name") << QStringLiteral("&bogus; &Amp;") << QStringLiteral("&bogus; &Amp;");
        QTest::newRow("empty references") << QStringLiteral("&; &#; &#x;") << QStringLiteral("&; &#; &#x;");
        QTest::newRow("not digits") << QStringLiteral("&#12a; &#xZZ;") << QStringLiteral("&#12a; &#xZZ;");
        QTest::newRow("a very long name") << QStringLiteral("&abcdefghijklmnopqrstuvwxyz;")
                                          << QStringLiteral("&abcdefghijklmnopqrstuvwxyz;");
        QTest::newRow("non-ASCII name") << QStringLiteral("&é; &#١٢;") << QStringLiteral("&é; &#١٢;");
        QTest::newRow("double-encoded once only") << QStringLiteral("&amp;lt;") << QStringLiteral("&lt;");
        QTest::newRow("at the very end") << QStringLiteral("a &amp") << QStringLiteral("a &amp");
        QTest::newRow("only an ampersand") << QStringLiteral("&") << QStringLiteral("&");
        QTest::newRow("empty") << QString() << QString();
    }

    void decodes() {
        QFETCH(QString, html);
        QFETCH(QString, expected);
        QCOMPARE(decodeHtmlEntities(html), expected);
    }
};

QTEST_GUILESS_MAIN(TestHtmlEntities)
#include "tst_htmlentities.moc"
