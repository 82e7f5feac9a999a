#pragma once

#include "result.h"

#include <QCommandLineOption>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace avld::bench {

// The options the load benchmarks of serve share: the program, wrk's connections and threads, how long, how
// many streams, serve's refresh, and the wait for a quieter machine; each benchmark with its own defaults.
class LoadOptions {
public:
    LoadOptions(int defaultSeconds, int defaultStreams);
    void addTo(QCommandLineParser& parser) const;
    // The values, bounded, once the parser has parsed.
    void read(const QCommandLineParser& parser);
    // wrk's: threads, connections, length, `more`, the latency distribution, the Lua script and the URL.
    QStringList wrkArguments(const QString& script, const QString& url, const QStringList& more = {}) const;

    QString program; // avideo-live-doctor
    int seconds = 0;
    int connections = 64;
    int threads = 2;
    int streams = 0;
    int refreshSeconds = 10;
    double maxLoad = 3;
    int loadWaitSeconds = 600;

private:
    QCommandLineOption m_program, m_seconds, m_connections, m_threads, m_streams, m_refresh, m_maxLoad,
        m_loadWait;
};

inline constexpr char kWrkProgram[] = "/usr/bin/wrk";

// Both programs a load runs are there: `program` and wrk. The problem in words otherwise.
Status checkLoadPrograms(const QString& program);

} // namespace avld::bench
