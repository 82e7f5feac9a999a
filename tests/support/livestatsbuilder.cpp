#include "livestatsbuilder.h"

#include "liveurls.h"
#include "siteaccounts.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace avld::test {

namespace {
constexpr qint64 kReadinessLifetimeMs = 90'000; // §3.4 / §4.1: isLiveAndIsReadyFromKey cached 90 s
constexpr int kPlaylistCheckTimeoutMs = 2000;

// A stable live_transmitions_history id: the row's position in the table, from 1.
int historyId(const SimulatedLive& live, const LiveStatsBuilder::Context& context) {
    for (int i = 0; i < context.lives.size(); ++i) {
        if (context.lives.at(i).key == live.key)
            return i + 1;
    }
    return 0;
}
} // namespace

LiveStatsBuilder::LiveStatsBuilder(QNetworkAccessManager& network, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(&clock) {}

bool LiveStatsBuilder::readinessFresh(const QString& key) const {
    const auto it = m_ready.constFind(key);
    return it != m_ready.constEnd() && m_clock->monotonicMs() - it->atMs < kReadinessLifetimeMs;
}

void LiveStatsBuilder::build(const NginxSnapshot& stat, const Context& context, const QString& name,
                             std::optional<int> liveServersId, Done done) {
    // §3.4: rows whose key the media server lists as publishing; §3.2: plus unfinished history rows.
    QList<SimulatedLive> listed;
    for (const SimulatedLive& live : context.lives) {
        if (liveServersId && live.liveServersId != *liveServersId)
            continue;
        const NginxStream* stream = stat.find(live.key);
        if ((stream && stream->publishing) || live.listedWhileNotPublishing)
            listed.append(live);
    }

    // isValidM3U8Link() for the publishing ones whose readiness is not cached.
    auto pending = std::make_shared<int>(0);
    auto finish = [this, stat, context, name, listed, done] { done(assemble(stat, context, name, listed)); };
    QList<QString> toCheck;
    for (const SimulatedLive& live : listed) {
        if (stat.find(live.key) && !readinessFresh(live.key))
            toCheck.append(live.key);
    }
    if (toCheck.isEmpty()) {
        finish();
        return;
    }
    *pending = int(toCheck.size());
    for (const QString& key : toCheck) {
        QNetworkReply* reply =
            m_network.get(QNetworkRequest(LiveUrls::playerPlaylist(context.playerServer, key)));
        QPointer<QNetworkReply> guard(reply);
        QTimer::singleShot(kPlaylistCheckTimeoutMs, reply, [guard] {
            if (guard && guard->isRunning())
                guard->abort();
        });
        connect(reply, &QNetworkReply::finished, this, [this, reply, key, pending, finish] {
            reply->deleteLater();
            const bool ok =
                reply->error() == QNetworkReply::NoError && reply->readAll().startsWith("#EXTM3U");
            m_ready.insert(key, {ok, m_clock->monotonicMs()});
            if (--*pending == 0)
                finish();
        });
    }
}

QJsonObject LiveStatsBuilder::assemble(const NginxSnapshot& stat, const Context& context, const QString& name,
                                       const QList<SimulatedLive>& listed) const {
    QJsonArray applications;
    QJsonArray hidden;
    int nclients = 0;
    bool nameOnline = false;
    for (const SimulatedLive& live : listed) {
        const NginxStream* stream = stat.find(live.key);
        const bool ready = stream && m_ready.value(live.key).ready;
        if (stream)
            nclients += stream->nclients;
        if (!name.isEmpty() && live.key == name)
            nameOnline = true;
        (live.hidden ? hidden : applications).append(application(live, stream, context, ready));
    }
    // §3.2 top level; `msg` is ONLINE/OFFLINE for the ?name= key (2022 variant), OFFLINE otherwise.
    return QJsonObject{
        {QStringLiteral("error"), false},
        {QStringLiteral("msg"), nameOnline ? QStringLiteral("ONLINE") : QStringLiteral("OFFLINE")},
        {QStringLiteral("nclients"), nclients},
        {QStringLiteral("applications"), applications},
        {QStringLiteral("hidden_applications"), hidden},
        {QStringLiteral("total"), int(applications.size() + hidden.size())},
        {QStringLiteral("countLiveStream"), int(applications.size())},
        {QStringLiteral("disableGif"), context.disableGifThumbs},
        {QStringLiteral("name"), name.isEmpty() ? QStringLiteral("undefined") : name},
    };
}

QJsonObject LiveStatsBuilder::application(const SimulatedLive& live, const NginxStream* stream,
                                          const Context& context, bool ready) const {
    const SimulatedUser* owner = context.accounts ? context.accounts->byName(live.user) : nullptr;
    const QString site = context.siteUrl.toString();
    const QString channel = owner ? owner->user : live.user;
    const QString link = QStringLiteral("%1live/%2/%3").arg(site).arg(live.liveServersId).arg(channel);
    const QString uid = QStringLiteral("live_%1_%2").arg(live.liveServersId).arg(live.key);
    // §3.2: in the DB-driven branch `poster` is Live::getPoster(): the site-relative getImage.php URL when
    // the live is live and ready, else the user's _bg_ poster or plugin/Live/view/Offline.jpg (no posters
    // are uploaded here). §1.1: imgGif is the webp variant unless disableGif / disableGifThumbs.
    const QString poster =
        ready ? LiveUrls::posterRelative(live.user, live.liveServersId, QStringLiteral("jpg"))
              : QStringLiteral("plugin/Live/view/Offline.jpg");
    const QString imgGif =
        ready && !context.disableGifThumbs
            ? LiveUrls::posterRelative(live.user, live.liveServersId, QStringLiteral("webp"))
            : QString();
    const QString photo = site + QStringLiteral("view/img/userSilhouette.jpg");
    const QString now = m_clock->now().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return QJsonObject{
        {QStringLiteral("key"), live.key},
        {QStringLiteral("live_servers_id"), live.liveServersId},
        {QStringLiteral("title"), context.zwnjTitles ? QStringLiteral("&zwnj;") + live.title : live.title},
        {QStringLiteral("users_id"), owner ? owner->id : 0},
        {QStringLiteral("name"), owner ? owner->name : live.user},
        {QStringLiteral("photo"), photo},
        {QStringLiteral("UserPhoto"), photo},
        {QStringLiteral("href"), link},
        {QStringLiteral("link"), link},
        {QStringLiteral("poster"), poster},
        {QStringLiteral("imgGif"), imgGif},
        {QStringLiteral("type"), QStringLiteral("live")},
        {QStringLiteral("className"), uid},
        {QStringLiteral("uid"), uid},
        {QStringLiteral("categories_id"), live.categoriesId},
        {QStringLiteral("comingsoon"), false},
        {QStringLiteral("description"), live.description},
        {QStringLiteral("timezone"), QStringLiteral("UTC")},
        {QStringLiteral("html"), QString()},
        {QStringLiteral("htmlExtra"), QString()},
        {QStringLiteral("htmlExtraVideoPage"), QString()},
        {QStringLiteral("htmlExtraVideoListItem"), QString()},
        {QStringLiteral("isPrivate"), live.isPrivate},
        {QStringLiteral("isPasswordProtected"), false},
        {QStringLiteral("isRebroadcast"), false},
        {QStringLiteral("method"), QStringLiteral("Live::getStats")},
        {QStringLiteral("live_transmitions_history_id"), historyId(live, context)},
        {QStringLiteral("isLiveAndIsReadyFromKey"), ready},
        {QStringLiteral("isStatsAccessible"), true},
        {QStringLiteral("nclients"), stream ? stream->nclients : 0},
        {QStringLiteral("modified"), now},
        {QStringLiteral("now"), now},
        {QStringLiteral("hasPPVLive"), false},
        {QStringLiteral("callback"), QString()},
        {QStringLiteral("startsOnDate"), QString()},
    };
}

} // namespace avld::test
