// What a realsite test learns from the fixture's info file, and what it says when there is none.

#include "realsiteinfo.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace avld::test;

class TestRealsiteInfo : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void missing_data();
    void missing();
    void loadsEveryField();
    void ppidStandsForTheParent();

private:
    static void write(const QString& path, const QByteArray& bytes);
    static QJsonObject sample();
};

void TestRealsiteInfo::write(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QJsonObject TestRealsiteInfo::sample() {
    return QJsonObject{
        {QStringLiteral("siteUrl"), QStringLiteral("http://127.0.0.1:4000/")},
        {QStringLiteral("admin"), QJsonObject{{QStringLiteral("user"), QStringLiteral("admin")},
                                              {QStringLiteral("password"), QStringLiteral("a1")}}},
        {QStringLiteral("streamer"), QJsonObject{{QStringLiteral("user"), QStringLiteral("streamer")},
                                                 {QStringLiteral("password"), QStringLiteral("s1")},
                                                 {QStringLiteral("channel"), QStringLiteral("Streamer")},
                                                 {QStringLiteral("usersId"), 2},
                                                 {QStringLiteral("key"), QStringLiteral("abc-1")},
                                                 {QStringLiteral("transmissionKey"), QStringLiteral("abc")}}},
        {QStringLiteral("hlsUrl"), QStringLiteral("http://127.0.0.1:4001/live/abc-1/index.m3u8")},
        {QStringLiteral("watchUrl"), QStringLiteral("http://127.0.0.1:4000/live/0/Streamer/1")},
        {QStringLiteral("encoderUrl"), QStringLiteral("http://127.0.0.1:4002/")},
        {QStringLiteral("mariadb"), QJsonObject{{QStringLiteral("socket"), QStringLiteral("/tmp/x.sock")},
                                                {QStringLiteral("database"), QStringLiteral("avideo")}}},
        {QStringLiteral("startedMs"), 12345},
    };
}

void TestRealsiteInfo::missing_data() {
    QTest::addColumn<QByteArray>("info");     // the info file's bytes; empty: no file
    QTest::addColumn<QByteArray>("failed");   // INFO.failed; empty: none
    QTest::addColumn<QString>("explanation"); // in the error
    QTest::newRow("no file") << QByteArray() << QByteArray() << QStringLiteral("no info file");
    QTest::newRow("fixture failed") << QByteArray() << QByteArray("missing: the program apache2")
                                    << QStringLiteral("did not start: missing: the program apache2");
    QTest::newRow("not an info file")
        << QByteArray("{\"x\":1}") << QByteArray() << QStringLiteral("is not an avld-real-avideo info file");
}

void TestRealsiteInfo::missing() {
    QFETCH(QByteArray, info);
    QFETCH(QByteArray, failed);
    QFETCH(QString, explanation);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("info.json"));
    if (!info.isEmpty())
        write(path, info);
    if (!failed.isEmpty())
        write(path + QStringLiteral(".failed"), failed);
    const avld::Result<RealsiteInfo> loaded = RealsiteInfo::load(path);
    QVERIFY(!loaded);
    QVERIFY2(loaded.error().message.contains(explanation), qPrintable(loaded.error().message));
}

void TestRealsiteInfo::loadsEveryField() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("info.json"));
    write(path, QJsonDocument(sample()).toJson());
    const avld::Result<RealsiteInfo> loaded = RealsiteInfo::load(path);
    QVERIFY(loaded);
    QCOMPARE(loaded->siteUrl, QUrl(QStringLiteral("http://127.0.0.1:4000/")));
    QCOMPARE(loaded->adminPassword, QStringLiteral("a1"));
    QCOMPARE(loaded->streamerUser, QStringLiteral("streamer"));
    QCOMPARE(loaded->channel, QStringLiteral("Streamer"));
    QCOMPARE(loaded->usersId, 2);
    QCOMPARE(loaded->key, QStringLiteral("abc-1"));
    QCOMPARE(loaded->transmissionKey, QStringLiteral("abc"));
    QCOMPARE(loaded->hlsUrl.path(), QStringLiteral("/live/abc-1/index.m3u8"));
    QCOMPARE(loaded->watchUrl.path(), QStringLiteral("/live/0/Streamer/1"));
    QCOMPARE(loaded->encoderUrl.port(), 4002);
    QCOMPARE(loaded->mariadbSocket, QStringLiteral("/tmp/x.sock"));
    QCOMPARE(loaded->startedMs, 12345);
}

void TestRealsiteInfo::ppidStandsForTheParent() {
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("ctest-%1").arg(::getppid()));
    write(dir.filePath(QStringLiteral("ctest-%1/info.json").arg(::getppid())),
          QJsonDocument(sample()).toJson());
    const QByteArray saved = qgetenv("AVLD_REALSITE_INFO");
    qputenv("AVLD_REALSITE_INFO", dir.filePath(QStringLiteral("ctest-{ppid}/info.json")).toUtf8());
    const avld::Result<RealsiteInfo> loaded = RealsiteInfo::fromEnvironment();
    qputenv("AVLD_REALSITE_INFO", saved);
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));
    QCOMPARE(loaded->streamerUser, QStringLiteral("streamer"));
}

QTEST_GUILESS_MAIN(TestRealsiteInfo)
#include "tst_realsiteinfo.moc"
