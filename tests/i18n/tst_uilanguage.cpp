#include "settings.h"
#include "uilanguage.h"
#include "uitranslators.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace avld;

namespace {

// What the window calls its first page, as the installed translators say it.
QString dashboardWord() {
    return QCoreApplication::translate("avld::MainWindow", "Dashboard");
}

QString livesCount(int n) {
    return QCoreApplication::translate("avld::DashboardPage", "%n live(s)", nullptr, n);
}

} // namespace

// Which language the window starts in: the Language setting, else (System default) the desktop's languages,
// else English; and that the translators it installs answer in that language, Qt's own strings included.
class TestUiLanguage : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void settingPicksTheLanguage_data() {
        QTest::addColumn<QString>("stored");      // the Language setting as the settings file holds it
        QTest::addColumn<QStringList>("desktop"); // QLocale::uiLanguages() of the desktop
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("dashboard");
        const QString zh = QStringLiteral("仪表板");
        const QString pt = QStringLiteral("Painel");
        const QString en = QStringLiteral("Dashboard");
        QTest::newRow("system: a Chinese desktop")
            << QStringLiteral("system") << QStringList{QStringLiteral("zh-CN"), QStringLiteral("en-US")}
            << QStringLiteral("zh_CN") << zh;
        QTest::newRow("system: Simplified Chinese written with its script")
            << QStringLiteral("system") << QStringList{QStringLiteral("zh-Hans-CN")}
            << QStringLiteral("zh_CN") << zh;
        QTest::newRow("system: a Brazilian desktop")
            << QStringLiteral("system") << QStringList{QStringLiteral("pt-BR")} << QStringLiteral("pt_BR")
            << pt;
        QTest::newRow("system: Portugal reads Brazilian Portuguese")
            << QStringLiteral("system") << QStringList{QStringLiteral("pt-PT")} << QStringLiteral("pt_BR")
            << pt;
        QTest::newRow("system: the first language we have wins")
            << QStringLiteral("system")
            << QStringList{QStringLiteral("de-DE"), QStringLiteral("zh-TW"), QStringLiteral("pt-BR"),
                           QStringLiteral("zh-CN")}
            << QStringLiteral("pt_BR") << pt;
        QTest::newRow("system: nothing we have is English")
            << QStringLiteral("system") << QStringList{QStringLiteral("de-DE"), QStringLiteral("fr-FR")}
            << QStringLiteral("en_US") << en;
        QTest::newRow("English chosen on a Chinese desktop")
            << QStringLiteral("en") << QStringList{QStringLiteral("zh-CN")} << QStringLiteral("en_US") << en;
        QTest::newRow("简体中文 chosen on an English desktop")
            << QStringLiteral("zh_CN") << QStringList{QStringLiteral("en-US")} << QStringLiteral("zh_CN")
            << zh;
        QTest::newRow("Português (Brasil) chosen on a Chinese desktop")
            << QStringLiteral("pt_BR") << QStringList{QStringLiteral("zh-CN")} << QStringLiteral("pt_BR")
            << pt;
        QTest::newRow("a hand-edited value is System default")
            << QStringLiteral("klingon") << QStringList{QStringLiteral("pt-BR")} << QStringLiteral("pt_BR")
            << pt;
    }

    void settingPicksTheLanguage() {
        QFETCH(QString, stored);
        QFETCH(QStringList, desktop);
        QFETCH(QString, locale);
        QFETCH(QString, dashboard);
        const QString path = m_dir.filePath(QStringLiteral("%1.ini").arg(QTest::currentDataTag()));
        {
            QSettings file(path, QSettings::IniFormat);
            file.setValue(QStringLiteral("ui/language"), stored);
        }
        Settings settings(std::make_unique<QSettings>(path, QSettings::IniFormat));
        const QLocale chosen = uiLocale(settings.get(Setting::Language), desktop);
        QCOMPARE(chosen.name(), locale);
        const UiTranslators translators(chosen);
        QVERIFY(translators.ownLoaded());
        QCOMPARE(dashboardWord(), dashboard);
    }

    void theSettingOnlyTakesLanguagesWeHave() {
        Settings settings(
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("choices.ini")), QSettings::IniFormat));
        QCOMPARE(settings.get(Setting::Language), QStringLiteral("system"));
        for (const UiLanguage& language : uiLanguages())
            QVERIFY2(settings.set(Setting::Language, language.code).ok(), qPrintable(language.code));
        QVERIFY(!settings.set(Setting::Language, QStringLiteral("de_DE")).ok());
        QCOMPARE(settings.get(Setting::Language), uiLanguages().last().code);
    }

    // System default follows the default locale, which follows the desktop until a program sets it.
    void systemFollowsTheDefaultLocale_data() {
        QTest::addColumn<QString>("defaultLocale");
        QTest::addColumn<QString>("locale");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("zh_CN");
        QTest::newRow("pt_BR") << QStringLiteral("pt_BR") << QStringLiteral("pt_BR");
        QTest::newRow("de_DE") << QStringLiteral("de_DE") << QStringLiteral("en_US");
    }

    void systemFollowsTheDefaultLocale() {
        QFETCH(QString, defaultLocale);
        QFETCH(QString, locale);
        const QLocale before;
        QLocale::setDefault(QLocale(defaultLocale));
        const QString chosen = uiLocale(QStringLiteral("system")).name();
        QLocale::setDefault(before);
        QCOMPARE(chosen, locale);
    }

    // LANG and LC_ALL, as a desktop session sets them: this test runs itself in a child with them set.
    void systemFollowsTheEnvironment_data() {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("locale");
        QTest::newRow("LANG=zh_CN.UTF-8")
            << QStringLiteral("LANG") << QStringLiteral("zh_CN.UTF-8") << QStringLiteral("zh_CN");
        QTest::newRow("LANG=pt_BR.UTF-8")
            << QStringLiteral("LANG") << QStringLiteral("pt_BR.UTF-8") << QStringLiteral("pt_BR");
        QTest::newRow("LC_ALL=zh_CN.UTF-8")
            << QStringLiteral("LC_ALL") << QStringLiteral("zh_CN.UTF-8") << QStringLiteral("zh_CN");
        QTest::newRow("LANG=de_DE.UTF-8")
            << QStringLiteral("LANG") << QStringLiteral("de_DE.UTF-8") << QStringLiteral("en_US");
    }

    void systemFollowsTheEnvironment() {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QFETCH(QString, locale);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"})
            environment.remove(QString::fromLatin1(name));
        environment.insert(variable, value);
        environment.insert(QStringLiteral("AVLD_EXPECT_UI_LOCALE"), locale);
        QProcess child;
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("systemLanguageInThisProcess")});
        QVERIFY(child.waitForFinished(30000));
        const QString output = QString::fromLocal8Bit(child.readAll());
        QVERIFY2(child.exitCode() == 0 && output.contains(QStringLiteral("PASS   : TestUiLanguage::"
                                                                         "systemLanguageInThisProcess")),
                 qPrintable(output));
    }

    // The child's half of systemFollowsTheEnvironment.
    void systemLanguageInThisProcess() {
        const QString expected = qEnvironmentVariable("AVLD_EXPECT_UI_LOCALE");
        if (expected.isEmpty())
            QSKIP("run by systemFollowsTheEnvironment with the environment set");
        QCOMPARE(uiLocale(QStringLiteral("system")).name(), expected);
    }

    void countsTakeTheLanguagesPluralForms_data() {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("one");
        QTest::addColumn<QString>("three");
        // English too: without its plural file tr("%n live(s)") would say "3 live(s)".
        QTest::newRow("en") << QStringLiteral("en_US") << QStringLiteral("1 live")
                            << QStringLiteral("3 lives");
        QTest::newRow("pt_BR") << QStringLiteral("pt_BR") << QStringLiteral("1 transmissão")
                               << QStringLiteral("3 transmissões");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("1 个直播")
                               << QStringLiteral("3 个直播");
    }

    void countsTakeTheLanguagesPluralForms() {
        QFETCH(QString, locale);
        QFETCH(QString, one);
        QFETCH(QString, three);
        const UiTranslators translators{QLocale(locale)};
        QVERIFY(translators.ownLoaded());
        QCOMPARE(livesCount(1), one);
        QCOMPARE(livesCount(3), three);
    }

    // Qt's own strings (standard buttons, context menus) come from Qt's translations (qtbase_*.qm).
    void qtsOwnStringsAreTranslatedToo_data() {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("cancel");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("取消");
        QTest::newRow("pt_BR") << QStringLiteral("pt_BR") << QStringLiteral("Cancelar");
    }

    void qtsOwnStringsAreTranslatedToo() {
        QFETCH(QString, locale);
        QFETCH(QString, cancel);
        const UiTranslators translators{QLocale(locale)};
        QVERIFY2(translators.qtLoaded(), "Qt's translations are missing (Debian: qt6-translations-l10n)");
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), cancel);
    }

    void translatorsLeaveWithTheirObject() {
        {
            const UiTranslators translators{QLocale(QStringLiteral("zh_CN"))};
            QCOMPARE(dashboardWord(), QStringLiteral("仪表板"));
        }
        QCOMPARE(dashboardWord(), QStringLiteral("Dashboard"));
    }
};

QTEST_GUILESS_MAIN(TestUiLanguage)
#include "tst_uilanguage.moc"
