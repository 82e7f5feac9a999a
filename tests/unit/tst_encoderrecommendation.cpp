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

    void theFirstSentenceReadsWhateverTheReason_data() {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("none") << QString() << QStringLiteral("is offline since 2026-");
        QTest::newRow("blank") << QStringLiteral("  ") << QStringLiteral("is offline since 2026-");
        QTest::newRow("dots only") << QStringLiteral("...") << QStringLiteral("is offline since 2026-");
        QTest::newRow("a question") << QStringLiteral("Is the encoder running?")
                                    << QStringLiteral(": Is the encoder running? Best alternative");
        QTest::newRow("a sentence") << QStringLiteral("Timed out after 2 s.")
                                    << QStringLiteral(": Timed out after 2 s. Best alternative");
    }

    void theFirstSentenceReadsWhateverTheReason() {
        QFETCH(QString, reason);
        QFETCH(QString, sentence);
        EncoderSnapshot site =
            encoder(QStringLiteral("site"), EncoderOrigin::SiteConfigured, EncoderState::Offline);
        site.reason = reason;
        const auto r = recommendEncoder(
            {site, encoder(QStringLiteral("b"), EncoderOrigin::AdminAdded, EncoderState::Online)});
        QVERIFY(r.has_value());
        QVERIFY2(r->text.contains(sentence), qPrintable(r->text));
        QVERIFY2(!r->text.contains(QStringLiteral(": .")), qPrintable(r->text));
        QVERIFY2(!r->text.contains(QStringLiteral("..")), qPrintable(r->text));
        QVERIFY2(!r->text.contains(QStringLiteral(":  ")), qPrintable(r->text));
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

    // An encoder that only answered the cheap probes (no live to ask it for a frame) comes after every
    // tested one, however fast, and is never said to give real frames.
    void reachableIsNeverSoldAsRealFrames_data() {
        QTest::addColumn<QList<EncoderSnapshot>>("candidates");
        QTest::addColumn<QString>("chosen");
        QTest::addColumn<QString>("says");
        QTest::addColumn<QString>("neverSays");
        const auto reachable = [](const QString& id, qint64 totalMs, EncoderOrigin origin) {
            EncoderSnapshot s = encoder(id, origin, EncoderState::Online);
            s.last->record.phases.totalMs = totalMs;
            return s;
        };
        QTest::newRow("only reachable")
            << QList<EncoderSnapshot>{reachable(QStringLiteral("untested"), 30, EncoderOrigin::AdminAdded)}
            << QStringLiteral("untested") << QStringLiteral("reachable, frames not tested")
            << QStringLiteral("real frames in");
        QTest::newRow("tested beats a faster reachable one")
            << QList<EncoderSnapshot>{reachable(QStringLiteral("untested"), 5, EncoderOrigin::AdminAdded),
                                      encoder(QStringLiteral("tested"), EncoderOrigin::Public,
                                              EncoderState::Online, QStringLiteral("real-frame"), 900)}
            << QStringLiteral("tested") << QStringLiteral("real frames in 900 ms")
            << QStringLiteral("frames not tested");
        QTest::newRow("the faster of two reachable ones")
            << QList<EncoderSnapshot>{reachable(QStringLiteral("slow"), 300, EncoderOrigin::AdminAdded),
                                      reachable(QStringLiteral("fast"), 20, EncoderOrigin::Public)}
            << QStringLiteral("fast") << QStringLiteral("reachable, frames not tested")
            << QStringLiteral("real frames in");
        QTest::newRow("stand-in with no live")
            << QList<EncoderSnapshot>{reachable(QStringLiteral("standin"), 2, EncoderOrigin::LocalStandIn)}
            << QStringLiteral("standin") << QStringLiteral("reachable, frames not tested")
            << QStringLiteral("real frames in");
    }

    void reachableIsNeverSoldAsRealFrames() {
        QFETCH(QList<EncoderSnapshot>, candidates);
        QFETCH(QString, chosen);
        QFETCH(QString, says);
        QFETCH(QString, neverSays);
        QList<EncoderSnapshot> all{
            encoder(QStringLiteral("site"), EncoderOrigin::SiteConfigured, EncoderState::Offline)};
        all += candidates;
        const auto r = recommendEncoder(all);
        QVERIFY(r && r->alternative);
        QCOMPARE(r->alternative->target.id, chosen);
        QVERIFY2(r->text.contains(says), qPrintable(r->text));
        QVERIFY2(!r->text.contains(neverSays), qPrintable(r->text));
    }

    // The site's own encoder only reachable is not down: nothing to recommend.
    void nothingWhenTheSiteEncoderIsReachable() {
        QVERIFY(!recommendEncoder(
            {encoder(QStringLiteral("site"), EncoderOrigin::SiteConfigured, EncoderState::Online),
             encoder(QStringLiteral("b"), EncoderOrigin::AdminAdded, EncoderState::Online,
                     QStringLiteral("real-frame"), 100)}));
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
