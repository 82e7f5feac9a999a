#include "encoders/encoderrecommendation.h"

#include <QTest>

using namespace avld;

// Which encoder to switch to when the site's encoder fails, and what switching means.
class EncoderRecommendationTest : public QObject {
    Q_OBJECT
private:
    static EncoderSnapshot encoder(const QString& id, EncoderOrigin origin, EncoderState state,
                                   const QString& frameClass = {}, qint64 functionalMs = -1) {
        EncoderSnapshot s;
        s.target.id = id;
        s.target.name = id;
        s.target.url = QUrl(QStringLiteral("https://%1.example/").arg(id));
        s.target.origin = origin;
        s.state = state;
        s.reason = QStringLiteral("%1 is unreachable: connection refused.").arg(id);
        s.since = QDateTime(QDate(2026, 11, 23), QTime(14, 2), Qt::UTC);
        EncoderProbeReport report;
        report.record.health = state == EncoderState::Online ? ProbeHealth::Healthy : ProbeHealth::Failed;
        report.record.frameClass = frameClass;
        report.record.functionalMs = functionalMs;
        report.record.phases.totalMs = 40;
        s.last = report;
        return s;
    }

private Q_SLOTS:
    void nothingWhenTheSiteEncoderWorks() {
        QVERIFY(!recommendEncoder(
            {encoder(QStringLiteral("site"), EncoderOrigin::SiteConfigured, EncoderState::Online),
             encoder(QStringLiteral("b"), EncoderOrigin::AdminAdded, EncoderState::Online)}));
        QVERIFY(!recommendEncoder(
            {encoder(QStringLiteral("b"), EncoderOrigin::AdminAdded, EncoderState::Online)}));
    }

    void prefersRealFramesThenLatency() {
        const auto r = recommendEncoder(
            {encoder(QStringLiteral("site"), EncoderOrigin::SiteConfigured, EncoderState::Offline),
             encoder(QStringLiteral("fast-no-test"), EncoderOrigin::AdminAdded, EncoderState::Online),
             encoder(QStringLiteral("slow-real"), EncoderOrigin::AdminAdded, EncoderState::Online,
                     QStringLiteral("real-frame"), 900),
             encoder(QStringLiteral("quick-real"), EncoderOrigin::Public, EncoderState::Online,
                     QStringLiteral("real-frame"), 150),
             encoder(QStringLiteral("down"), EncoderOrigin::AdminAdded, EncoderState::Offline,
                     QStringLiteral("real-frame"), 10)});
        QVERIFY(r.has_value());
        QVERIFY(r->alternative.has_value());
        QCOMPARE(r->alternative->target.id, QStringLiteral("quick-real"));
        QVERIFY(r->text.contains(QStringLiteral("site.example is offline since")));
        QVERIFY(r->text.contains(QStringLiteral("real frames in 150 ms")));
        QVERIFY(r->text.contains(QStringLiteral("encoding"))); // §2.1: the same URL encodes uploads
        QVERIFY(!r->text.contains(QStringLiteral("refused..")));
    }

    void standInIsACandidateAndSaysItOnlyMakesThumbnails() {
        const auto r = recommendEncoder(
            {encoder(QStringLiteral("site"), EncoderOrigin::SiteConfigured, EncoderState::Degraded),
             encoder(QStringLiteral("standin"), EncoderOrigin::LocalStandIn, EncoderState::Online,
                     QStringLiteral("real-frame"), 80)});
        QVERIFY(r && r->alternative);
        QCOMPARE(r->alternative->target.origin, EncoderOrigin::LocalStandIn);
        QVERIFY(r->text.contains(QStringLiteral("thumbnails only")));
    }

    void noHealthyAlternativeSaysWhatToDo() {
        const auto r = recommendEncoder(
            {encoder(QStringLiteral("site"), EncoderOrigin::SiteConfigured, EncoderState::Offline),
             encoder(QStringLiteral("public1"), EncoderOrigin::Public, EncoderState::Offline)});
        QVERIFY(r.has_value());
        QVERIFY(!r->alternative.has_value());
        QVERIFY(r->text.contains(QStringLiteral("stand-in")));
    }
};

QTEST_GUILESS_MAIN(EncoderRecommendationTest)
#include "tst_encoderrecommendation.moc"
