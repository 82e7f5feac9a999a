#pragma once

#include <QString>
#include <QStringList>

namespace avld::test {

// Permission bits do not stop root, and CI runs as root. A check of "this cannot be written" runs as the
// unprivileged user `nobody` instead: the constructor hands `paths` (and what lies directly in the folders
// among them) to nobody and takes nobody's real and effective ids; the destructor takes root's back. Nothing
// changes when the process is not root. The ids are the process's, every thread's: for unit tests.
class AsNobody {
public:
    explicit AsNobody(const QStringList& paths);
    ~AsNobody();
    AsNobody(const AsNobody&) = delete;
    AsNobody& operator=(const AsNobody&) = delete;

    // Empty when the switch worked (or was not needed), else why not.
    QString error() const { return m_error; }

private:
    bool m_switched = false;
    QString m_error;
};

} // namespace avld::test
