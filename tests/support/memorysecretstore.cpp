#include "memorysecretstore.h"

#include <QTimer>

namespace avld::test {

namespace {
Error noKeychain() {
    return {QStringLiteral("no-keychain"), QStringLiteral("No desktop keychain is available."), {}};
}
} // namespace

void MemorySecretStore::read(const QString& key, ReadDone done) {
    QTimer::singleShot(0, this, [this, key, done = std::move(done)] {
        if (m_unavailable)
            done(noKeychain());
        else if (!m_secrets.contains(key))
            done(Error{
                QStringLiteral("not-found"), QStringLiteral("No secret is stored under this name."), {}});
        else
            done(m_secrets.value(key));
    });
}

void MemorySecretStore::write(const QString& key, const QString& secret, Done done) {
    QTimer::singleShot(0, this, [this, key, secret, done = std::move(done)] {
        if (m_unavailable)
            return done(noKeychain());
        m_secrets.insert(key, secret);
        done({});
    });
}

void MemorySecretStore::remove(const QString& key, Done done) {
    QTimer::singleShot(0, this, [this, key, done = std::move(done)] {
        if (m_unavailable)
            return done(noKeychain());
        m_secrets.remove(key);
        done({});
    });
}

} // namespace avld::test
