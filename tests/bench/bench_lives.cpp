// The Lives page with 100 lives: first paint, memory and the longest event-loop stall of a refresh; and the
// cost of building the tiles from a site check (it runs on the GUI thread). Run by hand:
//   QT_QPA_PLATFORM=offscreen ./bench_lives

#include "bitmapqt/qimagebridge.h"
#include "livespage.h"
#include "livetiledelegate.h"
#include "livetilefixtures.h"
#include "memorypolicy.h"
#include "site/sitecheck.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QListView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <malloc.h>

using namespace avld;

namespace {

constexpr int kLives = 100;
constexpr int kRefreshes = 10;
const QSize kFrame(640, 360);
volatile size_t g_sink = 0; // keeps measured loops of pure functions from being optimised away

double vmRssMb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

SiteCheckReport makeReport(int round) {
    SiteCheckReport report;
    report.startedAt = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < kLives; ++i) {
        LiveEntry e;
        e.key = QStringLiteral("live-%1").arg(i, 3, 10, QLatin1Char('0'));
        SiteLive site;
        site.key = e.key;
        site.title = QStringLiteral("Live number %1").arg(i);
        site.userName = QStringLiteral("user%1").arg(i % 9);
        e.site = site;
        e.mediaKnown = true;
        NginxStream media;
        media.name = e.key;
        media.publishing = true;
        media.clients = i % 17;
        media.bitrateIn = 1500000 + i * 10000;
        e.media = media;
        SiteThumbnail thumb;
        thumb.cls = i % 3 == 0 ? ThumbnailClass::OnlineCard : ThumbnailClass::RealFrame;
        thumb.image = fromQImage(
            test::drawnFrame(kFrame, i + round * 7, QStringLiteral("site %1/%2").arg(i).arg(round)));
        thumb.fetchedAt = report.startedAt;
        e.siteThumbnail = thumb;
        GrabResult grab;
        GrabbedFrame frame;
        frame.image = fromQImage(
            test::drawnFrame(kFrame, i + round * 7 + 1000, QStringLiteral("ours %1/%2").arg(i).arg(round)));
        grab.frames = {frame};
        grab.report.frameAgeMs = 1800;
        e.ourGrab = Result<GrabResult>(grab);
        report.lives << e;
    }
    return report;
}

// Measures the first paint of the view's viewport, after the paint has returned.
class PaintWatch : public QObject {
public:
    bool painted = false;
    qint64 paintedAtMs = -1;
    QElapsedTimer* clock = nullptr;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() != QEvent::Paint || painted)
            return false;
        painted = true;
        watched->removeEventFilter(this);
        static_cast<QObject*>(watched)->event(event); // paint now, then read the clock
        paintedAtMs = clock->elapsed();
        return true;
    }
};

// Records the longest gap between ticks of a 5 ms timer: how long the event loop was blocked.
class Watchdog : public QObject {
public:
    Watchdog() {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_armed)
                m_longestMs = std::max(m_longestMs, m_clock.elapsed() - m_lastMs);
            m_lastMs = m_clock.elapsed();
        });
        m_clock.start();
    }
    void start() { resume(), m_timer.start(); }
    void pause() { m_armed = false; } // the next gap is ours (preparing data), not the page's
    void resume() {
        m_lastMs = m_clock.elapsed();
        m_armed = true;
    }
    qint64 longestMs() const { return m_longestMs; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastMs = 0;
    qint64 m_longestMs = 0;
    bool m_armed = false;
};

void spin(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

double scaleCostMs(Qt::TransformationMode mode) {
    const QImage frame = test::drawnFrame(kFrame, 1, QStringLiteral("x"));
    QElapsedTimer t;
    t.start();
    qint64 sum = 0;
    for (int i = 0; i < 2 * kLives; ++i)
        sum += frame.scaled(480, 270, Qt::IgnoreAspectRatio, mode).width();
    return t.nsecsElapsed() / 1e6 + double(sum == 0);
}

void row(const char* what, double value, const char* unit, const char* target) {
    std::printf("| %-52s | %10.1f %-3s | %-9s |\n", what, value, unit, target);
}

void verdict(const char* what, bool pass) {
    std::printf("%s %s\n", pass ? "PASS" : "FAIL", what);
}

} // namespace

int main(int argc, char** argv) {
    // As the app does (app/main.cpp); AVLD_BENCH_DEFAULT_MALLOC=1 measures without it, for comparison.
    if (qEnvironmentVariableIsEmpty("AVLD_BENCH_DEFAULT_MALLOC"))
        avld::returnLargeBuffersToTheSystem();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const double rssStart = vmRssMb();

    // Building the tiles: what the GUI thread does with each site check.
    std::vector<double> buildMs;
    QList<LiveTile> tiles;
    {
        SiteCheckReport first = makeReport(0);
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer t;
            t.start();
            tiles = liveTilesFromReport(first, tiles);
            buildMs.push_back(t.nsecsElapsed() / 1e6);
        }
    }
    std::sort(buildMs.begin(), buildMs.end());
    double assessMs = 0;
    double hashMs = 0;
    {
        const SiteCheckReport sample = makeReport(0);
        QElapsedTimer t;
        t.start();
        int problems = 0;
        for (const LiveEntry& e : sample.lives)
            problems += int(e.assess().problem != LiveProblem::None);
        assessMs = t.nsecsElapsed() / 1e6;
        g_sink = size_t(problems);
        t.restart();
        size_t sum = 0;
        for (const LiveTile& tile : std::as_const(tiles))
            sum += qHashBits(tile.siteImage.constBits(), size_t(tile.siteImage.sizeInBytes()), 1) +
                   qHashBits(tile.ourImage.constBits(), size_t(tile.ourImage.sizeInBytes()), 1);
        hashMs = t.nsecsElapsed() / 1e6;
        g_sink = sum;
    }
    const double rssBefore = vmRssMb();

    LivesPage page;
    page.resize(1280, 820);
    page.setRefreshInterval(0);
    page.setTiles(tiles);
    auto* view = page.findChild<QListView*>(QStringLiteral("livesView"));
    QElapsedTimer clock;
    PaintWatch watch;
    watch.clock = &clock;
    view->viewport()->installEventFilter(&watch);
    clock.start();
    page.show();
    while (!watch.painted && clock.elapsed() < 10000)
        app.processEvents(QEventLoop::WaitForMoreEvents, 50);
    const double firstPaintMs = watch.paintedAtMs;
    const auto* delegate = static_cast<LiveTileDelegate*>(view->itemDelegate());
    const qsizetype pixmapsInFirstPaint = delegate->pixmapCache().count();
    spin(200);
    const double rssShown = vmRssMb();

    Watchdog watchdog;
    watchdog.start();
    std::vector<double> setTilesMs;
    double maxBuildMs = 0;
    double maxLaunchMs = 0;
    for (int round = 1; round <= kRefreshes; ++round) {
        watchdog.pause();
        SiteCheckReport report = makeReport(round);
        watchdog.resume();
        // As the app does it: the tiles are built off the GUI thread while its event loop runs on.
        QElapsedTimer build;
        build.start();
        QFutureWatcher<QList<LiveTile>> watcher;
        QEventLoop loop;
        QObject::connect(&watcher, &QFutureWatcher<QList<LiveTile>>::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(liveTilesFromReportAsync(std::move(report), tiles));
        maxLaunchMs = std::max(maxLaunchMs, build.nsecsElapsed() / 1e6);
        loop.exec();
        maxBuildMs = std::max(maxBuildMs, build.nsecsElapsed() / 1e6);
        tiles = watcher.result();
        QElapsedTimer set;
        set.start();
        page.setTiles(tiles);
        setTilesMs.push_back(set.nsecsElapsed() / 1e6);
        spin(300); // the repaint of the visible tiles happens here
    }
    const double stallMs = double(watchdog.longestMs());
    const double rssAfter = vmRssMb();
    malloc_trim(0);
    const double rssTrimmed = vmRssMb();

    std::printf("Lives page, %d lives, %dx%d pictures (site + ours), %s\n", kLives, kFrame.width(),
                kFrame.height(), qPrintable(QGuiApplication::platformName()));
    std::printf("| %-52s | %14s | %-9s |\n", "measure", "value", "target");
    std::printf("|%s|%s|%s|\n", std::string(54, '-').c_str(), std::string(16, '-').c_str(),
                std::string(11, '-').c_str());
    row("liveTilesFromReport, 100 entries, blocking (median of 5)", buildMs[buildMs.size() / 2], "ms",
        "< 20 ms");
    row("  of which LiveEntry::assess() x100 (core)", assessMs, "ms", "");
    row("  of which hashing 200 tile pictures", hashMs, "ms", "");
    row("  for scale: 200 smooth scales 640x360 -> 480x270", scaleCostMs(Qt::SmoothTransformation), "ms", "");
    row("  for scale: 200 fast scales 640x360 -> 480x270", scaleCostMs(Qt::FastTransformation), "ms", "");
    row("liveTilesFromReportAsync: GUI thread, launch (worst)", maxLaunchMs, "ms", "< 20 ms");
    row("liveTilesFromReportAsync: until ready, loop running", maxBuildMs, "ms", "");
    row("show() to first paint of 100 tiles", firstPaintMs, "ms", "< 1000 ms");
    row("  tile pictures scaled during that first paint", double(pixmapsInFirstPaint), "", "");
    row("setTiles() of 100 new tiles (worst of 10)", *std::max_element(setTilesMs.begin(), setTilesMs.end()),
        "ms", "");
    row("longest event-loop stall, 10 refreshes (build+set+paint)", stallMs, "ms", "< 50 ms");
    row("VmRSS at start", rssStart, "MB", "");
    row("VmRSS with 100 tiles built (before show)", rssBefore, "MB", "");
    row("VmRSS page shown", rssShown, "MB", "");
    row("VmRSS after 10 refreshes", rssAfter, "MB", "< 300 MB");
    row("VmRSS after that and malloc_trim(0)", rssTrimmed, "MB", "");
    std::printf("\n");
    verdict("first paint < 1 s", firstPaintMs >= 0 && firstPaintMs < 1000);
    verdict("RSS < 300 MB", rssAfter < 300);
    verdict("stall < 50 ms", stallMs < 50);
    verdict("liveTilesFromReport (blocking) < 20 ms", buildMs[buildMs.size() / 2] < 20);
    verdict("liveTilesFromReportAsync blocks the GUI thread < 20 ms", maxLaunchMs < 20);
    return 0;
}
