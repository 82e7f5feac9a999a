// Decoding and encoding run below the priority of the thread that answers people (backgroundpriority.h):
// the helper itself, and a real grab of a live (nginx-rtmp + ffmpeg on loopback) and an animated encode,
// read back from the nice values of this process's threads in /proc.

#include "common/backgroundpriority.h"
#include "media/animatedencoder.h"
#include "media/framegrabber.h"
#include "streamstack.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <QThreadPool>

#include <thread>

using namespace avld;
using namespace avld::test;

namespace {

// The nice value of every thread of this process, by thread id (/proc/self/task/TID/stat, field 19).
QMap<int, int> threadNices() {
    QMap<int, int> nices;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& id : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(tasks.filePath(id + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // The command name in parentheses may hold spaces: the fields are counted after its ')'.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 16)
            nices.insert(id.toInt(), fields.at(16).toInt()); // field 19 of the whole line
    }
    return nices;
}

int threadsAt(const QMap<int, int>& nices, int nice) {
    return int(std::count(nices.cbegin(), nices.cend(), nice));
}

} // namespace

class TestBackgroundPriority : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    int m_mainNice = 0;

private Q_SLOTS:
    void initTestCase() { m_mainNice = thisThreadNice(); }

    void cleanupTestCase() { m_stack.stop(); }

    void lowersItsOwnThreadOnce() {
        int before = 0, once = 0, twice = 0;
        std::thread([&] {
            before = thisThreadNice();
            lowerThisThreadForBackgroundWork();
            once = thisThreadNice();
            lowerThisThreadForBackgroundWork();
            twice = thisThreadNice();
        }).join();
        QCOMPARE(before, m_mainNice);
        QCOMPARE(once, qMin(19, m_mainNice + BackgroundNice));
        QCOMPARE(twice, once);
        QCOMPARE(thisThreadNice(), m_mainNice); // the caller's thread is left alone
    }

    // A grab decodes on the pool, lowered, and reports back to this thread, which stays where it was. First
    // of the pool's tests: no pool thread has been lowered before it.
    void grabDecodesLowered() {
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        if (const Status failed = m_stack.publish({.key = QStringLiteral("nice"), .size = QSize(320, 180)});
            !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        GrabOptions options;
        options.timeoutMs = 10'000;
        const Result<GrabResult> grabbed =
            FrameGrabber::grabAndWait(m_stack.hlsUrl(QStringLiteral("nice")), options);
        QVERIFY2(grabbed, qPrintable(grabbed ? QString() : grabbed.error().toString()));
        QCOMPARE(thisThreadNice(), m_mainNice);
        QVERIFY2(threadsAt(threadNices(), m_mainNice + BackgroundNice) >= 1,
                 "no thread was lowered by the grab's decoding");
        // The pool's threads go (waitForDone() ends them all), so that the next test starts from none lowered.
        QVERIFY(QThreadPool::globalInstance()->waitForDone(5000));
        QTRY_COMPARE_WITH_TIMEOUT(threadsAt(threadNices(), m_mainNice + BackgroundNice), 0, 5000);
    }

    // An animated clip encoded from this (answering) thread: its side runs go to pool threads, which are
    // lowered; this thread is not, even when it runs one of them itself.
    void animatedEncodingRunsLowered() {
        QList<Bitmap> frames;
        for (int i = 0; i < 8; ++i) {
            Bitmap frame(160, 90);
            frame.fill(0xff000000u | quint32(i * 30) << 8);
            frames << frame;
        }
        AnimatedEncoder::Options options;
        options.threads = 4;
        const Result<QByteArray> webp = AnimatedEncoder(options).encodeWebp(frames);
        QVERIFY2(webp, qPrintable(webp ? QString() : webp.error().toString()));
        QCOMPARE(thisThreadNice(), m_mainNice);
        QVERIFY2(threadsAt(threadNices(), m_mainNice + BackgroundNice) >= 1,
                 "no pool thread was lowered by the encode");
    }
};

QTEST_GUILESS_MAIN(TestBackgroundPriority)
#include "tst_backgroundpriority.moc"
