// Where the streams are, against the real AVideo 11.7: `check` with no media flags finds the live's HLS URL
// on its watch page (plain and with protectLive), and an admin's check reads the Live plugin's stat page.

#include "realsiteactions.h"
#include "realsiteinfo.h"
#include "site/siteclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {

struct Run {
    int exitCode = -1;
    QJsonObject json;
    QString err;
};

Run runCheck(const QUrl& site, const QStringList& extra = {}, const QString& password = {}) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("AVLD_PASSWORD"));
    if (!password.isEmpty())
        environment.insert(QStringLiteral("AVLD_PASSWORD"), password);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(AVLD_PROGRAM), QStringList{QStringLiteral("check"), QStringLiteral("--site"),
                                                            site.toString(), QStringLiteral("--json")} +
                                                    extra);
    if (!process.waitForFinished(90000))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QJsonDocument::fromJson(process.readAllStandardOutput()).object(),
            QString::fromUtf8(process.readAllStandardError())};
}

QJsonObject liveIn(const QJsonObject& report, const QString& key) {
    for (const QJsonValue& v : report.value(QStringLiteral("lives")).toArray())
        if (v.toObject().value(QStringLiteral("key")).toString() == key)
            return v.toObject();
    return {};
}

} // namespace

class TestRealsiteMediaServer : public QObject {
    Q_OBJECT
private:
    RealsiteInfo m_site;
    QNetworkAccessManager m_network;

private Q_SLOTS:
    void initTestCase() { AVLD_REQUIRE_REALSITE(m_site); }

    void checkFindsTheStreamOnTheWatchPage() {
        const Run r = runCheck(m_site.siteUrl);
        QVERIFY2(r.exitCode >= 0 && r.exitCode <= 2, qPrintable(r.err));
        const QJsonObject media = r.json.value(QStringLiteral("mediaServer")).toObject();
        QCOMPARE(media.value(QStringLiteral("playerServerFrom")).toString(), QStringLiteral("site"));
        QCOMPARE(media.value(QStringLiteral("playerServer")).toString(), m_site.playerServer.toString());
        const QJsonObject live = liveIn(r.json, m_site.key);
        QCOMPARE(live.value(QStringLiteral("hls")).toString(), m_site.hlsUrl.toString());
        QVERIFY2(live.value(QStringLiteral("ourGrab")).toObject().value(QStringLiteral("ok")).toBool(),
                 QJsonDocument(live).toJson().constData());
    }

    void adminReadsTheLivePluginsStatPage() {
        const Run r =
            runCheck(m_site.siteUrl, {QStringLiteral("--user"), m_site.adminUser}, m_site.adminPassword);
        QVERIFY2(r.exitCode >= 0 && r.exitCode <= 2, qPrintable(r.err));
        const QJsonObject media = r.json.value(QStringLiteral("mediaServer")).toObject();
        QCOMPARE(media.value(QStringLiteral("statFrom")).toString(), QStringLiteral("admin"));
        QCOMPARE(media.value(QStringLiteral("stat")).toString(), m_site.statUrl.toString());
        QVERIFY(liveIn(r.json, m_site.key).value(QStringLiteral("publishing")).toBool());
    }

    // The site's Encoder URL is an admin page: the real 11.7 answers anyone else with 403 and its forbidden
    // page, which the client names "not-admin" (the simulator answers the same way).
    void onlyAnAdminReadsTheEncoderUrl() {
        SiteProfile profile;
        profile.siteUrl = m_site.siteUrl;
        QNetworkAccessManager streamerJar;
        SiteClient streamer(streamerJar, profile);
        QVERIFY(waitFor<LoginInfo>(
            [&](auto done) { streamer.login(m_site.streamerUser, m_site.streamerPassword, done); }));
        const Result<QUrl> refused = waitFor<QUrl>([&](auto done) { streamer.fetchEncoderUrl(done); });
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("not-admin"));
        QNetworkAccessManager adminJar;
        SiteClient admin(adminJar, profile);
        QVERIFY(waitFor<LoginInfo>(
            [&](auto done) { admin.login(m_site.adminUser, m_site.adminPassword, done); }));
        const Result<QUrl> url = waitFor<QUrl>([&](auto done) { admin.fetchEncoderUrl(done); });
        QVERIFY2(url, url ? "" : qPrintable(url.error().toString()));
        QVERIFY(url->isValid());
    }

    // protectLive on: the watch page plays plugin/Live/m3u8.php?live_servers_id=0&uuid=…, and so do we.
    void protectLiveStreamsThroughTheSite() {
        SiteProfile profile;
        profile.siteUrl = m_site.siteUrl;
        SiteClient admin(m_network, profile);
        QVERIFY(waitFor<LoginInfo>(
            [&](auto done) { admin.login(m_site.adminUser, m_site.adminPassword, done); }));
        const Status on = setLivePluginOption(admin, QStringLiteral("protectLive"), true);
        QVERIFY2(on.ok(), qPrintable(on.ok() ? QString() : on.error().toString()));
        const auto restore = qScopeGuard(
            [&] { QVERIFY(setLivePluginOption(admin, QStringLiteral("protectLive"), false).ok()); });

        const Run r = runCheck(m_site.siteUrl);
        const QJsonObject media = r.json.value(QStringLiteral("mediaServer")).toObject();
        QVERIFY(media.value(QStringLiteral("throughSite")).toBool());
        const QJsonObject live = liveIn(r.json, m_site.key);
        const QString hls = live.value(QStringLiteral("hls")).toString();
        QVERIFY2(hls.startsWith(m_site.siteUrl.toString() +
                                QStringLiteral("plugin/Live/m3u8.php?live_servers_id=0&uuid=")),
                 qPrintable(hls));
        QVERIFY2(live.value(QStringLiteral("ourGrab")).toObject().value(QStringLiteral("ok")).toBool(),
                 QJsonDocument(live).toJson().constData());
    }
};

QTEST_GUILESS_MAIN(TestRealsiteMediaServer)
#include "tst_realsite_mediaserver.moc"
