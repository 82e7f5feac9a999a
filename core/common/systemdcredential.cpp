#include "systemdcredential.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace avld {

QString systemdCredentialPath(const QString& name) {
    const QString folder = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    if (folder.isEmpty())
        return {};
    const QString path = QDir(folder).filePath(name);
    return QFileInfo::exists(path) ? path : QString();
}

std::optional<QString> systemdCredentialLine(const QString& name) {
    const QString path = systemdCredentialPath(name);
    if (path.isEmpty())
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QString line = QString::fromUtf8(file.readLine(64 * 1024)).trimmed();
    if (line.isEmpty())
        return std::nullopt;
    return line;
}

} // namespace avld
