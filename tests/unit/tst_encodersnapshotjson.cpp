#include "encoders/encodersnapshotjson.h"

#include <QJsonDocument>
#include <QTest>

using namespace avld;

// The JSON of `encoders --json` and of anything else that serialises a snapshot: an encoder whose frames were
// not tested says so beside its monitor state, so every consumer reads "reachable", not "online".
class EncoderSnapshotJsonTest : public QObject {
    Q_OBJECT
private:
    static EncoderSnapshot snapshot(EncoderState state, std::optional<ProbeRecord> record) {
        EncoderSnapshot s;
        s.target.id = QStringLiteral("enc-1");
        s.target.name = QStringLiteral("encoder.example");
        s.target.url = QUrl(QStringLiteral("https://encoder.example/"));
        s.target.origin = EncoderOrigin::AdminAdded;
        s.state = state;
        s.reason = QStringLiteral("encoder.example is reachable; frames not tested");
        if (record) {
            EncoderProbeReport report;
            report.record = *record;
            s.last = report;
        }
        return s;
    }

    static ProbeRecord record(ProbeHealth health, qint64 functionalMs, const QString& frameClass) {
        ProbeRecord r;
        r.health = health;
        r.httpStatus = 200;
        r.phases.totalMs = 40;
        r.functionalMs = functionalMs;
        r.frameClass = frameClass;
        return r;
    }

    // Through the text a script reads, not just the object.
    static QJsonObject roundTrip(const QJsonObject& json) {
        return QJsonDocument::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact)).object();
    }

private Q_SLOTS:
    void framesTested_data() {
        QTest::addColumn<int>("state");
        QTest::addColumn<bool>("probed");
        QTest::addColumn<int>("health");
        QTest::addColumn<qint64>("functionalMs");
        QTest::addColumn<QString>("frameClass");
        QTest::addColumn<QString>("stateName");
        QTest::addColumn<bool>("framesTested");
        QTest::newRow("not probed yet") << int(EncoderState::Unknown) << false << int(ProbeHealth::Failed)
                                        << qint64(-1) << QString() << "unknown" << false;
        QTest::newRow("reachable, no live") << int(EncoderState::Online) << true << int(ProbeHealth::Healthy)
                                            << qint64(-1) << QString() << "online" << false;
        QTest::newRow("real frame") << int(EncoderState::Online) << true << int(ProbeHealth::Healthy)
                                    << qint64(180) << QStringLiteral("real-frame") << "online" << true;
        QTest::newRow("placeholder") << int(EncoderState::Degraded) << true << int(ProbeHealth::Degraded)
                                     << qint64(60) << QStringLiteral("encoder-placeholder") << "degraded"
                                     << true;
        QTest::newRow("no answer to getImage")
            << int(EncoderState::Degraded) << true << int(ProbeHealth::Degraded) << qint64(-1)
            << QStringLiteral("error") << "degraded" << true;
        QTest::newRow("unreachable") << int(EncoderState::Offline) << true << int(ProbeHealth::Failed)
                                     << qint64(-1) << QString() << "offline" << false;
    }

    void framesTested() {
        QFETCH(int, state);
        QFETCH(bool, probed);
        QFETCH(int, health);
        QFETCH(qint64, functionalMs);
        QFETCH(QString, frameClass);
        QFETCH(QString, stateName);
        QFETCH(bool, framesTested);
        const EncoderSnapshot s = snapshot(
            EncoderState(state),
            probed ? std::optional(record(ProbeHealth(health), functionalMs, frameClass)) : std::nullopt);
        const QJsonObject json = roundTrip(encoderSnapshotToJson(s));
        QCOMPARE(json.value(QStringLiteral("state")).toString(), stateName);
        QVERIFY(json.value(QStringLiteral("framesTested")).isBool());
        QCOMPARE(json.value(QStringLiteral("framesTested")).toBool(), framesTested);
        if (probed && functionalMs < 0)
            QVERIFY(json.value(QStringLiteral("getImageMs")).isNull());
        if (functionalMs >= 0)
            QCOMPARE(json.value(QStringLiteral("getImageMs")).toInteger(), functionalMs);
    }

    void recommendationSaysWhetherTheAlternativeWasTested_data() {
        QTest::addColumn<qint64>("functionalMs");
        QTest::addColumn<QString>("frameClass");
        QTest::addColumn<bool>("framesTested");
        QTest::newRow("reachable") << qint64(-1) << QString() << false;
        QTest::newRow("real frame") << qint64(120) << QStringLiteral("real-frame") << true;
    }

    void recommendationSaysWhetherTheAlternativeWasTested() {
        QFETCH(qint64, functionalMs);
        QFETCH(QString, frameClass);
        QFETCH(bool, framesTested);
        EncoderRecommendation r;
        r.current = snapshot(EncoderState::Offline, record(ProbeHealth::Failed, -1, {}));
        r.current.target.id = QStringLiteral("site");
        r.alternative =
            snapshot(EncoderState::Online, record(ProbeHealth::Healthy, functionalMs, frameClass));
        r.text = QStringLiteral("switch");
        const QJsonObject json = roundTrip(encoderRecommendationToJson(r));
        QCOMPARE(json.value(QStringLiteral("current")).toString(), QStringLiteral("site"));
        QCOMPARE(json.value(QStringLiteral("alternative")).toString(), QStringLiteral("enc-1"));
        QCOMPARE(json.value(QStringLiteral("alternativeFramesTested")).toBool(!framesTested), framesTested);
    }

    void noAlternativeNoFlag() {
        EncoderRecommendation r;
        r.current = snapshot(EncoderState::Offline, std::nullopt);
        const QJsonObject json = encoderRecommendationToJson(r);
        QVERIFY(!json.contains(QStringLiteral("alternative")));
        QVERIFY(!json.contains(QStringLiteral("alternativeFramesTested")));
    }
};

QTEST_GUILESS_MAIN(EncoderSnapshotJsonTest)
#include "tst_encodersnapshotjson.moc"
