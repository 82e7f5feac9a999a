#include "commandline.h"

#include <QTest>

using namespace avld;

class TestCommandLine : public QObject {
    Q_OBJECT
private:
    QList<HeadlessCommand> m_commands{
        {QStringLiteral("grab"), QStringLiteral("Grab a frame."), [](const QStringList&) { return 0; }},
        {QStringLiteral("check"), QStringLiteral("Check a site."), [](const QStringList&) { return 0; }},
    };

private Q_SLOTS:
    void parse_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("textContains");
        QTest::addColumn<QStringList>("commandArguments");

        const auto prog = QStringLiteral("avideo-live-doctor");
        using K = CommandLineAction::Kind;
        QTest::newRow("no arguments opens the GUI")
            << QStringList{prog} << int(K::RunGui) << 0 << QString() << QStringList();
        QTest::newRow("--version") << QStringList{prog, QStringLiteral("--version")} << int(K::Print) << 0
                                   << QStringLiteral("avideo-live-doctor 0.") << QStringList();
        QTest::newRow("-v") << QStringList{prog, QStringLiteral("-v")} << int(K::Print) << 0
                            << QStringLiteral("avideo-live-doctor 0.") << QStringList();
        QTest::newRow("--help lists commands")
            << QStringList{prog, QStringLiteral("--help")} << int(K::Print) << 0
            << QStringLiteral("grab          Grab a frame.") << QStringList();
        QTest::newRow("help names the program")
            << QStringList{prog, QStringLiteral("-h")} << int(K::Print) << 0
            << QStringLiteral("Usage: avideo-live-doctor") << QStringList();
        QTest::newRow("unknown option")
            << QStringList{prog, QStringLiteral("--frobnicate")} << int(K::Print) << ExitCode::Usage
            << QStringLiteral("Unknown option 'frobnicate'") << QStringList();
        QTest::newRow("unknown command")
            << QStringList{prog, QStringLiteral("serve-coffee")} << int(K::Print) << ExitCode::Usage
            << QStringLiteral("unknown command 'serve-coffee' (known: grab, check)") << QStringList();
        QTest::newRow("command with its options")
            << QStringList{prog, QStringLiteral("grab"), QStringLiteral("http://x/a.m3u8"),
                           QStringLiteral("-o"), QStringLiteral("a.jpg")}
            << int(K::RunCommand) << 0 << QString()
            << QStringList{QStringLiteral("grab"), QStringLiteral("http://x/a.m3u8"), QStringLiteral("-o"),
                           QStringLiteral("a.jpg")};
        QTest::newRow("command --help goes to the command")
            << QStringList{prog, QStringLiteral("check"), QStringLiteral("--help")} << int(K::RunCommand) << 0
            << QString() << QStringList{QStringLiteral("check"), QStringLiteral("--help")};
    }

    void parse() {
        QFETCH(QStringList, arguments);
        QFETCH(int, kind);
        QFETCH(int, exitCode);
        QFETCH(QString, textContains);
        QFETCH(QStringList, commandArguments);

        const CommandLineAction action = parseCommandLine(arguments, m_commands);
        QCOMPARE(int(action.kind), kind);
        QCOMPARE(action.exitCode, exitCode);
        QVERIFY2(action.text.contains(textContains), qPrintable(action.text));
        QCOMPARE(action.toStandardError, exitCode != 0);
        if (action.kind == CommandLineAction::Kind::RunCommand) {
            QVERIFY(action.command);
            QCOMPARE(action.command->name, commandArguments.first());
            QCOMPARE(action.commandArguments, commandArguments);
        }
    }

    void noCommandsYetSaysSo() {
        const CommandLineAction action = parseCommandLine({QStringLiteral("p"), QStringLiteral("grab")}, {});
        QCOMPARE(action.exitCode, ExitCode::Usage);
        QVERIFY(action.text.contains(QStringLiteral("no headless commands")));
        QVERIFY(action.text.contains(QStringLiteral("--help")));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
