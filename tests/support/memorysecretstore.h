#pragma once

#include "secretstore.h"

#include <QHash>

namespace avld::test {

// The test double of SecretStore: secrets in memory, callbacks on the next event-loop turn like a keychain.
// setUnavailable() makes it behave like a machine with no keychain running.
class MemorySecretStore final : public SecretStore {
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    QString backendName() const override { return QStringLiteral("memory (tests)"); }
    void read(const QString& key, ReadDone done) override;
    void write(const QString& key, const QString& secret, Done done) override;
    void remove(const QString& key, Done done) override;

    void setUnavailable(bool unavailable) { m_unavailable = unavailable; }
    int size() const { return int(m_secrets.size()); }
    // How many keys start with `keyPrefix` ("site/": kept sign-ins; "standin/": stand-in secrets).
    int count(const QString& keyPrefix) const {
        int n = 0;
        for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it)
            n += it.key().startsWith(keyPrefix) ? 1 : 0;
        return n;
    }
    QString value(const QString& key) const { return m_secrets.value(key); }

private:
    QHash<QString, QString> m_secrets;
    bool m_unavailable = false;
};

} // namespace avld::test
