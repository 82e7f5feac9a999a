#include "settings.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace avld;

class TestSettings : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_file = 0;
    QString m_path;

    std::unique_ptr<QSettings> storage() { return std::make_unique<QSettings>(m_path, QSettings::IniFormat); }

private Q_SLOTS:
    void init() { m_path = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_file)); }

    void tableIsConsistent() {
        QSet<QString> keys;
        QSet<int> ids;
        for (const SettingSpec& spec : Settings::table()) {
            QVERIFY2(!keys.contains(spec.key), qPrintable(spec.key));
            keys.insert(spec.key);
            ids.insert(int(spec.id));
            QVERIFY2(spec.validate(spec.defaultValue).ok(),
                     qPrintable(QStringLiteral("default of %1 fails its own validation").arg(spec.key)));
            QVERIFY(!spec.label.isEmpty());
            QVERIFY(!spec.description.isEmpty());
        }
        QCOMPARE(ids.size(), int(Settings::table().size()));
    }

    void defaultsWhenEmpty() {
        Settings settings(storage());
        QCOMPARE(settings.get(Setting::GeneratorPort), 8099);
        QCOMPARE(settings.get(Setting::GeneratorBudgetMs), 1500);
        QVERIFY(settings.get(Setting::UserAgent).startsWith(QStringLiteral("AVideoLiveDoctor/")));
        QCOMPARE(settings.get(Setting::CloseToTray), true);
        QVERIFY(settings.isDefault(SettingId::GeneratorPort));
    }

    void setValue_data() {
        QTest::addColumn<int>("id");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("errorCode"); // empty when the value must be accepted

        QTest::newRow("port ok") << int(SettingId::GeneratorPort) << QVariant(8080) << QString();
        QTest::newRow("port zero") << int(SettingId::GeneratorPort) << QVariant(0)
                                   << QStringLiteral("out-of-range");
        QTest::newRow("port too big")
            << int(SettingId::GeneratorPort) << QVariant(70000) << QStringLiteral("out-of-range");
        QTest::newRow("port as text")
            << int(SettingId::GeneratorPort) << QVariant(QStringLiteral("8081")) << QString();
        QTest::newRow("port not a number")
            << int(SettingId::GeneratorPort) << QVariant(QStringLiteral("http"))
            << QStringLiteral("setting-type");
        QTest::newRow("budget over AVideo's 2 s")
            << int(SettingId::GeneratorBudgetMs) << QVariant(2500) << QStringLiteral("out-of-range");
        QTest::newRow("budget ok") << int(SettingId::GeneratorBudgetMs) << QVariant(1200) << QString();
        QTest::newRow("address v4") << int(SettingId::GeneratorListenAddress)
                                    << QVariant(QStringLiteral("0.0.0.0")) << QString();
        QTest::newRow("address v6") << int(SettingId::GeneratorListenAddress)
                                    << QVariant(QStringLiteral("::1")) << QString();
        QTest::newRow("address hostname")
            << int(SettingId::GeneratorListenAddress) << QVariant(QStringLiteral("example.org"))
            << QStringLiteral("not-an-address");
        QTest::newRow("log level ok")
            << int(SettingId::LogLevel) << QVariant(QStringLiteral("debug")) << QString();
        QTest::newRow("log level bad")
            << int(SettingId::LogLevel) << QVariant(QStringLiteral("loud")) << QStringLiteral("not-a-choice");
        QTest::newRow("user agent empty")
            << int(SettingId::UserAgent) << QVariant(QStringLiteral("  ")) << QStringLiteral("empty");
        QTest::newRow("failures ok") << int(SettingId::FailuresBeforeDown) << QVariant(5) << QString();
        QTest::newRow("failures zero")
            << int(SettingId::FailuresBeforeDown) << QVariant(0) << QStringLiteral("out-of-range");
    }

    void setValue() {
        QFETCH(int, id);
        QFETCH(QVariant, value);
        QFETCH(QString, errorCode);
        Settings settings(storage());
        const QVariant before = settings.value(SettingId(id));
        QSignalSpy changed(&settings, &Settings::changed);

        const Status result = settings.setValue(SettingId(id), value);

        if (errorCode.isEmpty()) {
            QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
            QCOMPARE(changed.size(), 1);
            QVERIFY(settings.value(SettingId(id)) == changed.first().at(1));
        } else {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, errorCode);
            QVERIFY2(result.error().message.startsWith(Settings::spec(SettingId(id)).label),
                     qPrintable(result.error().message));
            QCOMPARE(changed.size(), 0);
            QCOMPARE(settings.value(SettingId(id)), before);
        }
    }

    void changedOnlyWhenDifferent() {
        Settings settings(storage());
        QSignalSpy changed(&settings, &Settings::changed);
        QVERIFY(settings.set(Setting::ProbeIntervalSeconds, 30).ok());
        QVERIFY(settings.set(Setting::ProbeIntervalSeconds, 30).ok());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).value<SettingId>(), SettingId::ProbeIntervalSeconds);
        QCOMPARE(changed.first().at(1).toInt(), 30);
    }

    void resetRestoresDefault() {
        Settings settings(storage());
        QVERIFY(settings.set(Setting::GeneratorPort, 9000).ok());
        QSignalSpy changed(&settings, &Settings::changed);
        settings.reset(SettingId::GeneratorPort);
        QCOMPARE(settings.get(Setting::GeneratorPort), 8099);
        QCOMPARE(changed.size(), 1);
        settings.reset(SettingId::GeneratorPort);
        QCOMPARE(changed.size(), 1);
    }

    void persistsAcrossInstances() {
        {
            Settings settings(storage());
            QVERIFY(settings.set(Setting::GeneratorListenAddress, QStringLiteral("0.0.0.0")).ok());
            QVERIFY(settings.set(Setting::CloseToTray, false).ok());
            settings.sync();
        }
        Settings again(storage());
        QCOMPARE(again.get(Setting::GeneratorListenAddress), QStringLiteral("0.0.0.0"));
        QCOMPARE(again.get(Setting::CloseToTray), false);
    }

    void invalidStoredValueFallsBackToDefault() {
        {
            QSettings raw(m_path, QSettings::IniFormat);
            raw.setValue(QStringLiteral("generator/port"), 123456);
            raw.setValue(QStringLiteral("log/level"), QStringLiteral("shouting"));
        }
        Settings settings(storage());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("generator/port.*invalid")));
        QCOMPARE(settings.get(Setting::GeneratorPort), 8099);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("log/level.*invalid")));
        QCOMPARE(settings.get(Setting::LogLevel), QStringLiteral("info"));
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
