#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace avld {
class SiteClient;
}

namespace avld::test {

// What a run of the program (avideo-live-doctor) printed and how it ended.
struct ProgramRun {
    int exitCode = -1; // -1: crashed or killed at the timeout
    QString out;
    QString err;
    qint64 elapsedMs = 0;
};

// Runs `program arguments…` to its end; `password` goes in AVLD_PASSWORD (never on the command line).
ProgramRun runProgram(const QString& program, const QStringList& arguments, const QString& password = {},
                      int timeoutMs = 120000);

// Waits for an asynchronous call that reports once through a callback.
template <typename T, typename Call> Result<T> waitFor(Call call, int timeoutMs = 30000) {
    std::optional<Result<T>> outcome;
    call([&](Result<T> r) { outcome = std::move(r); });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, timeoutMs))
        return Error{QStringLiteral("test-timeout"), QStringLiteral("no answer in %1 ms").arg(timeoutMs), {}};
    return std::move(*outcome);
}

// Sets one of the Live plugin's options as an admin does in the plugin's form (the whole options object
// back through objects/pluginAddDataObject.json.php). `admin` is signed in as an admin.
Status setLivePluginOption(SiteClient& admin, const QString& option, const QJsonValue& value);

// `serve` as a child process on a free loopback port, until destroyed.
class ServedStandIn {
public:
    // Starts `program serve` allowing the loopback streams; waits until /healthz answers.
    static Result<std::unique_ptr<ServedStandIn>> start(const QString& program, int timeoutMs = 15000);
    ~ServedStandIn();

    QUrl encoderUrl() const { return m_encoderUrl; } // with its secret prefix and a trailing slash

private:
    ServedStandIn() = default;
    QProcess m_process;
    QUrl m_encoderUrl;
};

} // namespace avld::test
