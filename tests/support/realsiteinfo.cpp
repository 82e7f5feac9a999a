#include "realsiteinfo.h"

#include "mariadbserver.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <unistd.h>

namespace avld::test {

namespace {
Error infoError(const QString& message) {
    return {
        QStringLiteral("no-realsite"), message,
        QStringLiteral("run the test through ctest (fixture realsite), or start avld-real-avideo --info FILE "
                       "and set AVLD_REALSITE_INFO=FILE")};
}
} // namespace

bool RealsiteInfo::underCi() {
    return qEnvironmentVariable("CI").compare(QStringLiteral("true"), Qt::CaseInsensitive) == 0;
}

Result<RealsiteInfo> RealsiteInfo::fromEnvironment() {
    // ctest's PID in place of {ppid}: see realsite-fixture.sh.
    const QString path = qEnvironmentVariable("AVLD_REALSITE_INFO")
                             .replace(QStringLiteral("{ppid}"), QString::number(::getppid()));
    if (path.isEmpty())
        return infoError(
            QStringLiteral("the real AVideo is not running for this test: AVLD_REALSITE_INFO is not set"));
    return load(path);
}

Result<RealsiteInfo> RealsiteInfo::load(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        // realsite-fixture.sh leaves the reason beside the info file when it could not start the site.
        QFile reason(path + QStringLiteral(".failed"));
        if (reason.open(QIODevice::ReadOnly))
            return Error{
                QStringLiteral("no-realsite"),
                QStringLiteral("the real AVideo did not start: %1")
                    .arg(QString::fromUtf8(reason.readAll()).trimmed()),
                QStringLiteral("scripts/install-deps.sh installs the packages, AVLD_AVIDEO_ARCHIVE names "
                               "the archive; the fixture's logs are beside %1")
                    .arg(path)};
        return infoError(QStringLiteral("the real AVideo is not running: no info file %1").arg(path));
    }
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("siteUrl")).toString().isEmpty())
        return infoError(QStringLiteral("%1 is not an avld-real-avideo info file").arg(path));
    const QJsonObject admin = root.value(QStringLiteral("admin")).toObject();
    const QJsonObject streamer = root.value(QStringLiteral("streamer")).toObject();
    const QJsonObject mariadb = root.value(QStringLiteral("mariadb")).toObject();
    const auto text = [](const QJsonObject& o, const char* name) {
        return o.value(QLatin1String(name)).toString();
    };

    RealsiteInfo info;
    info.siteUrl = QUrl(text(root, "siteUrl"));
    info.adminUser = text(admin, "user");
    info.adminPassword = text(admin, "password");
    info.streamerUser = text(streamer, "user");
    info.streamerPassword = text(streamer, "password");
    info.channel = text(streamer, "channel");
    info.usersId = streamer.value(QStringLiteral("usersId")).toInt();
    info.key = text(streamer, "key");
    info.transmissionKey = text(streamer, "transmissionKey");
    info.rtmpUrl = text(root, "rtmpUrl");
    info.rtmpServer = text(root, "rtmpServer");
    info.hlsUrl = QUrl(text(root, "hlsUrl"));
    info.watchUrl = QUrl(text(root, "watchUrl"));
    info.playerServer = QUrl(text(root, "playerServer"));
    info.statUrl = QUrl(text(root, "statUrl"));
    info.encoderUrl = QUrl(text(root, "encoderUrl"));
    info.treePath = text(root, "treePath");
    info.mariadbSocket = text(mariadb, "socket");
    info.database = text(mariadb, "database");
    info.startedMs = root.value(QStringLiteral("startedMs")).toInteger();
    return info;
}

Status RealsiteInfo::setEncoderUrl(const QUrl& url) const {
    const Result<QString> done =
        MariaDbServer::execute(mariadbSocket, database,
                               QStringLiteral("UPDATE configurations SET encoderURL = %1 WHERE id = 1;")
                                   .arg(MariaDbServer::quote(url.toString())),
                               15000);
    if (!done)
        return done.error();
    return {};
}

} // namespace avld::test
