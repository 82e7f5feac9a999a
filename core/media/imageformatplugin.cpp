#include "imageformatplugin.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QImageIOPlugin>
#include <QMutex>
#include <QPluginLoader>

namespace avld {

namespace {

// The plugin of `format`, loaded once per process (plugins are never unloaded); null when there is none.
QImageIOPlugin* pluginFor(const QByteArray& format) {
    static QMutex mutex;
    static QHash<QByteArray, QImageIOPlugin*> plugins;
    const QMutexLocker lock(&mutex);
    if (const auto known = plugins.constFind(format); known != plugins.cend())
        return *known;
    QImageIOPlugin* plugin = nullptr;
    const QString file = QStringLiteral("imageformats/libq%1.so").arg(QString::fromLatin1(format));
    for (const QString& directory : QCoreApplication::libraryPaths()) {
        const QString path = QDir(directory).filePath(file);
        if (!QFileInfo::exists(path))
            continue;
        QPluginLoader loader(path);
        plugin = qobject_cast<QImageIOPlugin*>(loader.instance());
        if (plugin)
            break;
    }
    plugins.insert(format, plugin);
    return plugin;
}

} // namespace

std::unique_ptr<QImageIOHandler> formatPluginWriter(QIODevice* device, const QByteArray& format) {
    QImageIOPlugin* plugin = pluginFor(format);
    if (!plugin || !(plugin->capabilities(device, format) & QImageIOPlugin::CanWrite))
        return {};
    return std::unique_ptr<QImageIOHandler>(plugin->create(device, format));
}

} // namespace avld
