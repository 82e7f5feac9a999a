#include "alertoptions.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QUrlQuery>

namespace avld {

void AlertOptions::addTo(QCommandLineParser& parser) const {
    parser.addOptions({m_alert, m_credentials, m_remind, m_quiet, m_holdCritical, m_test, m_webhook});
}

Result<qint64> AlertOptions::parseDuration(const QString& text) {
    static const QRegularExpression form(QStringLiteral("^\\s*(\\d+)\\s*(s|m|min|h)?\\s*$"));
    const QRegularExpressionMatch match = form.match(text);
    if (!match.hasMatch())
        return Error{QStringLiteral("usage"),
                     QStringLiteral("\"%1\" is not a duration like 90, 30m, 2h or 0").arg(text),
                     {}};
    const qint64 n = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    const qint64 ms = unit == QStringLiteral("s")   ? n * 1000
                      : unit == QStringLiteral("h") ? n * 3'600'000
                                                    : n * 60'000; // minutes by default
    if (ms != 0 && ms < 60'000)
        return Error{QStringLiteral("usage"), QStringLiteral("reminders come at most once a minute"), {}};
    return ms;
}

Result<AlertChannelConfig> AlertOptions::parseChannel(const QString& text) {
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    AlertChannelConfig c;
    c.kind = (colon < 0 ? text : text.left(colon)).trimmed().toLower();
    QString target = colon < 0 ? QString() : text.mid(colon + 1).trimmed();
    if (c.kind == QStringLiteral("e-mail") || c.kind == QStringLiteral("smtp"))
        c.kind = QStringLiteral("email");
    if (!AlertChannelConfig::kinds().contains(c.kind))
        return Error{QStringLiteral("usage"),
                     QStringLiteral("--alert %1: the kind must be one of %2")
                         .arg(text, AlertChannelConfig::kinds().join(QStringLiteral(", "))),
                     {}};
    if ((c.kind == QStringLiteral("discord") || c.kind == QStringLiteral("slack")) && !target.isEmpty())
        return Error{
            QStringLiteral("usage"),
            QStringLiteral("--alert %1: a %2 webhook URL is a secret; give it as the credential %3, not on "
                           "the command line")
                .arg(c.kind, c.kind, AlertChannelConfig::secretName(c.kind)),
            {}};
    // Telegram's chat id and the SMTP server take their options as a query: ?api=URL, ?from=…&to=….
    if (c.kind == QStringLiteral("telegram") || c.kind == QStringLiteral("email")) {
        const qsizetype question = target.indexOf(QLatin1Char('?'));
        const QUrlQuery query(question < 0 ? QString() : target.mid(question + 1));
        target = question < 0 ? target : target.left(question);
        c.apiUrl = QUrl(query.queryItemValue(QStringLiteral("api"), QUrl::FullyDecoded));
        c.from = query.queryItemValue(QStringLiteral("from"), QUrl::FullyDecoded);
        for (const QString& to : query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded)
                                     .split(QLatin1Char(','), Qt::SkipEmptyParts))
            c.to.append(to.trimmed());
    }
    c.target = target;
    if (const QString why = c.problem(); !why.isEmpty())
        return Error{QStringLiteral("usage"), QStringLiteral("--alert %1: %2").arg(text, why), {}};
    if (c.kind == QStringLiteral("email") && !QUrl(c.target).password().isEmpty())
        return Error{QStringLiteral("usage"),
                     QStringLiteral("--alert email: the SMTP password is a secret; give it as the credential "
                                    "smtp-password, not in the URL"),
                     {}};
    return c;
}

QString AlertOptions::credential(const QString& name, const QString& directory,
                                 const QProcessEnvironment& environment) {
    for (const QString& dir : {directory, environment.value(QStringLiteral("CREDENTIALS_DIRECTORY"))}) {
        if (dir.isEmpty())
            continue;
        QFile file(QDir(dir).filePath(name));
        if (file.open(QIODevice::ReadOnly))
            return QString::fromUtf8(file.readAll()).trimmed();
    }
    const QString variable =
        QStringLiteral("AVLD_") + name.toUpper().replace(QLatin1Char('-'), QLatin1Char('_'));
    return environment.value(variable).trimmed();
}

Result<AlertSetup> AlertOptions::read(const QCommandLineParser& parser,
                                      const QProcessEnvironment& environment) const {
    AlertSetup setup;
    QStringList specs = parser.values(m_alert);
    for (const QString& url : parser.values(m_webhook))
        specs.append(QStringLiteral("webhook:") + url);
    const QString directory = parser.value(m_credentials);
    if (!directory.isEmpty() && !QDir(directory).exists())
        return Error{QStringLiteral("usage"),
                     QStringLiteral("--alert-credentials %1 is not a directory").arg(directory),
                     {}};
    int n = 0;
    for (const QString& spec : std::as_const(specs)) {
        Result<AlertChannelConfig> channel = parseChannel(spec);
        if (!channel)
            return channel.error();
        AlertChannelConfig c = *channel;
        c.id = QStringLiteral("cli-%1-%2").arg(c.kind).arg(++n);
        const QString secret = credential(AlertChannelConfig::secretName(c.kind), directory, environment);
        if (c.needsSecret() && secret.isEmpty())
            return Error{QStringLiteral("usage"),
                         QStringLiteral("--alert %1 needs its %2: the credential %3 (a file of that name in "
                                        "--alert-credentials or $CREDENTIALS_DIRECTORY, or $AVLD_%4)")
                             .arg(spec, AlertChannelConfig::secretDescription(c.kind),
                                  AlertChannelConfig::secretName(c.kind),
                                  AlertChannelConfig::secretName(c.kind).toUpper().replace(QLatin1Char('-'),
                                                                                           QLatin1Char('_'))),
                         {}};
        setup.secrets.insert(c.id, secret);
        setup.channels.append(c);
    }
    const Result<qint64> remind = parseDuration(parser.value(m_remind));
    if (!remind)
        return Error{
            QStringLiteral("usage"), QStringLiteral("--remind-every: %1").arg(remind.error().message), {}};
    setup.policy.remindEveryMs = *remind;
    if (parser.isSet(m_quiet)) {
        const Result<QuietHours> quiet = QuietHours::parse(parser.value(m_quiet));
        if (!quiet)
            return Error{
                QStringLiteral("usage"), QStringLiteral("--quiet-hours: %1").arg(quiet.error().message), {}};
        setup.policy.quietHours = *quiet;
    }
    setup.policy.criticalDuringQuietHours = !parser.isSet(m_holdCritical);
    setup.test = parser.isSet(m_test);
    if (setup.test && setup.channels.isEmpty())
        return Error{QStringLiteral("usage"), QStringLiteral("--test-alert needs at least one --alert"), {}};
    return setup;
}

} // namespace avld
