#include "encoders/encoderstatusanswer.h"

#include <QTest>

using namespace avld;

// What an encoder's status / serverStatus answer says (§2.5): the fields of the encoder's JSON, a refusal
// that still proves PHP runs, and anything else named without echoing it.
class TestEncoderStatusAnswer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void answers_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("withCredentials");
        QTest::addColumn<bool>("alive");
        QTest::addColumn<bool>("readable");
        QTest::addColumn<bool>("malformed");
        QTest::addColumn<int>("queueSize");
        QTest::addColumn<QString>("noteContains");

        const QByteArray json("application/json");
        QTest::newRow("the encoder's status")
            << 200 << json
            << QByteArray(R"({"version":"5.1","queue_size":3,"concurrent":1,"memory":{"memFreeBytes":10}})")
            << false << true << true << false << 3 << QStringLiteral("version 5.1, 3 in queue");
        QTest::newRow("counts as strings")
            << 200 << json << QByteArray(R"({"version":5,"queue_size":"7"})") << false << true << true
            << false << 7 << QStringLiteral("7 in queue");
        QTest::newRow("a count no int holds") << 200 << json << QByteArray(R"({"queue_size":1e300})") << false
                                              << true << true << false << -1 << QStringLiteral("-1 in queue");
        QTest::newRow("a negative count") << 200 << json << QByteArray(R"({"queue_size":-4})") << false
                                          << true << true << false << -1 << QString();
        QTest::newRow("refused without credentials")
            << 403 << json << QByteArray(R"({"error":true,"msg":"Permission denied"})") << false << true
            << false << false << -1 << QStringLiteral("no credentials");
        QTest::newRow("credentials refused") << 403 << json << QByteArray(R"({"error":true})") << true << true
                                             << false << false << -1 << QStringLiteral("credentials refused");
        QTest::newRow("a login page") << 200 << QByteArray("text/html; charset=UTF-8")
                                      << QByteArray("<!DOCTYPE html><title>Login</title>") << false << false
                                      << false << true << -1 << QStringLiteral("with an HTML page");
        QTest::newRow("an HTML page sent as text/plain")
            << 200 << QByteArray("text/plain") << QByteArray("  <html><body>hi</body></html>") << false
            << false << false << true << -1 << QStringLiteral("an HTML page");
        QTest::newRow("JSON that is not the encoder's")
            << 200 << json << QByteArray(R"({"hello":"world"})") << false << false << false << true << -1
            << QStringLiteral("not the encoder's (no version, no queue)");
        QTest::newRow("a JSON array") << 200 << json << QByteArray("[1,2]") << false << false << false << true
                                      << -1 << QStringLiteral("application/json");
        QTest::newRow("empty") << 200 << QByteArray() << QByteArray(" \n") << false << false << false << true
                               << -1 << QStringLiteral("an empty answer");
        QTest::newRow("no status page")
            << 404 << QByteArray("text/html") << QByteArray("Not Found") << false << false << false << false
            << -1 << QStringLiteral("no status page (HTTP 404)");
        // A hostile Content-Type is cut to the characters a media type has: no escape reaches the note.
        QTest::newRow("hostile content type")
            << 200 << QByteArray("text/x\x1b]0;owned\x07;charset=x") << QByteArray("garbage") << false
            << false << false << true << -1 << QStringLiteral("with text/x0 (");
    }

    void answers() {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(bool, withCredentials);
        QFETCH(bool, alive);
        QFETCH(bool, readable);
        QFETCH(bool, malformed);
        QFETCH(int, queueSize);
        QFETCH(QString, noteContains);
        const EncoderStatusInfo info = readEncoderStatusAnswer(status, contentType, body, withCredentials);
        QCOMPARE(info.alive, alive);
        QCOMPARE(info.readable, readable);
        QCOMPARE(info.malformed, malformed);
        QCOMPARE(info.queueSize, queueSize);
        QVERIFY2(info.note.contains(noteContains), qPrintable(info.note));
        QVERIFY(!info.note.contains(QChar(0x1b)));
    }

    void memoryFigures() {
        const EncoderStatusInfo info = readEncoderStatusAnswer(
            200, "application/json",
            R"({"version":"5","queue_size":0,"concurrent":"2","memory":{"memFreeBytes":"1024","memTotalBytes":4096}})",
            false);
        QCOMPARE(info.concurrent, 2);
        QCOMPARE(info.memFreeBytes, qint64(1024));
        QCOMPARE(info.memTotalBytes, qint64(4096));
    }

    // is_encoding as the encoder's PHP may write it, and the one line a person reads.
    void ownStateInOneLine_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("line");
        QTest::newRow("busy")
            << QByteArray(
                   R"({"version":"8.1","queue_size":3,"concurrent":1,"is_encoding":true,"memory":{"memFreeBytes":1288490188,"memTotalBytes":8589934592}})")
            << QStringLiteral("version 8.1, 3 videos waiting, 1 at a time, encoding now, 1.2 GiB "
                              "of 8.0 GiB memory free");
        QTest::newRow("idle, is_encoding as a string")
            << QByteArray(R"({"version":"8.1","queue_size":1,"is_encoding":"0"})")
            << QStringLiteral("version 8.1, 1 video waiting, not encoding");
        QTest::newRow("no is_encoding, no memory")
            << QByteArray(R"({"queue_size":0})") << QStringLiteral("0 videos waiting");
        QTest::newRow("refused") << QByteArray(R"({"error":true,"msg":"Permission denied"})") << QString();
    }
    void ownStateInOneLine() {
        QFETCH(QByteArray, body);
        QFETCH(QString, line);
        const int status = body.contains("Permission") ? 403 : 200;
        QCOMPARE(describeEncoderOwnState(readEncoderStatusAnswer(status, "application/json", body, true)),
                 line);
    }
};

QTEST_GUILESS_MAIN(TestEncoderStatusAnswer)
#include "tst_encoderstatusanswer.moc"
