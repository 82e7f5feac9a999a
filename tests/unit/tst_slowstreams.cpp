#include "generator/slowstreams.h"

#include <QTest>

using namespace avld;

class TestSlowStreams : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void markedUntilCleared() {
        SlowStreams slow;
        const QUrl stream(QStringLiteral("http://media.example/live/a/index.m3u8"));
        QVERIFY(!slow.contains(stream));
        slow.mark(stream);
        slow.mark(stream);
        QVERIFY(slow.contains(stream));
        QCOMPARE(slow.size(), 1);
        slow.clear(stream);
        QVERIFY(!slow.contains(stream));
    }

    // A flood of distinct slow URLs: the oldest marked are forgotten, the newest kept.
    void boundedOldestForgotten() {
        SlowStreams slow(3);
        const auto url = [](int i) { return QUrl(QStringLiteral("http://media.example/%1.m3u8").arg(i)); };
        for (int i = 0; i < 10; ++i)
            slow.mark(url(i));
        QCOMPARE(slow.size(), 3);
        for (int i = 0; i < 7; ++i)
            QVERIFY(!slow.contains(url(i)));
        for (int i = 7; i < 10; ++i)
            QVERIFY(slow.contains(url(i)));
        slow.mark(url(7)); // marked again: now the newest
        slow.mark(url(11));
        QVERIFY(slow.contains(url(7)));
        QVERIFY(!slow.contains(url(8)));
    }
};

QTEST_APPLESS_MAIN(TestSlowStreams)
#include "tst_slowstreams.moc"
