#pragma once

#include "result.h"

#include <QObject>

#include <functional>

namespace avld {

// Where passwords, password hashes and API secrets live. Never QSettings, never a log.
// Asynchronous because desktop keychains answer over D-Bus and may ask the user to unlock.
class SecretStore : public QObject {
    Q_OBJECT
public:
    using ReadDone = std::function<void(Result<QString>)>;
    using Done = std::function<void(Status)>;

    using QObject::QObject;
    ~SecretStore() override = default;

    // A short name for the backend, shown in Settings ("desktop keychain", "memory (tests)").
    virtual QString backendName() const = 0;

    // Each callback runs once, on the thread that made the call, with the result or a reason.
    // A missing entry is the error code "not-found".
    virtual void read(const QString& key, ReadDone done) = 0;
    virtual void write(const QString& key, const QString& secret, Done done) = 0;
    virtual void remove(const QString& key, Done done) = 0;
};

} // namespace avld
