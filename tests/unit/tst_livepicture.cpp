#include "picturefixtures.h"
#include "site/livepicture.h"
#include "site/livesound.h"

#include <QJsonObject>
#include <QTest>

Q_DECLARE_METATYPE(avld::LivePicture::State)

using namespace avld;
using namespace avld::test;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 3, 2), QTime(14, 0), Qt::UTC);

// The picture after checks given as "SECONDS:WHAT" (seconds after kStart, WHAT as pictureCheckOf).
LivePicture followed(const QStringList& checks) {
    LivePicture picture;
    for (const QString& check : checks)
        picture =
            LivePicture::follow(picture, pictureCheckOf(QStringLiteral("alice-key"), check.section(u':', 1)),
                                kStart.addSecs(check.section(u':', 0, 0).toLongLong()));
    return picture;
}

} // namespace

// A live's picture followed from check to check (LivePicture::follow), after freezedetect and blackdetect
// (2 s): the same picture within a segment and across checks is still, black is black however short and
// says for how long, a picture that moves ends either, and a check that sees nothing keeps the state.
class TestLivePicture : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void followsTheChecks_data() {
        QTest::addColumn<QStringList>("checks");
        QTest::addColumn<LivePicture::State>("state");
        QTest::addColumn<qint64>("stillForMs");
        QTest::addColumn<qint64>("blackForMs");
        QTest::addColumn<bool>("outlastsSegment");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("seenLast");
        using S = LivePicture::State;
        QTest::newRow("moving within the segment")
            << QStringList{"0:a0"} << S::Moving << 0LL << 0LL << false << QStringLiteral("moving") << true;
        QTest::newRow("one picture, nothing known")
            << QStringList{"0:a"} << S::Moving << 0LL << 0LL << false << QStringLiteral("moving") << true;
        QTest::newRow("still within a segment") << QStringList{"0:a2000"} << S::Still << 2000LL << 0LL
                                                << false << QStringLiteral("still 2.0 s") << true;
        QTest::newRow("under 2 s within a segment is moving")
            << QStringList{"0:a1500"} << S::Moving << 1500LL << 0LL << false << QStringLiteral("moving")
            << true;
        QTest::newRow("a short still span grows into still at the next check")
            << QStringList{"0:a1500", "1:a"} << S::Still << 2500LL << 0LL << true
            << QStringLiteral("still 2.5 s") << true;
        QTest::newRow("still across checks (RTMP: no segment)")
            << QStringList{"0:a", "60:a", "300:a"} << S::Still << 300'000LL << 0LL << true
            << QStringLiteral("still 5 min") << true;
        QTest::newRow("still across checks and segments")
            << QStringList{"0:a2000", "60:a2000", "300:a2000"} << S::Still << 302'000LL << 0LL << true
            << QStringLiteral("still 5 min") << true;
        QTest::newRow("the segment saw it move: not still since the check before")
            << QStringList{"0:a2000", "60:a0"} << S::Moving << 0LL << 0LL << false << QStringLiteral("moving")
            << true;
        QTest::newRow("back to moving") << QStringList{"0:a2000", "60:a2000", "90:b"} << S::Moving << 0LL
                                        << 0LL << false << QStringLiteral("moving") << true;
        QTest::newRow("another still picture starts again")
            << QStringList{"0:a2000", "60:a2000", "90:b2000"} << S::Still << 2000LL << 0LL << false
            << QStringLiteral("still 2.0 s") << true;
        QTest::newRow("black now") << QStringList{"0:black"} << S::Black << 0LL << 0LL << false
                                   << QStringLiteral("black") << true;
        QTest::newRow("black within a segment") << QStringList{"0:black2000"} << S::Black << 0LL << 2000LL
                                                << false << QStringLiteral("black 2.0 s") << true;
        QTest::newRow("black across checks") << QStringList{"0:black2000", "120:black"} << S::Black << 0LL
                                             << 122'000LL << true << QStringLiteral("black 2 min") << true;
        QTest::newRow("black after a still picture")
            << QStringList{"0:a2000", "60:a2000", "90:black"} << S::Black << 0LL << 0LL << false
            << QStringLiteral("black") << true;
        QTest::newRow("a picture after black") << QStringList{"0:black2000", "60:black", "90:b"} << S::Moving
                                               << 0LL << 0LL << false << QStringLiteral("moving") << true;
        QTest::newRow("a failed grab keeps it, without extending it")
            << QStringList{"0:a2000", "60:a2000", "120:failed"} << S::Still << 62'000LL << 0LL << true
            << QStringLiteral("still 1 min") << false;
        QTest::newRow("the next check spans the failed one")
            << QStringList{"0:a2000", "60:failed", "120:a"} << S::Still << 122'000LL << 0LL << true
            << QStringLiteral("still 2 min") << true;
        QTest::newRow("black kept through a check that was not grabbed")
            << QStringList{"0:black2000", "60:black", "90:none"} << S::Black << 0LL << 62'000LL << true
            << QStringLiteral("black 1 min") << false;
        QTest::newRow("never seen") << QStringList{"0:failed", "30:none"} << S::NotSeen << 0LL << 0LL << false
                                    << QStringLiteral("not seen") << false;
        QTest::newRow("a report older than the last one extends nothing")
            << QStringList{"600:a2000", "0:a2000"} << S::Still << 2000LL << 0LL << false
            << QStringLiteral("still 2.0 s") << true;
    }
    void followsTheChecks() {
        QFETCH(QStringList, checks);
        QFETCH(LivePicture::State, state);
        QFETCH(qint64, stillForMs);
        QFETCH(qint64, blackForMs);
        QFETCH(bool, outlastsSegment);
        QFETCH(QString, text);
        QFETCH(bool, seenLast);
        const LivePicture picture = followed(checks);
        QCOMPARE(picture.state, state);
        QCOMPARE(picture.stillForMs(), stillForMs);
        QCOMPARE(picture.blackForMs(), blackForMs);
        QCOMPARE(picture.outlastsSegment(), outlastsSegment);
        QCOMPARE(picture.shortText(), text);
        QVERIFY2(picture.unmeasured.isEmpty() == seenLast, qPrintable(picture.unmeasured));
        QCOMPARE(picture.still(), state == LivePicture::State::Still);
        QCOMPARE(picture.black(), state == LivePicture::State::Black);
        QCOMPARE(picture.toJson().value(QStringLiteral("text")).toString(), text);
    }

    // One check of a live: the grab's picture, or why there is none.
    void oneCheckSaysWhyNothingWasSeen_data() {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("why");
        QTest::newRow("not grabbed") << "none" << QStringLiteral("the stream was not grabbed");
        QTest::newRow("grab failed") << "failed" << QStringLiteral("the stream could not be read (HTTP 404)");
    }
    void oneCheckSaysWhyNothingWasSeen() {
        QFETCH(QString, what);
        QFETCH(QString, why);
        const LivePicture picture =
            LivePicture::of(pictureCheckOf(QStringLiteral("alice-key"), what), kStart);
        QCOMPARE(picture.state, LivePicture::State::NotSeen);
        QCOMPARE(picture.unmeasured, why);
        QCOMPARE(picture.evidence(), QStringLiteral("not seen: ") + why);
        QCOMPARE(picture.toJson().value(QStringLiteral("state")).toString(), QStringLiteral("not-seen"));
    }

    void evidenceSaysHowLongAndSince() {
        const QString since = kStart.addMSecs(-2000).toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        QCOMPARE(followed({"0:a2000"}).evidence(),
                 QStringLiteral("the same picture for 2.0 s within the newest segment"));
        QCOMPARE(followed({"0:a2000", "300:a2000"}).evidence(),
                 QStringLiteral(
                     "the same picture for 5 min (since %1); newest segment: the same picture for 2.0 s")
                     .arg(since));
        QCOMPARE(followed({"0:black"}).evidence(), QStringLiteral("the newest picture is black"));
        QCOMPARE(followed({"0:black2000", "120:black"}).evidence(),
                 QStringLiteral("black for 2 min (since %1)").arg(since));
        QCOMPARE(followed({"0:a0"}).evidence(),
                 QStringLiteral("the picture moves (it changed within the newest segment)"));
        QCOMPARE(
            followed({"0:a2000", "60:a2000", "120:failed"}).evidence(),
            QStringLiteral("the same picture for 1 min (since %1); newest segment: the same picture for "
                           "2.0 s; the newest check saw no picture: the stream could not be read (HTTP 404)")
                .arg(since));
    }

    void jsonHasTheFigures() {
        const QJsonObject still = followed({"0:a2000", "300:a2000"}).toJson();
        QCOMPARE(still.value(QStringLiteral("state")).toString(), QStringLiteral("still"));
        QCOMPARE(still.value(QStringLiteral("stillForMs")).toInteger(), 302'000);
        QCOMPARE(still.value(QStringLiteral("stillSince")).toString(),
                 kStart.addMSecs(-2000).toString(Qt::ISODateWithMs));
        QCOMPARE(still.value(QStringLiteral("segmentStillMs")).toInteger(), 2000);
        QVERIFY(!still.contains(QStringLiteral("blackForMs")));
        const QJsonObject black = followed({"0:black"}).toJson();
        QCOMPARE(black.value(QStringLiteral("state")).toString(), QStringLiteral("black"));
        QCOMPARE(black.value(QStringLiteral("blackForMs")).toInteger(), 0);
        const QJsonObject moving = followed({"0:a0"}).toJson();
        QCOMPARE(moving.value(QStringLiteral("state")).toString(), QStringLiteral("moving"));
        QCOMPARE(moving.value(QStringLiteral("segmentStillMs")).toInteger(), 0);
        QVERIFY(!moving.contains(QStringLiteral("stillForMs")));
    }
};

QTEST_GUILESS_MAIN(TestLivePicture)
#include "tst_livepicture.moc"
