#include "alertoptions.h"

#include <QTemporaryDir>
#include <QTest>

using namespace avld;

// The alert options of `encoders`: --alert KIND[:TARGET], secrets from credentials only, --remind-every,
// --quiet-hours, --hold-critical, --test-alert.
class AlertOptionsTest : public QObject {
    Q_OBJECT
private:
    static Result<AlertSetup> read(const QStringList& arguments, const QProcessEnvironment& environment) {
        QCommandLineParser parser;
        AlertOptions options;
        options.addTo(parser);
        if (!parser.parse(QStringList{QStringLiteral("encoders")} + arguments))
            return Error{QStringLiteral("usage"), parser.errorText(), {}};
        return options.read(parser, environment);
    }

private Q_SLOTS:
    void channels_data() {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("extra");
        QTest::newRow("ntfy") << "ntfy:https://ntfy.sh/avideo-alerts"
                              << "ntfy"
                              << "https://ntfy.sh/avideo-alerts"
                              << "";
        QTest::newRow("telegram") << "telegram:-1001234567890"
                                  << "telegram"
                                  << "-1001234567890"
                                  << "";
        QTest::newRow("telegram, own API") << "telegram:@ops?api=http://127.0.0.1:8081"
                                           << "telegram"
                                           << "@ops"
                                           << "http://127.0.0.1:8081";
        QTest::newRow("discord") << "discord"
                                 << "discord"
                                 << ""
                                 << "";
        QTest::newRow("slack, any case") << "Slack"
                                         << "slack"
                                         << ""
                                         << "";
        QTest::newRow("webhook") << "webhook:https://hooks.example.org/a?b=c"
                                 << "webhook"
                                 << "https://hooks.example.org/a?b=c"
                                 << "";
        QTest::newRow("email")
            << "email:smtps://"
               "doctor@mail.example.org:465?from=doctor@example.org&to=ops@example.org,oncall@example.org"
            << "email"
            << "smtps://doctor@mail.example.org:465"
            << "doctor@example.org>ops@example.org,oncall@example.org";
    }
    void channels() {
        QFETCH(QString, spec);
        QFETCH(QString, kind);
        QFETCH(QString, target);
        QFETCH(QString, extra);
        const Result<AlertChannelConfig> c = AlertOptions::parseChannel(spec);
        QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().message));
        QCOMPARE(c->kind, kind);
        QCOMPARE(c->target, target);
        if (kind == QStringLiteral("telegram"))
            QCOMPARE(c->apiUrl.toString(), extra);
        if (kind == QStringLiteral("email"))
            QCOMPARE(c->from + QLatin1Char('>') + c->to.join(QLatin1Char(',')), extra);
    }

    void refused_data() {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("says");
        QTest::newRow("unknown kind") << "pager:123"
                                      << "the kind must be one of";
        QTest::newRow("secret URL on the line") << "discord:https://discord.com/api/webhooks/1/tok"
                                                << "is a secret";
        QTest::newRow("ntfy without topic") << "ntfy:https://ntfy.sh/"
                                            << "topic's URL";
        QTest::newRow("telegram without chat") << "telegram:"
                                               << "chat id";
        QTest::newRow("email without to") << "email:smtp://mail.example.org?from=a@b"
                                          << "To addresses";
        QTest::newRow("email password in URL") << "email:smtps://u:pw@mail.example.org?from=a@b&to=c@d"
                                               << "smtp-password";
        QTest::newRow("webhook not http") << "webhook:ftp://x/y"
                                          << "http(s) URL";
    }
    void refused() {
        QFETCH(QString, spec);
        QFETCH(QString, says);
        const Result<AlertChannelConfig> c = AlertOptions::parseChannel(spec);
        QVERIFY(!c.ok());
        QVERIFY2(c.error().message.contains(says), qPrintable(c.error().message));
    }

    void secretsComeFromCredentialsThenTheEnvironment() {
        QTemporaryDir systemd;
        QTemporaryDir own;
        QVERIFY(systemd.isValid() && own.isValid());
        auto write = [](const QString& path, const QByteArray& text) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        };
        write(systemd.filePath(QStringLiteral("telegram-bot-token")), "111:from-systemd\n");
        write(own.filePath(QStringLiteral("slack-webhook-url")),
              "https://hooks.slack.com/services/T/B/own\n");
        QProcessEnvironment env;
        env.insert(QStringLiteral("CREDENTIALS_DIRECTORY"), systemd.path());
        env.insert(QStringLiteral("AVLD_DISCORD_WEBHOOK_URL"),
                   QStringLiteral("https://discord.com/api/webhooks/1/env"));
        env.insert(QStringLiteral("AVLD_TELEGRAM_BOT_TOKEN"), QStringLiteral("222:from-env"));
        const Result<AlertSetup> setup =
            read({QStringLiteral("--alert"), QStringLiteral("telegram:42"), QStringLiteral("--alert"),
                  QStringLiteral("discord"), QStringLiteral("--alert"), QStringLiteral("slack"),
                  QStringLiteral("--alert-credentials"), own.path()},
                 env);
        QVERIFY2(setup.ok(), setup.ok() ? "" : qPrintable(setup.error().message));
        QCOMPARE(setup->channels.size(), 3);
        QCOMPARE(setup->secrets.value(setup->channels[0].id),
                 QStringLiteral("111:from-systemd")); // file first
        QCOMPARE(setup->secrets.value(setup->channels[1].id),
                 QStringLiteral("https://discord.com/api/webhooks/1/env"));
        QCOMPARE(setup->secrets.value(setup->channels[2].id),
                 QStringLiteral("https://hooks.slack.com/services/T/B/own"));
    }

    void aMissingSecretNamesTheCredential() {
        const Result<AlertSetup> setup = read({QStringLiteral("--alert"), QStringLiteral("telegram:42")}, {});
        QVERIFY(!setup.ok());
        QVERIFY2(setup.error().message.contains(QStringLiteral("telegram-bot-token")) &&
                     setup.error().message.contains(QStringLiteral("AVLD_TELEGRAM_BOT_TOKEN")),
                 qPrintable(setup.error().message));
    }

    void lifecycleOptions() {
        const Result<AlertSetup> setup =
            read({QStringLiteral("--alert"), QStringLiteral("ntfy:https://ntfy.sh/t"),
                  QStringLiteral("--remind-every"), QStringLiteral("2h"), QStringLiteral("--quiet-hours"),
                  QStringLiteral("22:00-07:00"), QStringLiteral("--hold-critical"),
                  QStringLiteral("--webhook"), QStringLiteral("https://h.example/x")},
                 {});
        QVERIFY(setup.ok());
        QCOMPARE(setup->policy.remindEveryMs, 2 * 3'600'000LL);
        QCOMPARE(setup->policy.quietHours.toString(), QStringLiteral("22:00-07:00"));
        QVERIFY(!setup->policy.criticalDuringQuietHours);
        QCOMPARE(setup->channels.size(), 2); // --webhook is one more channel
        QCOMPARE(setup->channels[1].kind, QStringLiteral("webhook"));
        QVERIFY(!setup->test);
    }

    void durations_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("minutes") << "90" << 90 * 60'000LL;
        QTest::newRow("m") << "30m" << 30 * 60'000LL;
        QTest::newRow("h") << "2h" << 2 * 3'600'000LL;
        QTest::newRow("never") << "0" << 0LL;
        QTest::newRow("seconds under a minute") << "30s" << -1LL;
        QTest::newRow("words") << "often" << -1LL;
    }
    void durations() {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const Result<qint64> parsed = AlertOptions::parseDuration(text);
        QCOMPARE(parsed.ok(), ms >= 0);
        if (ms >= 0)
            QCOMPARE(*parsed, ms);
    }

    void testAlertNeedsAChannel() {
        QVERIFY(!read({QStringLiteral("--test-alert")}, {}).ok());
        const Result<AlertSetup> setup = read({QStringLiteral("--test-alert"), QStringLiteral("--alert"),
                                               QStringLiteral("ntfy:https://ntfy.sh/t")},
                                              {});
        QVERIFY(setup.ok() && setup->test);
    }
};

QTEST_GUILESS_MAIN(AlertOptionsTest)
#include "tst_alertoptions.moc"
