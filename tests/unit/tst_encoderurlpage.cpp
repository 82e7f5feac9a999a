#include "site/encoderurlpage.h"

#include <QTest>

using namespace avld;

// Reading configurations.encoderURL from the admin's Site Configurations page (§2.1).
class EncoderUrlPageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsTheField_data() {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("errorCode");

        QTest::newRow("2026 form")
            << QByteArray(
                   "<div class=\"col-md-8\"><input id=\"encoder_url\" aria-describedby=\"encoder_urlHelp\" "
                   "class=\"form-control\" type=\"url\" value=\"https://encoder1.wwbn.net/\"></div>")
            << "https://encoder1.wwbn.net/"
            << "";
        QTest::newRow("value before id, single quotes")
            << QByteArray("<INPUT value='http://10.0.0.5/Encoder/' class=form-control id='encoder_url'>")
            << "http://10.0.0.5/Encoder/"
            << "";
        QTest::newRow("htmlspecialchars entities")
            << QByteArray("<input id=\"encoder_url\" value=\"https://enc.example/p/?a=1&amp;b=2\">")
            << "https://enc.example/p/?a=1&b=2"
            << "";
        QTest::newRow("other inputs around it")
            << QByteArray(
                   "<input id=\"webSiteTitle\" value=\"My site\">\n<input id=\"encoder_url\" "
                   "type=\"url\" value=\" http://127.0.0.1:8888/ \">\n<input id=\"language\" value=\"en\">")
            << "http://127.0.0.1:8888/"
            << "";
        QTest::newRow("page without the form (not an admin)")
            << QByteArray("<html><body><div class=\"container\"></div></body></html>") << ""
            << "not-admin";
        QTest::newRow("login page") << QByteArray("<form id=\"loginForm\"><input name=\"user\"></form>") << ""
                                    << "not-admin";
        QTest::newRow("empty value") << QByteArray("<input id=\"encoder_url\" value=\"\">") << ""
                                     << "bad-answer";
        QTest::newRow("no value attribute") << QByteArray("<input id=\"encoder_url\">") << ""
                                            << "bad-answer";
        QTest::newRow("not http") << QByteArray("<input id=\"encoder_url\" value=\"javascript:alert(1)\">")
                                  << ""
                                  << "bad-answer";
        QTest::newRow("no host") << QByteArray("<input id=\"encoder_url\" value=\"http:///x\">") << ""
                                 << "bad-answer";
        QTest::newRow("empty body") << QByteArray() << ""
                                    << "not-admin";
    }

    void readsTheField() {
        QFETCH(QByteArray, html);
        QFETCH(QString, url);
        QFETCH(QString, errorCode);
        const Result<QUrl> read = encoderUrlFromConfigurationsPage(html);
        if (errorCode.isEmpty()) {
            QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().toString()));
            QCOMPARE(read->toString(), url);
        } else {
            QVERIFY(!read.ok());
            QCOMPARE(read.error().code, errorCode);
            QVERIFY(!read.error().hint.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(EncoderUrlPageTest)
#include "tst_encoderurlpage.moc"
