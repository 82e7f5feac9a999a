#include "terminaltext.h"

#include <QTest>

using namespace avld;

// Issue 15, item 6: live titles and server messages reached the terminal as they came (clear-screen,
// window title, colours).
class TestTerminalText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void strips_data() {
        QTest::addColumn<QString>("remote");
        QTest::addColumn<QString>("printed");
        const QString esc(QChar(0x1b));
        QTest::newRow("plain") << QStringLiteral("Morning show") << QStringLiteral("Morning show");
        QTest::newRow("accents and CJK stay")
            << QStringLiteral("Café 直播 ✓") << QStringLiteral("Café 直播 ✓");
        QTest::newRow("clear screen")
            << esc + QStringLiteral("[2J") + esc + QStringLiteral("[HCam") << QStringLiteral("Cam");
        QTest::newRow("colours") << esc + QStringLiteral("[1;31mRED") + esc + QStringLiteral("[0m")
                                 << QStringLiteral("RED");
        QTest::newRow("window title, BEL")
            << esc + QStringLiteral("]0;pwned") + QChar(0x07) + QStringLiteral("Cam")
            << QStringLiteral("Cam");
        QTest::newRow("window title, ST")
            << esc + QStringLiteral("]2;pwned") + esc + QStringLiteral("\\Cam") << QStringLiteral("Cam");
        QTest::newRow("hyperlink") << esc + QStringLiteral("]8;;http://evil/") + esc +
                                          QStringLiteral("\\click") + esc + QStringLiteral("]8;;") + esc +
                                          QStringLiteral("\\")
                                   << QStringLiteral("click");
        QTest::newRow("DCS") << esc + QStringLiteral("Pq#0;2;0;0;0") + esc + QStringLiteral("\\ok")
                             << QStringLiteral("ok");
        QTest::newRow("reset") << esc + QStringLiteral("c ok") << QStringLiteral(" ok");
        QTest::newRow("charset") << esc + QStringLiteral("(0ok") << QStringLiteral("ok");
        QTest::newRow("C1 CSI") << QChar(0x9b) + QStringLiteral("31mok") << QStringLiteral("ok");
        QTest::newRow("carriage return overwrite")
            << QStringLiteral("safe\rEVIL") << QStringLiteral("safeEVIL");
        QTest::newRow("backspace, DEL, NUL")
            << QStringLiteral("a\bb") + QChar(0x7f) + QChar(0) + QStringLiteral("c") << QStringLiteral("abc");
        QTest::newRow("tab and newline kept") << QStringLiteral("a\tb\nc") << QStringLiteral("a\tb\nc");
        QTest::newRow("bidi override")
            << QStringLiteral("abc") + QChar(0x202e) + QStringLiteral("fed") << QStringLiteral("abcfed");
        QTest::newRow("unterminated OSC")
            << QStringLiteral("ok") + esc + QStringLiteral("]0;never ends") << QStringLiteral("ok");
        QTest::newRow("lone ESC at the end") << QStringLiteral("ok") + esc << QStringLiteral("ok");
    }
    void strips() {
        QFETCH(QString, remote);
        QFETCH(QString, printed);
        QCOMPARE(terminalSafe(remote), printed);
    }

    void safePrintableIsLikeQPrintable() {
        const QString title = QStringLiteral("\x1b[2JCam");
        QCOMPARE(QByteArray(safePrintable(title)), QByteArray("Cam"));
    }
};

QTEST_GUILESS_MAIN(TestTerminalText)
#include "tst_terminaltext.moc"
