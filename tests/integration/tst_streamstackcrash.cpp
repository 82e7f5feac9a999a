#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
// Alive means running: a killed child that nobody has reaped yet (a zombie) counts as gone.
bool isRunning(pid_t pid) {
    if (::kill(pid, 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype afterName = line.lastIndexOf(')');
    return afterName < 0 || line.mid(afterName + 2, 1) != "Z";
}
} // namespace

// When the process that owns a stream stack dies without cleaning up (a crashed or killed test),
// its nginx and ffmpeg children must die with it.
class TestStreamStackCrash : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void childrenDieWithTheirOwner() {
        QTemporaryDir dir;
        const QString info = dir.filePath(QStringLiteral("info.json"));
        QProcess tool;
        tool.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        tool.start(QStringLiteral(AVLD_STREAM_STACK_TOOL),
                   {QStringLiteral("--streams"), QStringLiteral("2"), QStringLiteral("--size"),
                    QStringLiteral("320x180"), QStringLiteral("--info"), info});
        QVERIFY(tool.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(info) && QFile(info).size() > 0, 40000);

        QFile file(info);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
        QList<pid_t> children{pid_t(doc.value(QStringLiteral("nginxPid")).toInteger())};
        for (const QJsonValue& s : doc.value(QStringLiteral("streams")).toArray())
            children << pid_t(s.toObject().value(QStringLiteral("pid")).toInteger());
        QCOMPARE(children.size(), 3);
        for (pid_t pid : children)
            QVERIFY2(pid > 0 && isRunning(pid), qPrintable(QString::number(pid)));

        ::kill(pid_t(tool.processId()), SIGKILL);
        QVERIFY(tool.waitForFinished(5000));

        for (pid_t pid : children)
            QTRY_VERIFY_WITH_TIMEOUT(!isRunning(pid), 5000);
    }
};

QTEST_GUILESS_MAIN(TestStreamStackCrash)
#include "tst_streamstackcrash.moc"
