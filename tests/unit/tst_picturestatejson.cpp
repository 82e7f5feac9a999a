#include "picturefixtures.h"
#include "site/livepicture.h"

#include <QJsonDocument>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 3, 2), QTime(14, 0, 0, 500), Qt::UTC);

// The picture after checks "SECONDS:WHAT" (seconds after kStart, from nothing), WHAT as pictureCheckOf().
LivePicture after(const QStringList& checks) {
    LivePicture picture;
    for (const QString& check : checks)
        picture = LivePicture::follow(picture, pictureCheckOf(QStringLiteral("k"), check.section(u':', 1)),
                                      kStart.addSecs(check.section(u':', 0, 0).toLongLong()));
    return picture;
}

} // namespace

// LivePicture's saved state (stateJson, fromStateJson): what follow() goes on from in another run, the
// 64x36 picture to compare the next check's with included, comes back the same through JSON text, and a
// state that is not one is refused with the reason.
class TestPictureStateJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data() {
        QTest::addColumn<QStringList>("checks");
        QTest::newRow("never seen") << QStringList{};
        QTest::newRow("moving") << QStringList{"0:a0"};
        QTest::newRow("still within the segment") << QStringList{"0:a2000"};
        QTest::newRow("still across checks") << QStringList{"0:a2000", "60:a", "120:a2000"};
        QTest::newRow("black now") << QStringList{"0:black"};
        QTest::newRow("black across checks") << QStringList{"0:black2000", "60:black2000"};
        QTest::newRow("still, then a failed grab") << QStringList{"0:a2000", "60:a", "90:failed"};
        QTest::newRow("not grabbed yet") << QStringList{"0:none"};
    }
    void roundTrip() {
        QFETCH(QStringList, checks);
        const LivePicture picture = after(checks);
        const QByteArray text = QJsonDocument(picture.stateJson()).toJson();
        const Result<LivePicture> back = LivePicture::fromStateJson(QJsonDocument::fromJson(text).object());
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(back->state, picture.state);
        QCOMPARE(back->seenAt, picture.seenAt);
        QCOMPARE(back->stillSince, picture.stillSince);
        QCOMPARE(back->blackSince, picture.blackSince);
        QCOMPARE(back->segmentStillMs, picture.segmentStillMs);
        QCOMPARE(back->segmentBlackMs, picture.segmentBlackMs);
        QCOMPARE(back->unmeasured, picture.unmeasured);
        QCOMPARE(back->sample.isNull(), picture.sample.isNull());
        QCOMPARE(back->sample.thumbnail, picture.sample.thumbnail);
        QVERIFY(back->sample.grey == picture.sample.grey);
        QCOMPARE(back->sample.hash, picture.sample.hash);
        QCOMPARE(back->shortText(), picture.shortText());
        QCOMPARE(back->evidence(), picture.evidence());
        QCOMPARE(back->toJson(), picture.toJson());
        // The next check compares its picture with the restored one as with the original.
        for (const QString& next : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("black")}) {
            const LiveEntry live = pictureCheckOf(QStringLiteral("k"), next);
            const LivePicture fromBack = LivePicture::follow(*back, live, kStart.addSecs(600));
            const LivePicture fromOriginal = LivePicture::follow(picture, live, kStart.addSecs(600));
            QCOMPARE(fromBack.state, fromOriginal.state);
            QCOMPARE(fromBack.stillSince, fromOriginal.stillSince);
            QCOMPARE(fromBack.blackSince, fromOriginal.blackSince);
        }
    }

    // A still picture restored goes on being still when the next check shows it again.
    void stillGoesOnAfterRestore() {
        const LivePicture picture = after({"0:a2000", "60:a2000"});
        const Result<LivePicture> back = LivePicture::fromStateJson(picture.stateJson());
        QVERIFY(back.ok());
        const LivePicture next = LivePicture::follow(
            *back, pictureCheckOf(QStringLiteral("k"), QStringLiteral("a")), kStart.addSecs(300));
        QCOMPARE(next.state, LivePicture::State::Still);
        QCOMPARE(next.stillSince, kStart.addSecs(-2));
        QCOMPARE(picture.stateJson().value(QStringLiteral("seenAt")).toString(),
                 QStringLiteral("2026-03-02T14:01:00.500Z"));
    }

    void refusesWhatIsNotAState_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unknown state")
            << QByteArray(R"({"state":"frozen"})") << QStringLiteral("unknown state");
        QTest::newRow("not a time") << QByteArray(R"({"state":"not-seen","seenAt":12})")
                                    << QStringLiteral("seenAt is not a time");
        QTest::newRow("still without its picture")
            << QByteArray(R"({"state":"still","seenAt":"2026-03-02T14:00:00.000Z"})")
            << QStringLiteral("without its picture");
        QTest::newRow("a picture that is not one")
            << QByteArray(R"({"state":"moving","seenAt":"2026-03-02T14:00:00.000Z","sample":"bm90IGEgcG5n"})")
            << QStringLiteral("not a 64x36 picture");
    }
    void refusesWhatIsNotAState() {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        const Result<LivePicture> picture =
            LivePicture::fromStateJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!picture.ok());
        QVERIFY2(picture.error().message.contains(reason), qPrintable(picture.error().message));
    }
};

QTEST_GUILESS_MAIN(TestPictureStateJson)
#include "tst_picturestatejson.moc"
