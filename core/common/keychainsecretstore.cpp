#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

namespace avld {

namespace {

Error keychainError(const QKeychain::Job& job) {
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return {QStringLiteral("not-found"), QStringLiteral("No secret is stored under this name."), {}};
    case QKeychain::NoBackendAvailable:
        return {
            QStringLiteral("no-keychain"), QStringLiteral("No desktop keychain is available."),
            QStringLiteral("Start and unlock a keyring (GNOME Keyring, KWallet); secrets are never written "
                           "to plain files.")};
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return {QStringLiteral("keychain-denied"), QStringLiteral("The keychain refused access."),
                QStringLiteral("Unlock the keyring and allow AVideo Live Doctor to use it.")};
    default:
        // Without a session bus QtKeychain cannot reach any Linux keyring, and only says "Unknown error".
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            return {
                QStringLiteral("no-keychain"),
                QStringLiteral("No desktop keychain is reachable (this session has no D-Bus session bus)."),
                QStringLiteral("Run in a desktop session with a keyring (GNOME Keyring, KWallet); secrets "
                               "are never written to plain files.")};
        return {QStringLiteral("keychain-error"), QStringLiteral("Keychain error: ") + job.errorString(), {}};
    }
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject* parent)
    : SecretStore(parent)
    , m_service(std::move(service)) {}

QString KeychainSecretStore::backendName() const {
    return QStringLiteral("desktop keychain");
}

void KeychainSecretStore::read(const QString& key, ReadDone done) {
    auto* job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError)
            done(keychainError(*j));
        else
            done(static_cast<QKeychain::ReadPasswordJob*>(j)->textData());
    });
    job->start();
}

void KeychainSecretStore::write(const QString& key, const QString& secret, Done done) {
    auto* job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* j) {
        done(j->error() == QKeychain::NoError ? Status{} : Status{keychainError(*j)});
    });
    job->start();
}

void KeychainSecretStore::remove(const QString& key, Done done) {
    auto* job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* j) {
        const bool gone = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        done(gone ? Status{} : Status{keychainError(*j)});
    });
    job->start();
}

} // namespace avld
