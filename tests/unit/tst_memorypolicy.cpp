// The two malloc policies do what main() relies on: the window's hands large buffers back to the system (each
// one faults in afresh), the headless commands' keeps them for reuse (a second round of the same work faults
// almost nothing in). Counted in page faults of the thread doing the work, in the main thread's heap and in a
// worker thread's (glibc gives worker threads heaps of their own, which it trims differently).

#include "memorypolicy.h"

#include <QTest>

#include <cstdlib>
#include <cstring>
#include <sys/resource.h>
#include <thread>
#include <vector>

using namespace avld;

namespace {

constexpr std::size_t kBlockBytes =
    512 * 1024;             // a 640x360 RGB frame is 900 kB: above glibc's 128 kB mmap line
constexpr int kBlocks = 64; // 32 MB in all, as a clip's buffers are
constexpr long kPages = long(kBlockBytes) * kBlocks / 4096;

long threadFaults() {
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return usage.ru_minflt;
}

// Allocates, writes and frees kBlocks blocks; returns the page faults that took.
long oneRound() {
    const long before = threadFaults();
    std::vector<char*> blocks;
    for (int i = 0; i < kBlocks; ++i) {
        auto* block = static_cast<char*>(std::malloc(kBlockBytes));
        std::memset(block, i + 1, kBlockBytes);
        blocks.push_back(block);
    }
    volatile long sum = 0; // so that the compiler keeps the blocks
    for (char* block : blocks)
        sum = sum + block[kBlockBytes - 1];
    for (char* block : blocks)
        std::free(block);
    return threadFaults() - before;
}

// The faults of the second of two identical rounds (the first grows the heap).
long secondRoundFaults(bool onWorkerThread) {
    long faults = -1;
    const auto twoRounds = [&faults] {
        oneRound();
        faults = oneRound();
    };
    if (onWorkerThread) {
        std::thread worker(twoRounds);
        worker.join();
    } else {
        twoRounds();
    }
    return faults;
}

} // namespace

class TestMemoryPolicy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
#if !defined(__GLIBC__)
        QSKIP("the policies set glibc's malloc; this C library is not glibc");
#endif
    }

    void secondRoundFaults_data() {
        QTest::addColumn<bool>("reuse");
        QTest::addColumn<bool>("onWorkerThread");
        QTest::newRow("returned, main thread") << false << false;
        QTest::newRow("returned, worker thread") << false << true;
        QTest::newRow("kept, main thread") << true << false;
        QTest::newRow("kept, worker thread") << true << true;
    }

    void secondRoundFaults() {
        QFETCH(bool, reuse);
        QFETCH(bool, onWorkerThread);
        if (reuse)
            keepFreedMemoryForReuse();
        else
            returnLargeBuffersToTheSystem();
        const long faults = ::secondRoundFaults(onWorkerThread);
        qInfo("%ld page faults for %ld pages written", faults, kPages);
        if (reuse)
            QVERIFY2(faults < kPages / 10, qPrintable(QStringLiteral("%1 faults").arg(faults)));
        else
            QVERIFY2(faults >= kPages * 9 / 10, qPrintable(QStringLiteral("%1 faults").arg(faults)));
    }
};

QTEST_GUILESS_MAIN(TestMemoryPolicy)
#include "tst_memorypolicy.moc"
