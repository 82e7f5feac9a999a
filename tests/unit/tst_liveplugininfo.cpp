#include "site/liveplugininfo.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace avld;

namespace {

const QString kLiveUuid = QString::fromLatin1(LivePluginInfo::kUuid);

// A row of objects/pluginsAvailable.json.php.
QJsonObject pluginRow(const QString& name, const QString& uuid, const QJsonObject& dataObject,
                      const QString& storedObjectData) {
    QJsonObject row{
        {QStringLiteral("name"), name},
        {QStringLiteral("dir"), name},
        {QStringLiteral("uuid"), uuid},
        {QStringLiteral("enabled"), true},
        {QStringLiteral("installedPlugin"), QJsonObject{{QStringLiteral("uuid"), uuid},
                                                        {QStringLiteral("status"), QStringLiteral("active")},
                                                        {QStringLiteral("object_data"), storedObjectData}}}};
    if (!dataObject.isEmpty())
        row.insert(QStringLiteral("data_object"), dataObject);
    return row;
}

QJsonDocument list(const QJsonArray& rows) {
    return QJsonDocument(QJsonObject{{QStringLiteral("current"), 1},
                                     {QStringLiteral("rowCount"), rows.size()},
                                     {QStringLiteral("total"), rows.size()},
                                     {QStringLiteral("rows"), rows}});
}

// addcslashes($json, '\\') of json_encode()'s text, which writes "/" as "\/".
QString stored(const QString& json) {
    QString text = json;
    text.replace(QStringLiteral("/"), QStringLiteral("\\/"));
    return text.replace(QStringLiteral("\\"), QStringLiteral("\\\\"));
}

} // namespace

// The Live plugin's `playerServer` and `stats`, as an admin reads them in the plugin list.
class TestLivePluginInfo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsTheOptions_data() {
        QTest::addColumn<QJsonDocument>("json");
        QTest::addColumn<QString>("player");
        QTest::addColumn<QString>("stat");
        QTest::addColumn<bool>("protectLive");

        const QJsonObject options{
            {QStringLiteral("server"), QStringLiteral("rtmp://media.example/live")},
            {QStringLiteral("playerServer"), QStringLiteral("https://media.example/live")},
            {QStringLiteral("stats"), QStringLiteral("https://media.example/stat")},
            {QStringLiteral("protectLive"), true},
            {QStringLiteral("server_type"), QJsonObject{{QStringLiteral("value"), 1}}}};
        QTest::newRow("data_object")
            << list({pluginRow(QStringLiteral("API"), QStringLiteral("1apicbec"), {}, QStringLiteral("null")),
                     pluginRow(QStringLiteral("Live"), kLiveUuid, options, QStringLiteral("ignored"))})
            << QStringLiteral("https://media.example/live") << QStringLiteral("https://media.example/stat")
            << true;
        // Without data_object, the stored JSON, with the backslashes AVideo doubled on saving.
        QTest::newRow("stored object_data only")
            << list({pluginRow(QStringLiteral("Live"), kLiveUuid, {},
                               stored(QStringLiteral("{\"playerServer\":\"http://10.0.0.5:8080/live\","
                                                     "\"stats\":\"http://10.0.0.5:8080/stat\","
                                                     "\"protectLive\":false}")))})
            << QStringLiteral("http://10.0.0.5:8080/live") << QStringLiteral("http://10.0.0.5:8080/stat")
            << false;
        QTest::newRow("stored object_data, saved once more")
            << list({pluginRow(QStringLiteral("Live"), kLiveUuid, {},
                               QStringLiteral("{\"playerServer\":\"http://m.example/live\",\"stats\":\"\","
                                              "\"protectLive\":\"1\"}"))})
            << QStringLiteral("http://m.example/live") << QString() << true;
        QTest::newRow("not a URL")
            << list(
                   {pluginRow(QStringLiteral("Live"), kLiveUuid,
                              QJsonObject{{QStringLiteral("playerServer"), QStringLiteral("media:8080/live")},
                                          {QStringLiteral("stats"), QStringLiteral("")}},
                              QString())})
            << QString() << QString() << false;
    }

    void readsTheOptions() {
        QFETCH(QJsonDocument, json);
        QFETCH(QString, player);
        QFETCH(QString, stat);
        QFETCH(bool, protectLive);
        const Result<LivePluginInfo> info = LivePluginInfo::fromPluginsAvailable(json);
        QVERIFY2(info.ok(), info.ok() ? "" : qPrintable(info.error().toString()));
        QCOMPARE(info->playerServer.toString(), player);
        QCOMPARE(info->statUrl.toString(), stat);
        QCOMPARE(info->protectLive, protectLive);
    }

    void refusals_data() {
        QTest::addColumn<QJsonDocument>("json");
        QTest::addColumn<QString>("code");
        QTest::newRow("no Live plugin")
            << list({pluginRow(QStringLiteral("Gallery"), QStringLiteral("a06505bf"), {},
                               QStringLiteral("null"))})
            << QStringLiteral("no-live-plugin");
        QTest::newRow("not the plugin list")
            << QJsonDocument(QJsonObject{{QStringLiteral("error"), true}}) << QStringLiteral("bad-answer");
    }

    void refusals() {
        QFETCH(QJsonDocument, json);
        QFETCH(QString, code);
        const Result<LivePluginInfo> info = LivePluginInfo::fromPluginsAvailable(json);
        QVERIFY(!info.ok());
        QCOMPARE(info.error().code, code);
    }

    void stripSlashes_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("doubled") << QStringLiteral("http:\\\\/\\\\/h") << QStringLiteral("http:\\/\\/h");
        QTest::newRow("single") << QStringLiteral("a\\\"b") << QStringLiteral("a\"b");
        QTest::newRow("trailing") << QStringLiteral("a\\") << QStringLiteral("a");
        QTest::newRow("none") << QStringLiteral("plain") << QStringLiteral("plain");
    }

    void stripSlashes() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(LivePluginInfo::stripSlashes(text), expected);
    }
};

QTEST_GUILESS_MAIN(TestLivePluginInfo)
#include "tst_liveplugininfo.moc"
