#pragma once

#include "secretstore.h"

namespace avld {

// SecretStore on the desktop keychain through QtKeychain (Secret Service, KWallet, macOS, Windows).
// With no keychain running it fails with "no-keychain"; it never falls back to plain-text storage.
class KeychainSecretStore final : public SecretStore {
    Q_OBJECT
public:
    explicit KeychainSecretStore(QString service, QObject* parent = nullptr);

    QString backendName() const override;
    void read(const QString& key, ReadDone done) override;
    void write(const QString& key, const QString& secret, Done done) override;
    void remove(const QString& key, Done done) override;

private:
    QString m_service;
};

} // namespace avld
