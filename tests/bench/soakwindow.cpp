#include "soakwindow.h"

#include "benchfigures.h"
#include "httpget.h"

#include <QJsonDocument>
#include <QUrl>

#include <cstdio>
#include <numeric>

namespace avld::bench {

qint64 healthNumber(const QJsonObject& health, const char* key) {
    return qint64(health.value(QLatin1String(key)).toDouble(-1));
}

qint64 SoakWindow::healthNumber(const char* key) const {
    return bench::healthNumber(health, key);
}

QJsonObject healthOf(const QString& baseUrl) {
    return QJsonDocument::fromJson(test::httpGet(QUrl(baseUrl + QStringLiteral("/healthz")), 3000).body)
        .object();
}

QString legitFailure(const Answer& answer) {
    if (answer.status == 0)
        return answer.error.isEmpty() ? QStringLiteral("no answer")
                                      : QStringLiteral("network: ") + answer.error;
    if (answer.status != 200)
        return QStringLiteral("HTTP %1").arg(answer.status);
    if (answer.bytes == 0)
        return QStringLiteral("200 with an empty body");
    if (!answer.isImage())
        return QStringLiteral("200, not an image");
    return {};
}

void printSoakHeader() {
    std::printf(
        "\n  %5s %6s %4s %3s %5s %5s %7s %5s %6s %5s | %6s %6s %6s %6s %6s | %6s %6s | %5s %3s %6s %6s "
        "%6s %5s | %4s %6s %5s\n",
        "time", "RSS", "fds", "thr", "CPU", "idle", "tracked", "conns", "evict", "grabs", "req", "image",
        "empty", "4xx", "503", "grabs", "failed", "legit", "bad", "p50", "p99", "max", "age99", "idle",
        "closed", "life");
    std::printf(
        "  %5s %6s %4s %3s %5s %5s %7s %5s %6s %5s | %34s | %13s | %5s %3s %6s %6s %6s %5s | %4s %6s %5s\n",
        "s", "MiB", "", "", "%1c", "%mach", "streams", "now", "/s", "queue", "service's outcomes, /s", "/s",
        "n", "n", "ms", "ms", "ms", "s", "open", "/s", "p50 s");
    std::printf(
        "  (CPU: %% of one core; idle: %% of the machine's CPU time idle; conns, evict: /healthz connections "
        "open and closed to make room; legit: AVideo-like requests of this process, bad: not an image, "
        "age99: p99 of X-Avld-Frame-Age-Ms; idle, closed, life: this process's idle and slowloris "
        "connections)\n");
}

void printSoakWindow(const SoakWindow& w, const SoakWindow& previous) {
    const auto perSecond = [&](double value) { return w.seconds > 0 ? value / w.seconds : 0; };
    const QMap<QString, double> outcomes =
        increaseByLabel(previous.metrics, w.metrics, QStringLiteral("avld_generator_requests_total"),
                        QStringLiteral("outcome"));
    const double requests = std::accumulate(outcomes.cbegin(), outcomes.cend(), 0.0);
    const double refused =
        outcomes.value(QStringLiteral("not_found")) + outcomes.value(QStringLiteral("bad_request")) +
        outcomes.value(QStringLiteral("forbidden")) + outcomes.value(QStringLiteral("method_not_allowed"));
    const double grabs = increase(previous.metrics, w.metrics, QStringLiteral("avld_generator_grabs_total"));
    const QMap<QString, double> failures =
        increaseByLabel(previous.metrics, w.metrics, QStringLiteral("avld_generator_grab_failures_total"),
                        QStringLiteral("reason"));
    const double grabFailures = std::accumulate(failures.cbegin(), failures.cend(), 0.0);
    QList<double> latency, ages;
    int bad = 0;
    for (const Answer& answer : w.legit) {
        latency << answer.ms;
        if (!legitFailure(answer).isEmpty())
            ++bad;
        else if (answer.ageMs >= 0)
            ages << double(answer.ageMs);
    }
    const qint64 evicted =
        w.healthNumber("connectionsClosedToMakeRoom") - previous.healthNumber("connectionsClosedToMakeRoom");
    std::printf(
        "  %5.0f %6.1f %4d %3d %5.1f %5.1f %7lld %5lld %6.1f %5lld | %6.0f %6.0f %6.1f %6.1f %6.1f | %6.1f "
        "%6.1f | %5lld %3d %6.1f %6.1f %6.1f %5.1f | %4d %6.1f %5.1f\n",
        w.endSeconds, double(w.rssKiB) / 1024.0, w.descriptors, w.threads,
        w.cpuMs < 0 ? std::nan("") : 100.0 * w.cpuMs / (w.seconds * 1000.0), 100.0 * w.machineIdle,
        w.healthNumber("streams"), w.healthNumber("connections"), perSecond(double(evicted)),
        w.healthNumber("grabsQueued"), perSecond(requests),
        perSecond(outcomes.value(QStringLiteral("image"))),
        perSecond(outcomes.value(QStringLiteral("empty"))), perSecond(refused),
        perSecond(outcomes.value(QStringLiteral("overloaded"))), perSecond(grabs), perSecond(grabFailures),
        qlonglong(w.legit.size()), bad, percentile(latency, 0.5), percentile(latency, 0.99),
        percentile(latency, 1.0), percentile(ages, 0.99) / 1000.0, w.idle.open,
        perSecond(double(w.idle.closedByService)), percentile(w.idle.lifetimesMs, 0.5) / 1000.0);
    std::fflush(stdout);
}

double rssSlopeMiBPerHour(const QList<SoakWindow>& windows, qsizetype from) {
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (qsizetype i = from; i < windows.size(); ++i) {
        const double x = windows.at(i).endSeconds / 3600.0, y = double(windows.at(i).rssKiB) / 1024.0;
        n += 1;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double d = n * sxx - sx * sx;
    return n < 3 || d == 0 ? std::nan("") : (n * sxy - sx * sy) / d;
}

} // namespace avld::bench
