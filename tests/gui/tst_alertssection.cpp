#include "alertchanneldialog.h"
#include "alerts/alertcenter.h"
#include "alertssection.h"
#include "clock.h"
#include "memorysecretstore.h"
#include "recordinghttpserver.h"
#include "screenshots.h"
#include "settings.h"
#include "settingspage.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace avld;
using namespace avld::test;

// The Alerts section of Settings, driven with QTest events: add a channel (its secret to the keychain), send
// a test alert to a loopback fake of its API, see the result in its row.
class TestAlertsSection : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_storage;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<AlertCenter> m_alerts;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SettingsPage> m_page;
    AlertsSection* m_section = nullptr;

    template <typename T> T* child(QWidget* parent, const char* name) {
        auto* widget = parent->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    void typeInto(QWidget* widget, const QString& text) {
        widget->setFocus();
        QTest::keyClick(widget, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(widget, text);
    }
    // Clicks Add…, fills the dialog of that kind and clicks OK.
    void addChannel(const QString& kindName, const QString& name, const QString& target,
                    const QString& secret) {
        QTest::mouseClick(child<QPushButton>(m_section, "addAlertChannelButton"), Qt::LeftButton);
        AlertChannelDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = m_section->findChild<AlertChannelDialog*>()) && dialog->isVisible());
        auto* kind = child<QComboBox>(dialog, "alertKind");
        kind->setFocus();
        kind->setCurrentIndex(kind->findText(kindName)); // as a pick from the list does
        typeInto(child<QLineEdit>(dialog, "alertName"), name);
        if (!target.isEmpty())
            typeInto(child<QLineEdit>(dialog, "alertTarget"), target);
        typeInto(child<QLineEdit>(dialog, "alertSecret"), secret);
        QTest::keyClick(dialog, Qt::Key_Return);
        QTRY_VERIFY(!m_section->findChild<AlertChannelDialog*>());
    }
    int rowOf(const QString& name) {
        QTableWidget* table = m_section->channelsTable();
        for (int row = 0; row < table->rowCount(); ++row)
            if (table->item(row, 0)->text() == name)
                return row;
        return -1;
    }
    QString lastTest(const QString& name) { return m_section->channelsTable()->item(rowOf(name), 3)->text(); }
    void sendTestTo(const QString& name) {
        QTableWidget* table = m_section->channelsTable();
        const int row = rowOf(name);
        QVERIFY(row >= 0);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualItemRect(table->item(row, 0)).center());
        QTest::mouseClick(child<QPushButton>(m_section, "sendTestAlertButton"), Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<AlertMessage>(); }
    void init() {
        m_storage =
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("alerts.ini")), QSettings::IniFormat);
        m_storage->clear();
        m_secrets = std::make_unique<MemorySecretStore>();
        m_alerts = std::make_unique<AlertCenter>(*m_storage, *m_secrets, Clock::system());
        m_settings = std::make_unique<Settings>(
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        m_page = std::make_unique<SettingsPage>(*m_settings);
        m_section = new AlertsSection(*m_alerts);
        m_page->addSection(m_section);
        m_page->resize(820, 1100);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }
    void cleanup() {
        m_page.reset();
        m_alerts.reset();
    }

    void addAChannelAndSendATestAlert() {
        RecordingHttpServer ntfy;
        QVERIFY(ntfy.listen());
        ntfy.setAnswer(QStringLiteral("/avideo-ops"), {.body = R"({"id":"m1"})"});
        addChannel(QStringLiteral("ntfy"), QStringLiteral("Ops phones"),
                   ntfy.url(QStringLiteral("/avideo-ops")).toString(), QStringLiteral("tk_gui_token"));
        QCOMPARE(m_section->channelsTable()->rowCount(), 1);
        // The token went to the keychain, not to the settings file.
        const AlertChannelConfig kept = m_alerts->channels().first();
        QTRY_COMPARE(m_secrets->value(kept.secretKey()), QStringLiteral("tk_gui_token"));
        m_storage->sync();
        QFile ini(m_storage->fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains("tk_gui_token"));

        sendTestTo(QStringLiteral("Ops phones"));
        QTRY_VERIFY2(lastTest(QStringLiteral("Ops phones")).startsWith(QStringLiteral("Delivered")),
                     qPrintable(lastTest(QStringLiteral("Ops phones"))));
        const auto request = ntfy.requests().value(0);
        QCOMPARE(request.headers.value("title"), QByteArray("Test alert from AVideo Live Doctor"));
        QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer tk_gui_token"));
        QCOMPARE(request.method, QByteArray("PUT")); // with the test card attached
        QCOMPARE(request.headers.value("filename"), QByteArray("test-card.png"));
        QVERIFY(request.body.startsWith("\x89PNG"));
        saveScreenshot(*m_section, QStringLiteral("settings-alerts"));
    }

    void aChannelThatRefusesSaysWhy() {
        RecordingHttpServer slack;
        QVERIFY(slack.listen());
        slack.setAnswer(QStringLiteral("/services/T/B/x"),
                        {.status = 404, .contentType = "text/html", .body = "no_service"});
        addChannel(QStringLiteral("Slack"), QStringLiteral("Team channel"), QString(),
                   slack.url(QStringLiteral("/services/T/B/x")).toString());
        sendTestTo(QStringLiteral("Team channel"));
        QTRY_VERIFY2(lastTest(QStringLiteral("Team channel"))
                         .contains(QStringLiteral("HTTP 404: no_service (not retried)")),
                     qPrintable(lastTest(QStringLiteral("Team channel"))));
        QCOMPARE(slack.count(QStringLiteral("/services/T/B/x")), 1);
        saveScreenshot(*m_section, QStringLiteral("settings-alerts-refused"));
    }

    // Where the window shows the raised alerts, one can snooze them.
    void snoozeARaisedAlert() {
        m_alerts->lifecycle().raise({.key = QStringLiteral("encoder:https://enc.example/"),
                                     .title = QStringLiteral("Encoder enc.example is offline")});
        auto* list = child<QListWidget>(m_section, "activeAlertsList");
        QTRY_COMPARE(list->item(0)->text(), QStringLiteral("Encoder enc.example is offline"));
        QVERIFY(!child<QPushButton>(m_section, "resumeAlertsButton")->isEnabled());
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(0)).center());
        QTest::mouseClick(child<QPushButton>(m_section, "snoozeAlertButton"), Qt::LeftButton);
        QVERIFY(m_alerts->lifecycle().snoozedUntil(QStringLiteral("encoder:https://enc.example/")).isValid());
        QVERIFY2(list->item(0)->text().contains(QStringLiteral("(snoozed until ")),
                 qPrintable(list->item(0)->text()));
        QVERIFY(child<QPushButton>(m_section, "resumeAlertsButton")->isEnabled());
        saveScreenshot(*m_section, QStringLiteral("settings-alerts-snoozed"));
        QTest::mouseClick(child<QPushButton>(m_section, "resumeAlertsButton"), Qt::LeftButton);
        QVERIFY(
            !m_alerts->lifecycle().snoozedUntil(QStringLiteral("encoder:https://enc.example/")).isValid());
    }

    // A channel that refuses a real alert: said in the section, counted, never silently dropped.
    void anUndeliveredAlertIsSaidAndCounted() {
        RecordingHttpServer ntfy;
        QVERIFY(ntfy.listen());
        ntfy.setAnswer(QStringLiteral("/gone"), {.status = 404, .body = R"({"error":"no topic"})"});
        addChannel(QStringLiteral("ntfy"), QStringLiteral("Old topic"),
                   ntfy.url(QStringLiteral("/gone")).toString(), QString());
        QCOMPARE(m_alerts->channels().size(), 1);
        // At once: the channel is still being made (its secret is read); the alert waits for it.
        m_alerts->lifecycle().raise({.key = QStringLiteral("encoder:https://enc.example/"),
                                     .title = QStringLiteral("Encoder enc.example is offline")});
        auto* problem = child<QLabel>(m_section, "alertProblem");
        QTRY_VERIFY(problem->isVisible());
        QVERIFY2(problem->text().startsWith(
                     QStringLiteral("1 alert message(s) not delivered since the start; the last: "
                                    "ntfy 127.0.0.1/gone did not take the alert")),
                 qPrintable(problem->text()));
        QCOMPARE(m_alerts->failedTotal(), 1);
    }

    // An alert raised while a channel is being saved (its secret on the way to the keychain) waits for the
    // channels to be made again, and reaches the new one.
    void anAlertDuringAChangeWaitsForTheChannel() {
        RecordingHttpServer ntfy;
        QVERIFY(ntfy.listen());
        ntfy.setAnswer(QStringLiteral("/ops"), {});
        AlertChannelConfig config;
        config.kind = QStringLiteral("ntfy");
        config.target = ntfy.url(QStringLiteral("/ops")).toString();
        m_alerts->saveChannel(config, QStringLiteral("tk_new"));
        m_alerts->lifecycle().raise({.key = QStringLiteral("encoder:https://enc.example/"),
                                     .title = QStringLiteral("Encoder enc.example is offline")});
        QTRY_COMPARE(ntfy.count(QStringLiteral("/ops")), 1);
        QCOMPARE(ntfy.requests().value(0).headers.value("authorization"), QByteArray("Bearer tk_new"));
    }

    void aDialogWithoutItsSecretSaysSo() {
        QTest::mouseClick(child<QPushButton>(m_section, "addAlertChannelButton"), Qt::LeftButton);
        AlertChannelDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = m_section->findChild<AlertChannelDialog*>()) && dialog->isVisible());
        auto* kind = child<QComboBox>(dialog, "alertKind");
        kind->setCurrentIndex(kind->findText(QStringLiteral("Telegram")));
        typeInto(child<QLineEdit>(dialog, "alertTarget"), QStringLiteral("-100123"));
        QTest::keyClick(dialog, Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        QVERIFY(child<QWidget>(dialog, "alertDialogError")->isVisible());
        saveScreenshot(*dialog, QStringLiteral("settings-alerts-dialog"));
        dialog->reject();
        QCOMPARE(m_section->channelsTable()->rowCount(), 0);
    }
};

QTEST_MAIN(TestAlertsSection)
#include "tst_alertssection.moc"
