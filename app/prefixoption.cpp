#include "prefixoption.h"

#include "systemdcredential.h"

#include <QFile>
#include <QRegularExpression>

namespace avld {

namespace {

constexpr qint64 kMaxPrefixFileBytes = 4096;

Error usage(const QString& message) {
    return Error{QStringLiteral("usage"), message, {}};
}

Result<QString> readPrefixFile(const QString& path, const QString& from, QString* warning) {
    QFile file(path);
    if (!file.exists())
        return Error{QStringLiteral("no-such-file"), QStringLiteral("%1: %2 does not exist").arg(from, path),
                     QStringLiteral("Write the secret into it (e.g. openssl rand -hex 16 > FILE; chmod 600 "
                                    "FILE).")};
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("unreadable"),
                     QStringLiteral("%1: cannot read %2: %3").arg(from, path, file.errorString()),
                     QStringLiteral("The user the stand-in runs as must be able to read it.")};
    const QByteArray content = file.read(kMaxPrefixFileBytes + 1);
    if (content.size() > kMaxPrefixFileBytes)
        return usage(QStringLiteral("%1: %2 is larger than %3 bytes: it does not look like a secret prefix")
                         .arg(from, path)
                         .arg(kMaxPrefixFileBytes));
    const QFileDevice::Permissions others =
        QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther;
    if (warning && (file.permissions() & others))
        *warning = QStringLiteral("%1 can be read by other users: chmod 600 it").arg(path);
    // The first line; a trailing newline (echo, openssl rand) is not part of it.
    const QString firstLine = QString::fromUtf8(content).section(QLatin1Char('\n'), 0, 0);
    return validStandinPrefix(firstLine, from);
}

} // namespace

PrefixOptions::PrefixOptions(const QString& prefixHelp)
    : prefix(QStringLiteral("prefix"),
             prefixHelp + QStringLiteral(" Shown to other users by ps: prefer --prefix-file."),
             QStringLiteral("secret"))
    , prefixFile(QStringLiteral("prefix-file"),
                 QStringLiteral("Read the secret prefix from the first line of this file (under systemd: the "
                                "credential \"%1\" is read by itself).")
                     .arg(QLatin1String(kPrefixCredential)),
                 QStringLiteral("file")) {}

void PrefixOptions::addTo(QCommandLineParser& parser) const {
    parser.addOption(prefix);
    parser.addOption(prefixFile);
}

namespace {

QString credentialPath() {
    return systemdCredentialPath(QLatin1String(kPrefixCredential));
}

} // namespace

bool PrefixOptions::isSet(const QCommandLineParser& parser) const {
    return parser.isSet(prefix) || parser.isSet(prefixFile) || !credentialPath().isEmpty();
}

Result<std::optional<QString>> PrefixOptions::secret(const QCommandLineParser& parser,
                                                     QString* warning) const {
    if (parser.isSet(prefix) && parser.isSet(prefixFile))
        return usage(QStringLiteral("--prefix and --prefix-file both give the secret: use one"));
    if (parser.isSet(prefix)) {
        Result<QString> secret = validStandinPrefix(parser.value(prefix), QStringLiteral("--prefix"));
        if (!secret)
            return secret.error();
        return std::optional<QString>(*secret);
    }
    if (parser.isSet(prefixFile)) {
        Result<QString> secret =
            readPrefixFile(parser.value(prefixFile), QStringLiteral("--prefix-file"), warning);
        if (!secret)
            return secret.error();
        return std::optional<QString>(*secret);
    }
    if (const QString path = credentialPath(); !path.isEmpty()) {
        // systemd makes the credential readable by the service alone: no permission warning.
        Result<QString> secret = readPrefixFile(
            path, QStringLiteral("the credential \"%1\"").arg(QLatin1String(kPrefixCredential)), nullptr);
        if (!secret)
            return secret.error();
        return std::optional<QString>(*secret);
    }
    return std::optional<QString>();
}

Result<QString> validStandinPrefix(const QString& text, const QString& from) {
    QString secret = text.trimmed();
    while (secret.startsWith(QLatin1Char('/')))
        secret.remove(0, 1);
    while (secret.endsWith(QLatin1Char('/')))
        secret.chop(1);
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._~-]+$"));
    if (!allowed.match(secret).hasMatch())
        return usage(
            QStringLiteral("%1: the prefix must be letters, digits, '.', '_', '~' or '-'").arg(from));
    return secret;
}

} // namespace avld
