#include "staletempdirs.h"

#include "processalive.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace avld::test {

namespace {
constexpr auto kOwnerFile = "owner.pid";

} // namespace

bool claimTempDir(const QString& directory) {
    QFile owner(directory + QLatin1Char('/') + QLatin1String(kOwnerFile));
    return owner.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           owner.write(QByteArray::number(QCoreApplication::applicationPid())) > 0;
}

int removeStaleTempDirs(const QString& root, const QString& prefix) {
    int removed = 0;
    const QDir temp(root);
    const QStringList names = temp.entryList({prefix + QLatin1Char('*')}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& name : names) {
        QFile owner(temp.filePath(name) + QLatin1Char('/') + QLatin1String(kOwnerFile));
        if (!owner.open(QIODevice::ReadOnly))
            continue; // being created right now, or not one of ours
        if (processIsAlive(owner.readAll().trimmed().toLongLong()))
            continue;
        if (QDir(temp.filePath(name)).removeRecursively())
            ++removed;
    }
    return removed;
}

} // namespace avld::test
