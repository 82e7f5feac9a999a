#pragma once

#include "alerts/alertchannelconfig.h"
#include "alerts/alertlifecycle.h"
#include "result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QHash>
#include <QProcessEnvironment>

namespace avld {

// What the alert options ask for.
struct AlertSetup {
    QList<AlertChannelConfig> channels{};
    QHash<QString, QString> secrets{}; // channel id -> its secret (never printed)
    AlertPolicy policy{};
    bool test = false; // --test-alert
};

// The alert options of `encoders`: --alert KIND[:TARGET] (repeatable), --alert-credentials, --remind-every,
// --quiet-hours, --hold-critical, --test-alert. Secrets never come from the command line (they would show in
// `ps` and the shell's history): each kind's credential (AlertChannelConfig::secretName(), e.g.
// telegram-bot-token) is read from the file of that name in --alert-credentials DIR, else in
// $CREDENTIALS_DIRECTORY (systemd's LoadCredential=), else from $AVLD_<NAME> (AVLD_TELEGRAM_BOT_TOKEN).
class AlertOptions {
public:
    void addTo(QCommandLineParser& parser) const;
    Result<AlertSetup>
    read(const QCommandLineParser& parser,
         const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment()) const;

    // One --alert value: "ntfy:https://ntfy.sh/topic", "telegram:-100123[?api=URL]", "discord", "slack",
    // "email:smtps://user@host:465?from=a@b&to=c@d,e@f", "webhook:URL" or "webhook".
    static Result<AlertChannelConfig> parseChannel(const QString& text);
    // "90" (minutes), "30m", "2h", "45s", "0" (never): milliseconds.
    static Result<qint64> parseDuration(const QString& text);
    // The credential `name` from `directory` (may be empty), else $CREDENTIALS_DIRECTORY, else $AVLD_<NAME>;
    // empty when none has it.
    static QString credential(const QString& name, const QString& directory,
                              const QProcessEnvironment& environment);

private:
    QCommandLineOption m_alert{
        QStringLiteral("alert"),
        QStringLiteral(
            "Send alerts (with --watch) to KIND[:TARGET] (repeatable): ntfy:TOPIC_URL, telegram:CHAT_ID, "
            "discord, slack, email:smtps://USER@HOST?from=ADDR&to=ADDR[,ADDR], webhook:URL. Secrets "
            "come from credentials, never from here (see README: Alerts)."),
        QStringLiteral("kind:target")};
    QCommandLineOption m_credentials{
        QStringLiteral("alert-credentials"),
        QStringLiteral("Read alert secrets from files in this directory (default: $CREDENTIALS_DIRECTORY; "
                       "then $AVLD_TELEGRAM_BOT_TOKEN and the like)."),
        QStringLiteral("dir")};
    QCommandLineOption m_remind{
        QStringLiteral("remind-every"),
        QStringLiteral("Remind of an alert still raised this often (90, 30m, 2h; 0: never; "
                       "default 60m)."),
        QStringLiteral("duration"), QStringLiteral("60m")};
    QCommandLineOption m_quiet{
        QStringLiteral("quiet-hours"),
        QStringLiteral("Hold warnings during these local hours (22:00-07:00) and send them as one summary at "
                       "their end; critical alerts still go out."),
        QStringLiteral("from-to")};
    QCommandLineOption m_holdCritical{QStringLiteral("hold-critical"),
                                      QStringLiteral("During quiet hours, hold critical alerts too.")};
    QCommandLineOption m_test{
        QStringLiteral("test-alert"),
        QStringLiteral("Send one test message to each --alert channel, say how each went, "
                       "and exit (0: all delivered)."),
    };
    QCommandLineOption m_webhook{QStringLiteral("webhook"),
                                 QStringLiteral("POST alerts as JSON to this URL (with --watch); the same as "
                                                "--alert webhook:URL."),
                                 QStringLiteral("url")};
};

} // namespace avld
