#include "standinidentity.h"

#include "secretstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace avld {

namespace {

constexpr auto kGroup = "standin";
constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString secretName(const QString& key) {
    return QStringLiteral("standin/%1/prefix").arg(key);
}

bool looksLikePrefix(const QString& text) {
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._~-]{1,200}$"));
    return allowed.match(text).hasMatch();
}

} // namespace

QString StandinIdentity::newPrefix() {
    QString out;
    for (int i = 0; i < 4; ++i)
        out += QStringLiteral("%1").arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
    return out;
}

StandinIdentityStore::StandinIdentityStore(QSettings& settings, SecretStore& secrets, QString fileDirectory,
                                           QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_directory(std::move(fileDirectory)) {}

QString StandinIdentityStore::defaultDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/standin");
}

QString StandinIdentityStore::siteKey(const QUrl& siteUrl) {
    const QByteArray url = siteUrl.adjusted(QUrl::NormalizePathSegments).toString().toLower().toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(url, QCryptographicHash::Sha256).toHex().left(16));
}

QString StandinIdentityStore::filePath(const QString& key) const {
    return QDir(m_directory).filePath(key + QStringLiteral(".prefix"));
}

Result<QString> StandinIdentityStore::readFile(const QString& key) const {
    QFile file(filePath(key));
    if (!file.exists())
        return Error{QStringLiteral("not-found"), QStringLiteral("no stand-in secret is kept in a file"), {}};
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            QStringLiteral("unreadable"),
            QStringLiteral("cannot read the stand-in's secret from %1: %2")
                .arg(file.fileName(), file.errorString()),
            QStringLiteral("Check the file's owner and permissions (it should be yours, mode 0600).")};
    const QString prefix = QString::fromUtf8(file.read(1024)).trimmed();
    if (!looksLikePrefix(prefix))
        return Error{
            QStringLiteral("corrupt"),
            QStringLiteral("%1 does not hold a stand-in secret (letters, digits, '.', '_', '~', '-')")
                .arg(file.fileName()),
            QStringLiteral("Delete the file to make a new secret, then update AVideo's Encoder URL.")};
    // Someone may have widened it by hand; a capability readable by others is not one.
    if ((file.permissions() & ~(kOwnerOnly | QFileDevice::ReadUser | QFileDevice::WriteUser)) != 0)
        file.setPermissions(kOwnerOnly);
    return prefix;
}

Status StandinIdentityStore::writeFile(const QString& key, const QString& prefix) const {
    const auto failed = [&](const QString& what) -> Status {
        return Error{QStringLiteral("cannot-keep"),
                     QStringLiteral("cannot keep the stand-in's secret in %1: %2").arg(m_directory, what),
                     QStringLiteral("Make the directory writable for this user, or run where a desktop "
                                    "keychain is available.")};
    };
    if (!QDir().mkpath(m_directory))
        return failed(QStringLiteral("the directory cannot be made"));
    QFile::setPermissions(m_directory, kOwnerOnly | QFileDevice::ExeOwner);
    QSaveFile file(filePath(key));
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());
    // Owner-only before a byte of the secret is written.
    file.setPermissions(kOwnerOnly);
    file.write(prefix.toUtf8() + '\n');
    if (!file.commit())
        return failed(file.errorString());
    return {};
}

StandinIdentity StandinIdentityStore::identityFor(const QString& key, const QString& prefix,
                                                  const QString& keptIn) const {
    StandinIdentity identity;
    identity.listen =
        m_settings.value(QStringLiteral("%1/%2/listen").arg(QLatin1String(kGroup), key)).toString();
    identity.prefix = prefix;
    identity.keptIn = keptIn;
    return identity;
}

void StandinIdentityStore::load(const QUrl& siteUrl, bool renewPrefix,
                                std::function<void(Result<StandinIdentity>)> done) {
    const QString key = siteKey(siteUrl);
    if (renewPrefix)
        return keep(key, siteUrl, StandinIdentity::newPrefix(), std::move(done));
    QPointer<StandinIdentityStore> self(this);
    m_secrets.read(
        secretName(key), [self, key, siteUrl, done = std::move(done)](Result<QString> kept) mutable {
            if (!self)
                return;
            if (kept && looksLikePrefix(*kept))
                return done(
                    self->identityFor(key, *kept, QStringLiteral("the ") + self->m_secrets.backendName()));
            // No keychain here, or nothing in it for this site: a file kept where no keychain ran.
            Result<QString> fromFile = self->readFile(key);
            if (fromFile)
                return done(self->identityFor(key, *fromFile, self->filePath(key)));
            if (fromFile.error().code != QStringLiteral("not-found"))
                return done(fromFile.error());
            self->keep(key, siteUrl, StandinIdentity::newPrefix(), std::move(done));
        });
}

void StandinIdentityStore::keepPrefix(const QUrl& siteUrl, const QString& prefix,
                                      std::function<void(Result<StandinIdentity>)> done) {
    if (!looksLikePrefix(prefix))
        return done(Error{QStringLiteral("bad-prefix"),
                          QStringLiteral("a stand-in secret is letters, digits, '.', '_', '~' or '-'"),
                          {}});
    keep(siteKey(siteUrl), siteUrl, prefix, std::move(done));
}

void StandinIdentityStore::keep(const QString& key, const QUrl& siteUrl, const QString& prefix,
                                std::function<void(Result<StandinIdentity>)> done) {
    m_settings.setValue(QStringLiteral("%1/%2/site").arg(QLatin1String(kGroup), key), siteUrl.toString());
    QPointer<StandinIdentityStore> self(this);
    m_secrets.write(secretName(key), prefix, [self, key, prefix, done = std::move(done)](Status failed) {
        if (!self)
            return;
        StandinIdentity identity;
        if (failed.ok()) {
            QFile::remove(self->filePath(key)); // an older secret kept where no keychain ran
            identity = self->identityFor(key, prefix, QStringLiteral("the ") + self->m_secrets.backendName());
        } else {
            if (const Status notKept = self->writeFile(key, prefix); !notKept.ok())
                return done(notKept.error());
            identity = self->identityFor(key, prefix, self->filePath(key));
        }
        identity.madeNow = true;
        done(identity);
    });
}

void StandinIdentityStore::keepListen(const QUrl& siteUrl, const QString& listen) {
    const QString key = siteKey(siteUrl);
    m_settings.setValue(QStringLiteral("%1/%2/site").arg(QLatin1String(kGroup), key), siteUrl.toString());
    m_settings.setValue(QStringLiteral("%1/%2/listen").arg(QLatin1String(kGroup), key), listen);
}

} // namespace avld
