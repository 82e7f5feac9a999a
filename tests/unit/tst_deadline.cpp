#include "deadline.h"
#include "mockclock.h"

#include <QTest>
#include <QThread>

using namespace avld;

class TestDeadline : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void expiresAtTimeout_data() {
        QTest::addColumn<qint64>("timeoutMs");
        QTest::addColumn<qint64>("advanceMs");
        QTest::addColumn<bool>("expired");
        QTest::addColumn<qint64>("remainingMs");

        QTest::newRow("fresh") << qint64(2000) << qint64(0) << false << qint64(2000);
        QTest::newRow("half way") << qint64(2000) << qint64(999) << false << qint64(1001);
        QTest::newRow("exactly at") << qint64(2000) << qint64(2000) << true << qint64(0);
        QTest::newRow("well past") << qint64(2000) << qint64(60000) << true << qint64(0);
        QTest::newRow("zero timeout") << qint64(0) << qint64(0) << true << qint64(0);
    }

    void expiresAtTimeout() {
        QFETCH(qint64, timeoutMs);
        QFETCH(qint64, advanceMs);
        QFETCH(bool, expired);
        QFETCH(qint64, remainingMs);

        test::MockClock clock;
        const Deadline deadline(clock, timeoutMs);
        clock.advanceMs(advanceMs);
        QCOMPARE(deadline.expired(), expired);
        QCOMPARE(deadline.remainingMs(), remainingMs);
        QCOMPARE(deadline.elapsedMs(), advanceMs);
    }

    void neverExpires() {
        test::MockClock clock;
        const Deadline deadline = Deadline::never(clock);
        clock.advanceMs(365LL * 24 * 3600 * 1000);
        QVERIFY(!deadline.expired());
        QVERIFY(deadline.remainingMs() > 1'000'000'000'000LL);
    }

    void wallClockJumpsDoNotMoveDeadlines() {
        test::MockClock clock;
        const Deadline deadline(clock, 1000);
        clock.setWallClock(clock.now().addDays(-1));
        QVERIFY(!deadline.expired());
        clock.setWallClock(clock.now().addDays(2));
        QVERIFY(!deadline.expired());
    }

    void systemClockIsSteadyAndUtc() {
        Clock& clock = Clock::system();
        QCOMPARE(clock.now().timeSpec(), Qt::UTC);
        const qint64 a = clock.monotonicMs();
        QThread::msleep(20);
        const qint64 b = clock.monotonicMs();
        QVERIFY(b >= a + 15);
        QVERIFY(qAbs(clock.now().msecsTo(QDateTime::currentDateTimeUtc())) < 1000);
    }
};

QTEST_GUILESS_MAIN(TestDeadline)
#include "tst_deadline.moc"
