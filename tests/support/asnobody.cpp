#include "asnobody.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <pwd.h>
#include <unistd.h>

namespace avld::test {

namespace {

QString lastError(const char* what) {
    return QStringLiteral("%1: %2").arg(QLatin1StringView(what),
                                        QString::fromLocal8Bit(std::strerror(errno)));
}

} // namespace

AsNobody::AsNobody(const QStringList& paths) {
    if (::geteuid() != 0)
        return;
    const passwd* nobody = ::getpwnam("nobody");
    if (!nobody) {
        m_error = QStringLiteral("no user 'nobody' on this machine");
        return;
    }
    QStringList owned;
    for (const QString& path : paths) {
        owned << path;
        if (QFileInfo(path).isDir()) {
            for (const QString& entry :
                 QDir(path).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
                owned << QDir(path).filePath(entry);
        }
    }
    for (const QString& path : std::as_const(owned)) {
        if (::chown(QFile::encodeName(path).constData(), nobody->pw_uid, nobody->pw_gid) != 0) {
            m_error = lastError("chown") + QStringLiteral(" (") + path + QLatin1Char(')');
            return;
        }
    }
    // Real and effective ids both (access(), which QFileInfo::isWritable() uses, checks the real one); the
    // saved ids stay root's, so that they can be taken back. The group first: as nobody it could no longer
    // be changed.
    if (::setresgid(nobody->pw_gid, nobody->pw_gid, 0) != 0) {
        m_error = lastError("setresgid");
        return;
    }
    if (::setresuid(nobody->pw_uid, nobody->pw_uid, 0) != 0) {
        m_error = lastError("setresuid");
        (void)::setresgid(0, 0, 0);
        return;
    }
    m_switched = true;
}

AsNobody::~AsNobody() {
    if (!m_switched)
        return;
    // The saved ids are still root's: the effective user first, then with it the rest.
    if (::setresuid(-1, 0, -1) != 0 || ::setresuid(0, 0, 0) != 0 || ::setresgid(0, 0, 0) != 0)
        qFatal("AsNobody: cannot take root's ids back");
}

} // namespace avld::test
