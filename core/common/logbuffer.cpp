#include "logbuffer.h"

#include <QMetaObject>

#include <mutex>

namespace avld {

namespace {

// The installed buffer and the handler it chains to. The mutex keeps a buffer from being destroyed while a
// thread is appending to it through the handler.
std::mutex g_installMutex;
LogBuffer* g_installed = nullptr;
QtMessageHandler g_previous = nullptr;
thread_local bool t_inHandler = false;

void bufferMessageHandler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    QtMessageHandler previous = nullptr;
    {
        std::lock_guard lock(g_installMutex);
        previous = g_previous;
        if (g_installed && !t_inHandler) {
            t_inHandler = true; // a message logged while appending must not recurse into the buffer
            const char* category = context.category ? context.category : "default";
            g_installed->append(type, QString::fromUtf8(category), message);
            t_inHandler = false;
        }
    }
    if (previous)
        previous(type, context, message);
}

} // namespace

int severityRank(QtMsgType level) {
    switch (level) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 1;
}

QString levelName(QtMsgType level) {
    switch (level) {
    case QtDebugMsg:
        return QStringLiteral("debug");
    case QtInfoMsg:
        return QStringLiteral("info");
    case QtWarningMsg:
        return QStringLiteral("warning");
    case QtCriticalMsg:
        return QStringLiteral("critical");
    case QtFatalMsg:
        return QStringLiteral("fatal");
    }
    return QStringLiteral("info");
}

QtMsgType levelFromName(const QString& name, QtMsgType fallback) {
    for (QtMsgType level : {QtDebugMsg, QtInfoMsg, QtWarningMsg, QtCriticalMsg, QtFatalMsg}) {
        if (name.compare(levelName(level), Qt::CaseInsensitive) == 0)
            return level;
    }
    return fallback;
}

LogBuffer::LogBuffer(int capacity, QObject* parent)
    : QObject(parent)
    , m_capacity(qMax(1, capacity))
    , m_minimumRank(severityRank(QtDebugMsg)) {
    m_ring.reserve(std::size_t(m_capacity));
}

LogBuffer::~LogBuffer() {
    uninstall();
}

void LogBuffer::install() {
    std::lock_guard lock(g_installMutex);
    if (g_installed == this)
        return;
    const QtMessageHandler before = qInstallMessageHandler(bufferMessageHandler);
    if (before != bufferMessageHandler) // another buffer installed before keeps its own previous handler
        g_previous = before;
    g_installed = this;
}

void LogBuffer::uninstall() {
    std::lock_guard lock(g_installMutex);
    if (g_installed != this)
        return;
    qInstallMessageHandler(g_previous);
    g_installed = nullptr;
    g_previous = nullptr;
}

bool LogBuffer::isInstalled() const {
    std::lock_guard lock(g_installMutex);
    return g_installed == this;
}

void LogBuffer::setMinimumLevel(QtMsgType level) {
    m_minimumRank = severityRank(level);
}

QtMsgType LogBuffer::minimumLevel() const {
    const int rank = m_minimumRank;
    for (QtMsgType level : {QtDebugMsg, QtInfoMsg, QtWarningMsg, QtCriticalMsg, QtFatalMsg}) {
        if (severityRank(level) == rank)
            return level;
    }
    return QtDebugMsg;
}

void LogBuffer::append(QtMsgType level, const QString& category, const QString& message) {
    if (severityRank(level) < m_minimumRank)
        return;
    {
        QMutexLocker lock(&m_mutex);
        LogRecord record{++m_lastId, QDateTime::currentDateTime(), level, category, message};
        if (m_ring.size() < std::size_t(m_capacity)) {
            m_ring.push_back(std::move(record));
        } else {
            m_ring[m_head] = std::move(record);
            m_head = (m_head + 1) % m_ring.size();
        }
    }
    // One queued delivery for any number of records: the flag is cleared when it runs.
    if (!m_notifyPending.exchange(true))
        QMetaObject::invokeMethod(this, &LogBuffer::deliver, Qt::QueuedConnection);
}

void LogBuffer::deliver() {
    m_notifyPending = false;
    Q_EMIT appended();
}

QList<LogRecord> LogBuffer::collectAfterLocked(quint64 id) const {
    QList<LogRecord> out;
    const std::size_t size = m_ring.size();
    if (size == 0 || id >= m_lastId)
        return out;
    const quint64 firstId = m_lastId - size + 1;
    const std::size_t skip = id < firstId ? 0 : std::size_t(id - firstId + 1);
    out.reserve(qsizetype(size - skip));
    for (std::size_t i = skip; i < size; ++i)
        out.append(m_ring[(m_head + i) % size]);
    return out;
}

QList<LogRecord> LogBuffer::snapshot() const {
    QMutexLocker lock(&m_mutex);
    return collectAfterLocked(0);
}

QList<LogRecord> LogBuffer::recordsAfter(quint64 id) const {
    QMutexLocker lock(&m_mutex);
    return collectAfterLocked(id);
}

QList<LogRecord> LogBuffer::takeNew() {
    QMutexLocker lock(&m_mutex);
    QList<LogRecord> out = collectAfterLocked(m_takenId);
    m_takenId = m_lastId;
    return out;
}

} // namespace avld
