#include "commandline.h"

#include <QScopeGuard>
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

    // avideo-live-doctor-nox: the same commands, its own name; no command is a usage error that names the
    // program with the window and lists what this one can do.
    void headlessBuildHasNoWindow_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("textContains");

        const auto prog = QStringLiteral("avideo-live-doctor-nox");
        using K = CommandLineAction::Kind;
        QTest::newRow("no arguments")
            << QStringList{prog} << int(K::Print) << ExitCode::Usage
            << QStringList{
                   QStringLiteral("avideo-live-doctor-nox: no command given. This build has no window"),
                   QStringLiteral("the desktop window is in avideo-live-doctor."),
                   QStringLiteral("run 'avideo-live-doctor-nox COMMAND --help'"),
                   QStringLiteral("grab          Grab a frame."),
                   QStringLiteral("check         Check a site."),
                   QStringLiteral("Run 'avideo-live-doctor-nox --help'")};
        QTest::newRow("--version") << QStringList{prog, QStringLiteral("--version")} << int(K::Print) << 0
                                   << QStringList{QStringLiteral("avideo-live-doctor-nox 0.")};
        QTest::newRow("--help") << QStringList{prog, QStringLiteral("--help")} << int(K::Print) << 0
                                << QStringList{
                                       QStringLiteral("Usage: avideo-live-doctor-nox [options] command "
                                                      "[arguments]"),
                                       QStringLiteral("This build has no window"),
                                       QStringLiteral("grab          Grab a frame.")};
        QTest::newRow("unknown command")
            << QStringList{prog, QStringLiteral("serve-coffee")} << int(K::Print) << ExitCode::Usage
            << QStringList{QStringLiteral("avideo-live-doctor-nox: unknown command 'serve-coffee'")};
        QTest::newRow("command") << QStringList{prog, QStringLiteral("grab"), QStringLiteral("x")}
                                 << int(K::RunCommand) << 0 << QStringList();
    }
    void headlessBuildHasNoWindow() {
        QFETCH(QStringList, arguments);
        QFETCH(int, kind);
        QFETCH(int, exitCode);
        QFETCH(QStringList, textContains);

        setBuild(Build::Headless);
        const auto restore = qScopeGuard([] { setBuild(Build::WithWindow); });
        QCOMPARE(programName(), QStringLiteral("avideo-live-doctor-nox"));
        const CommandLineAction action = parseCommandLine(arguments, m_commands);
        QCOMPARE(int(action.kind), kind);
        QCOMPARE(action.exitCode, exitCode);
        QCOMPARE(action.toStandardError, exitCode != 0);
        for (const QString& text : textContains)
            QVERIFY2(action.text.contains(text), qPrintable(action.text));
        QVERIFY2(!action.text.contains(QStringLiteral("opens the desktop window")), qPrintable(action.text));
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
