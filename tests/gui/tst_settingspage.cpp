#include "generator/standinidentity.h"
#include "memorysecretstore.h"
#include "screenshots.h"
#include "settings.h"
#include "settingspage.h"
#include "traynotifier.h"
#include "uitranslators.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace avld;

class TestSettingsPage : public QObject {
    Q_OBJECT
private:
    // English, as the program loads it: its plural forms ("1 value refused").
    const UiTranslators m_english{QLocale(QLocale::English)};
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SettingsPage> m_page;

    QString iniPath() const { return m_dir.filePath(QStringLiteral("s.ini")); }
    template <typename T> T* child(const char* name) {
        auto* widget = m_page->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    template <typename T> T* editor(SettingId id) {
        auto* widget = qobject_cast<T*>(m_page->editorFor(id));
        if (!widget)
            qFatal("no editor of that kind");
        return widget;
    }
    void typeInto(QWidget* widget, const QString& text) {
        widget->setFocus();
        QTest::keyClick(widget, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(widget, text);
    }
    void clickApply() { QTest::mouseClick(child<QPushButton>("applyButton"), Qt::LeftButton); }

private Q_SLOTS:
    void initTestCase() { qunsetenv("DBUS_SESSION_BUS_ADDRESS"); }
    void init() {
        QFile::remove(iniPath());
        m_settings = std::make_unique<Settings>(std::make_unique<QSettings>(iniPath(), QSettings::IniFormat));
        m_page = std::make_unique<SettingsPage>(*m_settings);
        m_page->resize(760, 1020);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QApplication::setActiveWindow(m_page.get());
    }
    void cleanup() {
        m_page.reset();
        m_settings.reset();
    }

    void oneEditorPerSettingWithTableLabels() {
        for (const SettingSpec& spec : Settings::table()) {
            QWidget* field = m_page->editorFor(spec.id);
            if (spec.id == SettingId::LastProfile) { // the site chooser's, not a form field
                QVERIFY(!field);
                continue;
            }
            QVERIFY2(field, qPrintable(spec.key));
            QCOMPARE(field->toolTip(), spec.description);
            QVERIFY(field->isVisible());
        }
        QCOMPARE(child<QLabel>("livesRefreshSecondsLabel")->text(),
                 QStringLiteral("Lives refresh interval (s):"));
        QCOMPARE(child<QLabel>("livesRefreshSecondsLabel")->buddy(),
                 m_page->editorFor(SettingId::LivesRefreshSeconds));
        QCOMPARE(editor<QCheckBox>(SettingId::CloseToTray)->text(), QStringLiteral("Close to tray"));
        QCOMPARE(editor<QSpinBox>(SettingId::GeneratorPort)->value(), 8099);
        QCOMPARE(editor<QLineEdit>(SettingId::GeneratorListenAddress)->text(), QStringLiteral("127.0.0.1"));
        QCOMPARE(editor<QComboBox>(SettingId::LogLevel)->currentText(), QStringLiteral("info"));
        QVERIFY(!child<QPushButton>("applyButton")->isEnabled());
        QVERIFY(!child<QPushButton>("revertButton")->isEnabled());
    }

    void applyStoresEdits() {
        typeInto(editor<QSpinBox>(SettingId::LivesRefreshSeconds), QStringLiteral("45"));
        QTest::mouseClick(editor<QCheckBox>(SettingId::CloseToTray), Qt::LeftButton);
        editor<QComboBox>(SettingId::LogLevel)->setCurrentText(QStringLiteral("debug"));
        QVERIFY(m_page->hasPendingChanges());
        QVERIFY(child<QPushButton>("applyButton")->isEnabled());
        QSignalSpy changed(m_settings.get(), &Settings::changed);
        clickApply();
        QCOMPARE(changed.size(), 3);
        QCOMPARE(m_settings->get(Setting::LivesRefreshSeconds), 45);
        QCOMPARE(m_settings->get(Setting::CloseToTray), false);
        QCOMPARE(m_settings->get(Setting::LogLevel), QStringLiteral("debug"));
        QCOMPARE(child<QLabel>("statusLine")->text(), QStringLiteral("Saved."));
        QVERIFY(!child<QPushButton>("applyButton")->isEnabled());
        // On disk, for the next start.
        QSettings reread(iniPath(), QSettings::IniFormat);
        QCOMPARE(reread.value(QStringLiteral("lives/refreshSeconds")).toInt(), 45);
    }

    void invalidValueIsRefusedWithTheMessage() {
        // A number out of range cannot even be typed: the spin box holds the check's range.
        auto* refresh = editor<QSpinBox>(SettingId::LivesRefreshSeconds);
        QCOMPARE(refresh->minimum(), 5);
        QCOMPARE(refresh->maximum(), 3600);
        QCOMPARE(editor<QSpinBox>(SettingId::GeneratorPort)->maximum(), 65535);
        typeInto(refresh, QStringLiteral("2"));
        typeInto(editor<QLineEdit>(SettingId::GeneratorListenAddress), QStringLiteral("localhost:80"));
        typeInto(editor<QSpinBox>(SettingId::GeneratorPort), QStringLiteral("9000"));
        QVERIFY(!m_page->apply());
        QCOMPARE(m_settings->get(Setting::LivesRefreshSeconds), 30);
        QCOMPARE(m_settings->get(Setting::GeneratorListenAddress), QStringLiteral("127.0.0.1"));
        QCOMPARE(m_settings->get(Setting::GeneratorPort), 9000); // the valid one in the same Apply is kept
        QVERIFY(m_page->errorFor(SettingId::LivesRefreshSeconds).isEmpty());
        QVERIFY(m_page->errorFor(SettingId::GeneratorListenAddress)
                    .contains(QStringLiteral("must be an IP address")));
        QVERIFY(child<QLabel>("generatorListenAddressEditError")->isVisible());
        QVERIFY(m_page->errorFor(SettingId::GeneratorPort).isEmpty());
        QVERIFY(child<QLabel>("statusLine")->text().startsWith(QStringLiteral("1 value refused")));
        QVERIFY(m_page->hasPendingChanges()); // the refused edit stays for the user to fix

        auto* store = new test::MemorySecretStore(m_page.get());
        store->setUnavailable(true);
        m_page->setSecretStore(store);
        QTRY_VERIFY(child<QLabel>("keychainStatusLabel")->text().startsWith(QStringLiteral("No keychain")));
        QVERIFY(!test::saveScreenshot(*m_page, QStringLiteral("settings-page")).isEmpty());

        typeInto(editor<QLineEdit>(SettingId::GeneratorListenAddress), QStringLiteral("127.0.0.2"));
        QVERIFY(m_page->errorFor(SettingId::GeneratorListenAddress).isEmpty()); // editing clears the refusal
    }

    void revertDropsEdits() {
        QVERIFY(m_settings->set(Setting::UserAgent, QStringLiteral("Stored/1.0")).ok());
        QCOMPARE(editor<QLineEdit>(SettingId::UserAgent)->text(), QStringLiteral("Stored/1.0")); // follows
        typeInto(editor<QLineEdit>(SettingId::UserAgent), QStringLiteral("Edited/2.0"));
        typeInto(editor<QLineEdit>(SettingId::GeneratorListenAddress), QStringLiteral("not an address"));
        QVERIFY(!m_page->apply());
        QTest::mouseClick(child<QPushButton>("revertButton"), Qt::LeftButton);
        QCOMPARE(editor<QLineEdit>(SettingId::UserAgent)->text(),
                 QStringLiteral("Edited/2.0")); // was applied
        QCOMPARE(editor<QLineEdit>(SettingId::GeneratorListenAddress)->text(),
                 m_settings->get(Setting::GeneratorListenAddress));
        QVERIFY(m_page->errorFor(SettingId::GeneratorListenAddress).isEmpty());
        QVERIFY(!m_page->hasPendingChanges());

        typeInto(editor<QLineEdit>(SettingId::UserAgent), QStringLiteral("Unapplied"));
        m_page->revert();
        QCOMPARE(editor<QLineEdit>(SettingId::UserAgent)->text(), QStringLiteral("Edited/2.0"));
        QCOMPARE(m_settings->get(Setting::UserAgent), QStringLiteral("Edited/2.0"));
    }

    void restoreDefaults() {
        QVERIFY(m_settings->set(Setting::GeneratorPort, 9100).ok());
        QVERIFY(m_settings->set(Setting::ProbeIntervalSeconds, 300).ok());
        QVERIFY(m_settings->set(Setting::CloseToTray, false).ok());
        QCOMPARE(editor<QSpinBox>(SettingId::GeneratorPort)->value(), 9100);
        QTest::mouseClick(child<QPushButton>("restoreDefaultsButton"), Qt::LeftButton);
        QCOMPARE(editor<QSpinBox>(SettingId::GeneratorPort)->value(), 8099);
        QCOMPARE(editor<QSpinBox>(SettingId::ProbeIntervalSeconds)->value(), 60);
        QVERIFY(editor<QCheckBox>(SettingId::CloseToTray)->isChecked());
        QCOMPARE(m_settings->get(Setting::GeneratorPort), 9100); // not stored until Apply
        clickApply();
        for (const SettingSpec& spec : Settings::table())
            QVERIFY2(m_settings->isDefault(spec.id), qPrintable(spec.key));
    }

    void keychainReachable() {
        auto* store = new test::MemorySecretStore(m_page.get());
        m_page->setSecretStore(store);
        auto* status = child<QLabel>("keychainStatusLabel");
        QCOMPARE(status->text(),
                 QStringLiteral("Checking the keychain…")); // never blocks: answer comes later
        QTRY_VERIFY(status->text().startsWith(QStringLiteral("The keychain is reachable")));
        const QString where = child<QLabel>("secretsLocationLabel")->text();
        QVERIFY(where.contains(QStringLiteral("memory (tests)")));
        // Where the stand-in's secret goes when no keychain runs.
        QVERIFY2(where.contains(QStringLiteral("stand-in")) &&
                     where.contains(QDir::toNativeSeparators(StandinIdentityStore::defaultDirectory())),
                 qPrintable(where));
    }

    void keychainUnreachableNotice() {
        auto* store = new test::MemorySecretStore(m_page.get());
        store->setUnavailable(true);
        m_page->setSecretStore(store);
        QTRY_COMPARE(
            child<QLabel>("keychainStatusLabel")->text(),
            QStringLiteral("No keychain is reachable (no D-Bus session): passwords are not remembered; "
                           "you will be asked each time."));
    }

    void trayClosesToTrayOnce() {
        QMainWindow window;
        TrayNotifier tray(&window, *m_settings, /*trayAvailable=*/true);
        QVERIFY(tray.isAvailable());
        QSignalSpy notified(&tray, &TrayNotifier::notified);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QVERIFY(!window.close()); // refused: hidden instead
        QVERIFY(!window.isVisible());
        QCOMPARE(notified.size(), 1);
        QVERIFY(notified[0][1].toString().startsWith(QStringLiteral("Still monitoring in the tray")));

        tray.toggleWindow();
        QVERIFY(window.isVisible());
        QVERIFY(!window.close());
        QCOMPARE(notified.size(), 1); // said once

        tray.toggleWindow();
        QVERIFY(window.isVisible());
        QVERIFY(m_settings->set(Setting::CloseToTray, false).ok());
        QVERIFY(window.close()); // the setting off: closing closes
        tray.notify(QStringLiteral("Encoder offline"), QStringLiteral("encoder1"),
                    TrayNotifier::Severity::Warning);
        QCOMPARE(notified.size(), 2);
    }

    void noTrayMeansCloseCloses() {
        QMainWindow window;
        TrayNotifier tray(&window, *m_settings, /*trayAvailable=*/false);
        QVERIFY(!tray.isAvailable());
        QSignalSpy notified(&tray, &TrayNotifier::notified);
        window.show();
        QVERIFY(window.close());
        tray.notify(QStringLiteral("t"), QStringLiteral("m"));
        QCOMPARE(notified.size(), 0);

        // The page does not offer what cannot work, and says why.
        m_page->setTrayAvailable(false);
        auto* closeToTray = child<QCheckBox>("closeToTrayEdit");
        QVERIFY(!closeToTray->isEnabled());
        QVERIFY2(closeToTray->text().contains(QStringLiteral("no system tray")),
                 qPrintable(closeToTray->text()));
        QVERIFY(!m_page->hasPendingChanges());
        avld::test::saveScreenshot(*m_page, QStringLiteral("settings-page-no-tray"));
        m_page->setTrayAvailable(true);
        QVERIFY(closeToTray->isEnabled());
    }

    // The tray's Quit asks the same guard as File → Quit: a stand-in the site uses is not stopped silently.
    void trayQuitAsksTheGuard() {
        QMainWindow window;
        TrayNotifier tray(&window, *m_settings, /*trayAvailable=*/false);
        int asked = 0;
        tray.setQuitGuard([&asked] {
            ++asked;
            return false;
        });
        tray.quit();
        QCOMPARE(asked, 1);
    }
};

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
