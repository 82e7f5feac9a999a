#include "freeport.h"
#include "memorysecretstore.h"
#include "screenshots.h"
#include "scriptedhttpserver.h"
#include "sitesimulator.h"
#include "sitewizard.h"
#include "tlshttpserver.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace avld;
using namespace avld::test;

// Adding a site: the address is checked as it is typed, the connection test signs in and reads the lives,
// and only a working connection lets the wizard finish.
class TestSiteWizard : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<SiteSimulator> m_site;
    MemorySecretStore m_secrets;

    template <typename T> static T* child(QWidget& parent, const char* name) {
        return parent.findChild<T*>(QString::fromLatin1(name));
    }

private Q_SLOTS:
    void initTestCase() {
        m_site = std::make_unique<SiteSimulator>(SiteSimulator::Options{});
        QVERIFY(m_site->listen());
        m_site->addLive(
            {.key = QStringLiteral("w1"), .user = QStringLiteral("alice"), .title = QStringLiteral("One")});
    }

    void addressIsCheckedWhileTyped_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("bare host") << QStringLiteral("videos.example.org") << true;
        QTest::newRow("with page") << QStringLiteral("https://videos.example.org/index.php?x=1") << true;
        QTest::newRow("ftp") << QStringLiteral("ftp://videos.example.org/") << false;
        QTest::newRow("spaces") << QStringLiteral("not a site") << false;
    }

    void addressIsCheckedWhileTyped() {
        QFETCH(QString, typed);
        QFETCH(bool, accepted);
        SiteWizard wizard(m_secrets);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QTest::keyClicks(child<QLineEdit>(wizard, "siteUrl"), typed);
        QCOMPARE(wizard.button(QWizard::NextButton)->isEnabled(), accepted);
        QCOMPARE(child<QLabel>(wizard, "urlProblem")->text().isEmpty(), accepted);
    }

    // The first page looks at the address a moment after the typing: a server that answers, but not as an
    // AVideo site with the Live plugin, stops the wizard there with why; the site itself lets it go on.
    void addressThatIsNotAVideoStopsThere() {
        ScriptedHttpServer other; // answers 404 to everything
        QVERIFY(other.listen());
        SiteWizard wizard(m_secrets);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QSignalSpy checked(&wizard, &SiteWizard::addressChecked);
        QTest::keyClicks(child<QLineEdit>(wizard, "siteUrl"), other.url(QStringLiteral("/")).toString());
        QVERIFY(checked.wait(10000));
        QCOMPARE(checked.last().at(0).toBool(), false);
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        const QString why = child<QLabel>(wizard, "urlProblem")->text();
        QVERIFY2(why.contains(QStringLiteral("No AVideo site")) &&
                     why.contains(QStringLiteral("Live plugin")),
                 qPrintable(why));
        QVERIFY(!test::saveScreenshot(wizard, QStringLiteral("wizard-not-avideo")).isEmpty());

        QLineEdit* url = child<QLineEdit>(wizard, "siteUrl");
        url->clear();
        QTest::keyClicks(url, m_site->siteUrl().toString());
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled()); // not held up while it looks
        QVERIFY(checked.wait(10000));
        QCOMPARE(checked.last().at(0).toBool(), true);
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY2(child<QLabel>(wizard, "urlProblem")
                     ->text()
                     .contains(QStringLiteral("An AVideo site answers here")),
                 qPrintable(child<QLabel>(wizard, "urlProblem")->text()));
    }

    // A server that accepts the connection and never answers: the test can be cancelled, and says so.
    void silentServerTestCanBeCancelled() {
        ScriptedHttpServer silent;
        ScriptedHttpServer::Route never;
        never.behaviour = ScriptedHttpServer::Behaviour::Silent;
        silent.setRoute(QStringLiteral("/objects/login.json.php"), never);
        QVERIFY(silent.listen());
        SiteWizard wizard(m_secrets);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        child<QLineEdit>(wizard, "siteUrl")->setText(silent.url(QStringLiteral("/")).toString());
        wizard.next();
        QTest::keyClicks(child<QLineEdit>(wizard, "siteUser"), QStringLiteral("admin"));
        QTest::keyClicks(child<QLineEdit>(wizard, "sitePassword"), QStringLiteral("admin123"));
        QSignalSpy tested(&wizard, &SiteWizard::connectionTested);
        auto* test = child<QPushButton>(wizard, "testButton");
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(silent.requestCount(QStringLiteral("/objects/login.json.php")) > 0, 5000);
        QVERIFY(wizard.isTesting());
        QCOMPARE(test->text(), QStringLiteral("Cancel the test"));
        QTest::mouseClick(test, Qt::LeftButton);
        QCOMPARE(tested.count(), 1);
        QCOMPARE(tested.first().at(0).toBool(), false);
        QVERIFY(!wizard.isTesting());
        QCOMPARE(test->text(), QStringLiteral("Test the connection"));
        QVERIFY(child<QLabel>(wizard, "testResult")->text().contains(QStringLiteral("cancelled")));
        QTest::qWait(200);
        QCOMPARE(tested.count(), 1); // nothing of the cancelled test comes back
    }

    void connectionTestGatesTheFinish() {
        SiteWizard wizard(m_secrets);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QTest::keyClicks(child<QLineEdit>(wizard, "siteUrl"), m_site->siteUrl().toString());
        QTest::keyClicks(child<QLineEdit>(wizard, "siteName"), QStringLiteral("Simulated site"));
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QTest::keyClicks(child<QLineEdit>(wizard, "siteUser"), QStringLiteral("admin"));
        QTest::keyClicks(child<QLineEdit>(wizard, "sitePassword"), QStringLiteral("wrong"));
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());

        QSignalSpy tested(&wizard, &SiteWizard::connectionTested);
        QTest::mouseClick(child<QPushButton>(wizard, "testButton"), Qt::LeftButton);
        QVERIFY(tested.wait(15000));
        QCOMPARE(tested.takeFirst().at(0).toBool(), false);
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
        QVERIFY(child<QLabel>(wizard, "testResult")->text().startsWith(QStringLiteral("✘")));

        child<QLineEdit>(wizard, "sitePassword")->clear();
        QTest::keyClicks(child<QLineEdit>(wizard, "sitePassword"), QStringLiteral("admin123"));
        QTest::mouseClick(child<QPushButton>(wizard, "testButton"), Qt::LeftButton);
        QVERIFY(tested.wait(15000));
        const QString result = child<QLabel>(wizard, "testResult")->text();
        QVERIFY2(tested.takeFirst().at(0).toBool(), qPrintable(result));
        QVERIFY2(result.contains(QStringLiteral("Signed in as admin (admin)")), qPrintable(result));
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        avld::test::saveScreenshot(wizard, QStringLiteral("site-wizard"));

        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
        const SiteProfile profile = wizard.profile();
        QCOMPARE(profile.siteUrl, m_site->siteUrl());
        QCOMPARE(profile.displayName, QStringLiteral("Simulated site"));
        QCOMPARE(profile.userName, QStringLiteral("admin"));
        QVERIFY(!profile.id.isEmpty());
        QCOMPARE(m_secrets.size(), 1); // the hash, never the password
    }

    // The site behind HTTPS with a self-signed certificate: the test fails with the certificate's details
    // and fingerprint shown; trusting it keeps exactly that fingerprint in the profile and the test passes.
    void untrustedCertificateIsShownThenTrusted() {
        TlsHttpServer tls({}, {});
        tls.forwardTo(quint16(m_site->siteUrl().port()));
        QVERIFY2(tls.start(), qPrintable(tls.errorString()));
        SiteWizard wizard(m_secrets);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QTest::keyClicks(child<QLineEdit>(wizard, "siteUrl"), tls.url(QStringLiteral("/")).toString());
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QTest::keyClicks(child<QLineEdit>(wizard, "siteUser"), QStringLiteral("admin"));
        QTest::keyClicks(child<QLineEdit>(wizard, "sitePassword"), QStringLiteral("admin123"));

        QSignalSpy shown(&wizard, &SiteWizard::certificateShown);
        QSignalSpy tested(&wizard, &SiteWizard::connectionTested);
        QTest::mouseClick(child<QPushButton>(wizard, "testButton"), Qt::LeftButton);
        QVERIFY(shown.wait(15000));
        QCOMPARE(tested.size(), 1);
        QCOMPARE(tested.takeFirst().at(0).toBool(), false);
        auto* box = child<QGroupBox>(wizard, "certificateBox");
        QVERIFY(box->isVisible());
        const QString details = child<QLabel>(wizard, "certificateDetails")->text();
        QVERIFY2(details.contains(tls.fingerprint()), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive), qPrintable(details));
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
        avld::test::saveScreenshot(wizard, QStringLiteral("site-wizard-certificate"));

        QTest::mouseClick(child<QPushButton>(wizard, "trustCertificateButton"), Qt::LeftButton);
        QVERIFY(tested.wait(15000));
        const QString result = child<QLabel>(wizard, "testResult")->text();
        QVERIFY2(tested.takeFirst().at(0).toBool(), qPrintable(result));
        QVERIFY(!box->isVisible());
        QCOMPARE(wizard.profile().acceptedCertificate, tls.fingerprint());
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());

        // Another address forgets the exception.
        QTest::mouseClick(wizard.button(QWizard::BackButton), Qt::LeftButton);
        QTest::keyClick(child<QLineEdit>(wizard, "siteUrl"), Qt::Key_Backspace);
        QVERIFY(wizard.profile().acceptedCertificate.isEmpty());
    }

    // After the connection test the wizard shows where the site says the streams are, and from whom; an
    // empty field keeps that, a typed one corrects it.
    void foundMediaServerIsShownAndCorrectable() {
        const quint16 media = freeLoopbackPort();
        SiteSimulator::Options options;
        options.playerServer = QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(media));
        options.statUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/stat").arg(media));
        SiteSimulator site(options);
        QVERIFY(site.listen());
        site.addLive({.key = QStringLiteral("m1"),
                      .user = QStringLiteral("alice"),
                      .title = QStringLiteral("One"),
                      .listedWhileNotPublishing = true});
        SiteWizard wizard(m_secrets);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QTest::keyClicks(child<QLineEdit>(wizard, "siteUrl"), site.siteUrl().toString());
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QTest::keyClicks(child<QLineEdit>(wizard, "siteUser"), QStringLiteral("admin"));
        QTest::keyClicks(child<QLineEdit>(wizard, "sitePassword"), QStringLiteral("admin123"));
        QSignalSpy tested(&wizard, &SiteWizard::connectionTested);
        QTest::mouseClick(child<QPushButton>(wizard, "testButton"), Qt::LeftButton);
        QVERIFY(tested.wait(15000));
        QVERIFY(tested.takeFirst().at(0).toBool());

        auto* shown = child<QLabel>(wizard, "mediaServer");
        const QString streams =
            QStringLiteral("streams %1 (from the site's watch pages)").arg(options.playerServer.toString());
        const QString stat =
            QStringLiteral("stat page %1 (from the Live plugin's options)").arg(options.statUrl.toString());
        QTRY_VERIFY2_WITH_TIMEOUT(shown->text().contains(streams) && shown->text().contains(stat),
                                  qPrintable(shown->text()), 10000);
        QCOMPARE(child<QLineEdit>(wizard, "playerServerEdit")->placeholderText(),
                 options.playerServer.toString());
        // One live's stream is tried where the site says it is: nothing listens there, and the wizard says so
        // before Finish (which it does not block: a stream may be down for its own reasons).
        auto* streamTry = child<QLabel>(wizard, "streamTry");
        QTRY_VERIFY2_WITH_TIMEOUT(
            streamTry->text().startsWith(QStringLiteral("✘ One's stream does not play from "
                                                        "127.0.0.1")),
            qPrintable(streamTry->text()), 15000);
        QVERIFY2(streamTry->text().contains(QStringLiteral("correct it below")),
                 qPrintable(streamTry->text()));
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        avld::test::saveScreenshot(wizard, QStringLiteral("site-wizard-media-server"));

        SiteProfile found = wizard.profile();
        QVERIFY(found.playerServer.isEmpty()); // nothing typed: what the site says is kept as found
        QCOMPARE(found.found.playerServer, options.playerServer);
        QCOMPARE(found.found.playerServerFrom, MediaSource::Site);
        QCOMPARE(found.found.statFrom, MediaSource::Admin);

        QTest::keyClicks(child<QLineEdit>(wizard, "playerServerEdit"),
                         QStringLiteral("https://cdn.example/live"));
        const SiteProfile corrected = wizard.profile();
        QCOMPARE(corrected.playerServer, QUrl(QStringLiteral("https://cdn.example/live")));
        QCOMPARE(corrected.media().playerServerFrom, MediaSource::User);
        QCOMPARE(corrected.media().statUrl, options.statUrl);
    }

    void demoOffered() {
        SiteWizard wizard(m_secrets);
        wizard.offerDemo(true);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QTest::mouseClick(child<QPushButton>(wizard, "demoButton"), Qt::LeftButton);
        QVERIFY(wizard.demoRequested());
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
    }
};

QTEST_MAIN(TestSiteWizard)
#include "tst_sitewizard.moc"
