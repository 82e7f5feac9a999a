#include "logbuffer.h"
#include "logging.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using namespace avld;

namespace {

// A quiet "previous" handler: counts and remembers what reached it instead of printing.
std::atomic<int> g_previousCount{0};
QString g_previousLast;
QString g_previousCategory;
QMutex g_previousMutex;

void capturingHandler(QtMsgType, const QMessageLogContext& context, const QString& message) {
    ++g_previousCount;
    QMutexLocker lock(&g_previousMutex);
    g_previousLast = message;
    g_previousCategory = QString::fromUtf8(context.category ? context.category : "");
}

} // namespace

class TestLogBuffer : public QObject {
    Q_OBJECT
private:
    QtMessageHandler m_testHandler = nullptr;

private Q_SLOTS:
    void init() {
        g_previousCount = 0;
        m_testHandler = qInstallMessageHandler(capturingHandler);
    }
    void cleanup() { qInstallMessageHandler(m_testHandler); }

    // The Log level setting decides which of the app's categories speak (QT_LOGGING_RULES, which wins by
    // design, names none of them under ctest).
    void logLevelSettingFiltersTheCategories_data() {
        QTest::addColumn<QString>("level");
        QTest::addColumn<bool>("debug");
        QTest::addColumn<bool>("info");
        QTest::newRow("debug") << "debug" << true << true;
        QTest::newRow("info") << "info" << false << true;
        QTest::newRow("warning") << "warning" << false << false;
    }
    void logLevelSettingFiltersTheCategories() {
        QFETCH(QString, level);
        QFETCH(bool, debug);
        QFETCH(bool, info);
        QVERIFY2(!qEnvironmentVariable("QT_LOGGING_RULES").contains(QStringLiteral("avld")),
                 "QT_LOGGING_RULES names the app's categories: it would override the setting");
        applyLogLevel(level);
        QCOMPARE(lcGenerator().isDebugEnabled(), debug);
        QCOMPARE(lcSite().isInfoEnabled(), info);
        QVERIFY(lcEncoders().isWarningEnabled());
        applyLogLevel(QStringLiteral("info"));
    }

    void ringWrapsAtCapacity() {
        LogBuffer buffer(10);
        for (int i = 0; i < 25; ++i)
            buffer.append(QtInfoMsg, QStringLiteral("avld.test"), QStringLiteral("m%1").arg(i));
        const QList<LogRecord> held = buffer.snapshot();
        QCOMPARE(held.size(), 10);
        QCOMPARE(held.first().message, QStringLiteral("m15"));
        QCOMPARE(held.first().id, quint64(16));
        QCOMPARE(held.last().message, QStringLiteral("m24"));
        for (int i = 1; i < held.size(); ++i)
            QCOMPARE(held[i].id, held[i - 1].id + 1);

        QCOMPARE(buffer.takeNew().size(), 10); // at most capacity, the oldest are gone
        QVERIFY(buffer.takeNew().isEmpty());
        for (int i = 25; i < 28; ++i)
            buffer.append(QtWarningMsg, QStringLiteral("avld.test"), QStringLiteral("m%1").arg(i));
        const QList<LogRecord> fresh = buffer.takeNew();
        QCOMPARE(fresh.size(), 3);
        QCOMPARE(fresh.first().message, QStringLiteral("m25"));
        QCOMPARE(fresh.first().level, QtWarningMsg);
        QCOMPARE(buffer.recordsAfter(26).size(), 2);
        QCOMPARE(buffer.recordsAfter(28).size(), 0);
        QCOMPARE(buffer.recordsAfter(0).size(), 10);
    }

    void recordsFromFourThreadsArriveInOrderPerThread() {
        LogBuffer buffer;
        buffer.install();
        constexpr int perThread = 500;
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back(QThread::create([t] {
                for (int n = 0; n < perThread; ++n)
                    qCInfo(lcEncoders, "thread %d n %d", t, n);
            }));
        }
        for (auto& thread : threads)
            thread->start();
        for (auto& thread : threads)
            QVERIFY(thread->wait(10000));
        buffer.uninstall();

        const QList<LogRecord> held = buffer.snapshot();
        QCOMPARE(held.size(), 4 * perThread);
        QCOMPARE(g_previousCount.load(), 4 * perThread);
        int next[4] = {0, 0, 0, 0};
        for (const LogRecord& record : held) {
            QCOMPARE(record.category, QStringLiteral("avld.encoders"));
            const QStringList parts = record.message.split(u' ');
            QCOMPARE(parts.size(), 4);
            const int t = parts[1].toInt();
            QVERIFY(t >= 0 && t < 4);
            QCOMPARE(parts[3].toInt(), next[t]);
            ++next[t];
        }
        for (int count : next)
            QCOMPARE(count, perThread);
    }

    void notificationIsCoalescedIntoTheBufferThread() {
        LogBuffer buffer;
        QSignalSpy spy(&buffer, &LogBuffer::appended);
        QThread* deliveredIn = nullptr;
        connect(&buffer, &LogBuffer::appended, this,
                [&deliveredIn] { deliveredIn = QThread::currentThread(); });

        for (int i = 0; i < 100; ++i)
            buffer.append(QtInfoMsg, QStringLiteral("avld.test"), QStringLiteral("x"));
        QCOMPARE(spy.size(), 0); // queued, never emitted from inside the logging call
        QCoreApplication::processEvents();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(buffer.takeNew().size(), 100);

        std::unique_ptr<QThread> worker(QThread::create([&buffer] {
            for (int i = 0; i < 1000; ++i)
                buffer.append(QtWarningMsg, QStringLiteral("avld.test"), QStringLiteral("y"));
        }));
        worker->start();
        QVERIFY(worker->wait(10000));
        QCoreApplication::processEvents();
        QCOMPARE(spy.size(), 2);
        QCOMPARE(deliveredIn, QThread::currentThread());
        QCOMPARE(buffer.takeNew().size(), 1000);
        QCoreApplication::processEvents();
        QCOMPARE(spy.size(), 2);
    }

    void previousHandlerStillGetsTheMessage() {
        LogBuffer buffer;
        buffer.install();
        QVERIFY(buffer.isInstalled());
        qCWarning(lcSite) << "site answered 503";
        QCOMPARE(g_previousCount.load(), 1);
        {
            QMutexLocker lock(&g_previousMutex);
            QCOMPARE(g_previousLast, QStringLiteral("site answered 503"));
            QCOMPARE(g_previousCategory, QStringLiteral("avld.site"));
        }
        const QList<LogRecord> held = buffer.snapshot();
        QCOMPARE(held.size(), 1);
        QCOMPARE(held[0].level, QtWarningMsg);
        QCOMPARE(held[0].category, QStringLiteral("avld.site"));
        QCOMPARE(held[0].message, QStringLiteral("site answered 503"));
        QVERIFY(held[0].time.isValid());

        buffer.uninstall();
        QVERIFY(!buffer.isInstalled());
        qCWarning(lcSite) << "after";
        QCOMPARE(g_previousCount.load(), 2);
        QCOMPARE(buffer.snapshot().size(), 1);
    }

    void minimumLevelDropsLessSevereRecords() {
        LogBuffer buffer;
        buffer.setMinimumLevel(QtWarningMsg);
        QCOMPARE(buffer.minimumLevel(), QtWarningMsg);
        buffer.append(QtDebugMsg, QStringLiteral("a"), QStringLiteral("debug"));
        buffer.append(QtInfoMsg, QStringLiteral("a"), QStringLiteral("info"));
        buffer.append(QtWarningMsg, QStringLiteral("a"), QStringLiteral("warning"));
        buffer.append(QtCriticalMsg, QStringLiteral("a"), QStringLiteral("critical"));
        QCOMPARE(buffer.snapshot().size(), 2);
        QCOMPARE(levelFromName(QStringLiteral("Warning")), QtWarningMsg);
        QCOMPARE(levelFromName(QStringLiteral("nonsense"), QtDebugMsg), QtDebugMsg);
        QVERIFY(severityRank(QtInfoMsg) < severityRank(QtWarningMsg));
    }
};

QTEST_GUILESS_MAIN(TestLogBuffer)
#include "tst_logbuffer.moc"
