#include "alerts/emailchannel.h"
#include "alertsamples.h"
#include "fakesmtpserver.h"
#include "mimeparts.h"

#include <QTest>

using namespace avld;
using namespace avld::test;

// E-mail through libcurl's SMTP against a loopback fake SMTP server (no TLS: loopback may skip STARTTLS).
class EmailChannelTest : public QObject {
    Q_OBJECT
private:
    static EmailChannel::Options options(const FakeSmtpServer& smtp) {
        return {.server = smtp.url(),
                .user = QStringLiteral("doctor"),
                .password = QStringLiteral("s3cret-pass"),
                .from = QStringLiteral("doctor@example.org"),
                .to = {QStringLiteral("ops@example.org"), QStringLiteral("oncall@example.org")},
                .timeoutMs = 10'000,
                .connectTimeoutMs = 5'000};
    }

private Q_SLOTS:
    void sendsTextAndThePictureAsAnAttachment() {
        FakeSmtpServer smtp;
        QVERIFY(smtp.listen());
        smtp.requireLogin("doctor", "s3cret-pass");
        EmailChannel channel(options(smtp));
        const AlertMessage message = sampleRaised(true);
        const auto outcome = deliverOnce(channel, message);
        QVERIFY(outcome);
        QVERIFY2(outcome->delivered(), qPrintable(outcome->reason));
        QCOMPARE(smtp.mails().size(), 1);
        const FakeSmtpServer::Mail mail = smtp.mails().first();
        QCOMPARE(mail.user, QByteArray("doctor"));
        QCOMPARE(mail.password, QByteArray("s3cret-pass"));
        QCOMPARE(mail.from, QByteArray("<doctor@example.org>"));
        QCOMPARE(mail.to, (QList<QByteArray>{"<ops@example.org>", "<oncall@example.org>"}));
        QByteArray body;
        const QHash<QByteArray, QByteArray> headers = mimeHeaders(mail.data, &body);
        QCOMPARE(headers.value("subject"), QByteArray("[FIRING] Encoder enc.example is offline"));
        QCOMPARE(headers.value("from"), QByteArray("<doctor@example.org>"));
        QCOMPARE(headers.value("to"), QByteArray("<ops@example.org>, <oncall@example.org>"));
        QVERIFY(headers.value("content-type").startsWith("multipart/mixed"));
        const QList<MimePart> parts = mimeParts(headers.value("content-type"), body);
        QCOMPARE(parts.size(), 2);
        QVERIFY(parts[0].contentType.startsWith("text/plain"));
        QVERIFY2(QString::fromUtf8(parts[0].data).startsWith(message.body()), parts[0].data.constData());
        QCOMPARE(parts[1].fileName, QByteArray("enc.example.jpg"));
        QCOMPARE(parts[1].contentType, QByteArray("image/jpeg"));
        QCOMPARE(parts[1].data, message.alert.picture);
    }

    void aSubjectOutsideAsciiIsEncoded() {
        QCOMPARE(EmailChannel::encodedSubject(QStringLiteral("Encoder ok")), QByteArray("Encoder ok"));
        QCOMPARE(EmailChannel::encodedSubject(QStringLiteral("Codificador está offline")),
                 "=?UTF-8?B?" + QStringLiteral("Codificador está offline").toUtf8().toBase64() + "?=");
    }

    void aWrongPasswordIsRefusedAndNotShown() {
        FakeSmtpServer smtp;
        QVERIFY(smtp.listen());
        smtp.requireLogin("doctor", "another");
        EmailChannel channel(options(smtp));
        const auto outcome = deliverOnce(channel, sampleRaised(false));
        QVERIFY(outcome);
        QCOMPARE(outcome->verdict, DeliveryOutcome::Verdict::Refused);
        QVERIFY(!outcome->reason.contains(QStringLiteral("s3cret-pass")));
        QVERIFY(smtp.mails().isEmpty());
    }

    void aTemporaryRefusalIsRetryable() {
        FakeSmtpServer smtp;
        QVERIFY(smtp.listen());
        smtp.failNext("RCPT", "451 4.3.0 mailbox busy, try later");
        EmailChannel channel(options(smtp));
        const auto outcome = deliverOnce(channel, sampleRaised(false));
        QCOMPARE(outcome->verdict, DeliveryOutcome::Verdict::Retry);
        QVERIFY2(outcome->reason.contains(QStringLiteral("451")), qPrintable(outcome->reason));
        QVERIFY(deliverOnce(channel, sampleRaised(false))->delivered());
    }

    void aPermanentRefusalIsNot() {
        FakeSmtpServer smtp;
        QVERIFY(smtp.listen());
        smtp.failNext("MAIL", "550 5.7.1 sender rejected");
        EmailChannel channel(options(smtp));
        QCOMPARE(deliverOnce(channel, sampleRaised(false))->verdict, DeliveryOutcome::Verdict::Refused);
    }

    void nothingListeningIsRetryable() {
        FakeSmtpServer smtp;
        EmailChannel::Options o = options(smtp);
        o.server = QUrl(QStringLiteral("smtp://127.0.0.1:1")); // nobody listens on port 1: refused
        EmailChannel channel(o);
        QCOMPARE(deliverOnce(channel, sampleRaised(false))->verdict, DeliveryOutcome::Verdict::Retry);
    }

    void cancelledSendsNeverAnswer() {
        FakeSmtpServer smtp;
        QVERIFY(smtp.listen());
        EmailChannel channel(options(smtp));
        bool answered = false;
        const quint64 attempt = channel.send(sampleRaised(false), [&](DeliveryOutcome) { answered = true; });
        channel.cancel(attempt);
        QTest::qWait(500);
        QVERIFY(!answered);
    }
};

QTEST_GUILESS_MAIN(EmailChannelTest)
#include "tst_emailchannel.moc"
