#include "remotetext.h"

#include <QTest>

using namespace avld;

// Text a remote site sends, made safe for a terminal and a window: every row is something a site could put in
// a live title, a user name or a message.
class TestRemoteText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleans_data() {
        QTest::addColumn<QString>("remote");
        QTest::addColumn<QString>("expected");
        const QChar esc(0x1b);
        const QChar bel(0x07);
        QTest::newRow("plain") << QStringLiteral("Alice live") << QStringLiteral("Alice live");
        QTest::newRow("AVideo 11.7's leading zwnj entity")
            << QStringLiteral("&zwnj;Alice live") << QStringLiteral("Alice live");
        QTest::newRow("zwnj as a character")
            << QStringLiteral("\u200CAlice live") << QStringLiteral("Alice live");
        QTest::newRow("private live decoration")
            << QStringLiteral(" <i class=\"fas fa-eye-slash\"></i> &zwnj;Alice live")
            << QStringLiteral("Alice live");
        QTest::newRow("entities") << QStringLiteral(
                                         "Tom &amp; Jerry &lt;3 &quot;live&quot; &#233;t&eacute; &#x263A;")
                                  << QStringLiteral("Tom & Jerry <3 \"live\" été ☺");
        QTest::newRow("a bare ampersand") << QStringLiteral("Q&A live") << QStringLiteral("Q&A live");
        QTest::newRow("tags") << QStringLiteral("<b>Big</b> <span style='color:red'>show</span>")
                              << QStringLiteral("Big show");
        QTest::newRow("script body") << QStringLiteral(
                                            "Show<script>alert('x')</script> time<style>b{}</style>")
                                     << QStringLiteral("Show time");
        QTest::newRow("zero-width and bidi controls")
            << QStringLiteral("A\u200Bl\u200Di\u2060c\uFEFFe \u202Eevil\u202C \u2066x\u2069\u00AD")
            << QStringLiteral("Alice evil x");
        QTest::newRow("tag characters beyond the BMP")
            << (QStringLiteral("flag") + QString::fromUcs4(U"\U000E0067\U000E0062"))
            << QStringLiteral("flag");
        QTest::newRow("C0 and C1 controls")
            << QStringLiteral("a\u0001b\u0008c\u007Fd\u0085e\u0090f") << QStringLiteral("abcd e");
        QTest::newRow("clear screen (CSI)")
            << (esc + QStringLiteral("[2J") + esc + QStringLiteral("[HHacked")) << QStringLiteral("Hacked");
        QTest::newRow("colours (CSI SGR)")
            << (esc + QStringLiteral("[1;31mRED") + esc + QStringLiteral("[0m live"))
            << QStringLiteral("RED live");
        QTest::newRow("window title (OSC ended by BEL)")
            << (QStringLiteral("a") + esc + QStringLiteral("]0;pwned") + bel + QStringLiteral("b"))
            << QStringLiteral("ab");
        QTest::newRow("hyperlink (OSC ended by ST)")
            << (esc + QStringLiteral("]8;;http://evil/") + esc + QStringLiteral("\\click") + esc +
                QStringLiteral("]8;;") + esc + QStringLiteral("\\"))
            << QStringLiteral("click");
        QTest::newRow("8-bit CSI and OSC")
            << QStringLiteral("x\u009B2Jy\u009D0;t\u009Cz") << QStringLiteral("xyz");
        QTest::newRow("DCS") << (esc + QStringLiteral("Pq#0;2;0;0;0") + esc + QStringLiteral("\\ok"))
                             << QStringLiteral("ok");
        QTest::newRow("two-character escape (reset)")
            << (esc + QStringLiteral("cReset")) << QStringLiteral("Reset");
        QTest::newRow("escape as an entity")
            << QStringLiteral("&#27;[2JHidden&#x1b;]0;t&#7;") << QStringLiteral("Hidden");
        QTest::newRow("unterminated OSC eats the rest")
            << (QStringLiteral("ok") + esc + QStringLiteral("]0;never ending")) << QStringLiteral("ok");
        QTest::newRow("whitespace collapsed")
            << QStringLiteral("  Alice\t\n\r live \u00A0 &nbsp; <br>now\u2029 ")
            << QStringLiteral("Alice live now");
        QTest::newRow("emoji and CJK kept") << QStringLiteral("直播 🎥 live") << QStringLiteral("直播 🎥 live");
        QTest::newRow("only invisible") << QStringLiteral("&zwnj;\u200B") << QString();
        QTest::newRow("empty") << QString() << QString();
        // Qt's HTML reader asks the font database for a fixed-pitch font for these, which crashes a process
        // without a QGuiApplication (the headless commands): found by fuzz_sitestatus in a site's title.
        QTest::newRow("tt") << QStringLiteral("<tt>Live</tt> now") << QStringLiteral("Live now");
        QTest::newRow("code") << QStringLiteral("<CODE>x = 1</CODE>") << QStringLiteral("x = 1");
        QTest::newRow("pre") << QStringLiteral("<pre class=a>Live\n</pre>") << QStringLiteral("Live");
        QTest::newRow("kbd and samp")
            << QStringLiteral("<kbd>Ctrl</kbd>+<samp>C</samp>") << QStringLiteral("Ctrl+C");
        QTest::newRow("an unclosed tag is text") << QStringLiteral("<Tt") << QStringLiteral("<Tt");
        QTest::newRow("a comparison") << QStringLiteral("3 < 4 & 5 > 2") << QStringLiteral("3 < 4 & 5 > 2");
        QTest::newRow("a comment") << QStringLiteral("Live<!-- <tt>x</tt> --> now")
                                   << QStringLiteral("Live now");
        QTest::newRow("an escaped tag stays text")
            << QStringLiteral("&lt;tt&gt;Live") << QStringLiteral("<tt>Live");
    }

    void cleans() {
        QFETCH(QString, remote);
        QFETCH(QString, expected);
        QCOMPARE(RemoteText::clean(remote), expected);
    }

    void nothingUnsafeSurvives() {
        QString hostile;
        for (char16_t c = 0; c < 0x100; ++c)
            hostile += QChar(c);
        hostile += QStringLiteral("&#27;&#155;&#x9d;&zwnj;&#8203;");
        const QString cleaned = RemoteText::clean(hostile);
        for (const QChar c : cleaned) {
            QVERIFY2(c.unicode() >= 0x20 && (c.unicode() < 0x7f || c.unicode() > 0x9f),
                     qPrintable(QStringLiteral("U+%1 survived").arg(c.unicode(), 4, 16, QLatin1Char('0'))));
            QVERIFY(c.category() != QChar::Other_Format);
        }
    }

    void longInputIsCut() {
        const QString title = QString(RemoteText::kMaxInput * 4, QLatin1Char('a'));
        QCOMPARE(RemoteText::clean(title).size(), RemoteText::kMaxInput);
    }

    void utf8Bytes() {
        QCOMPARE(RemoteText::clean(QByteArray("&zwnj;Caf\xc3\xa9 \x1b[31mlive")),
                 QStringLiteral("Café live"));
    }
};

QTEST_GUILESS_MAIN(TestRemoteText)
#include "tst_remotetext.moc"
