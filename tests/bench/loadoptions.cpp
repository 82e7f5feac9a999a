#include "loadoptions.h"

#include "servechild.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace avld::bench {

namespace {
QCommandLineOption option(const char* name, const QString& help, const char* value, int fallback) {
    return QCommandLineOption(QString::fromLatin1(name), help.arg(fallback), QString::fromLatin1(value),
                              QString::number(fallback));
}
} // namespace

LoadOptions::LoadOptions(int defaultSeconds, int defaultStreams)
    : m_program(QStringLiteral("program"), QStringLiteral("avideo-live-doctor to run."),
                QStringLiteral("path"))
    , m_seconds(
          option("seconds", QStringLiteral("Length of the load (wrk's -d), s (%1)."), "s", defaultSeconds))
    , m_connections(option("connections", QStringLiteral("wrk's -c (%1)."), "n", 64))
    , m_threads(option("threads", QStringLiteral("wrk's -t (%1)."), "n", 2))
    , m_streams(option("streams", QStringLiteral("Live streams (%1)."), "n", defaultStreams))
    , m_refresh(option("refresh", QStringLiteral("serve's --refresh (%1)."), "s", 10))
    , m_maxLoad(
          option("max-load", QStringLiteral("Wait while the 1-minute load is above this (%1)."), "load", 3))
    , m_loadWait(
          option("load-wait", QStringLiteral("Longest wait for the load to drop, s (%1)."), "s", 600)) {}

void LoadOptions::addTo(QCommandLineParser& parser) const {
    parser.addOptions(
        {m_program, m_seconds, m_connections, m_threads, m_streams, m_refresh, m_maxLoad, m_loadWait});
}

void LoadOptions::read(const QCommandLineParser& parser) {
    program = parser.isSet(m_program) ? parser.value(m_program) : builtProgram();
    seconds = qBound(1, parser.value(m_seconds).toInt(), 24 * 3600);
    connections = qBound(1, parser.value(m_connections).toInt(), 10'000);
    threads = qBound(1, parser.value(m_threads).toInt(), qMin(64, connections));
    streams = qBound(1, parser.value(m_streams).toInt(), 100);
    refreshSeconds = qBound(1, parser.value(m_refresh).toInt(), 3600);
    maxLoad = parser.value(m_maxLoad).toDouble();
    loadWaitSeconds = qBound(0, parser.value(m_loadWait).toInt(), 3600);
}

QStringList LoadOptions::wrkArguments(const QString& script, const QString& url,
                                      const QStringList& more) const {
    return QStringList{QStringLiteral("-t%1").arg(threads), QStringLiteral("-c%1").arg(connections),
                       QStringLiteral("-d%1s").arg(seconds)} +
           more + QStringList{QStringLiteral("--latency"), QStringLiteral("-s"), script, url};
}

Status checkLoadPrograms(const QString& program) {
    if (!QFileInfo(program).isExecutable())
        return Error{QStringLiteral("program"),
                     QStringLiteral("%1 is not an executable; build avideo-live-doctor or pass --program")
                         .arg(program),
                     {}};
    if (!QFileInfo(QString::fromLatin1(kWrkProgram)).isExecutable())
        return Error{
            QStringLiteral("wrk"),
            QStringLiteral("%1 is missing (apt-get install wrk)").arg(QString::fromLatin1(kWrkProgram)),
            {}};
    return {};
}

} // namespace avld::bench
