#include "mediaserverresolver.h"

#include "logging.h"
#include "siteclient.h"
#include "watchpage.h"

namespace avld {

MediaServerResolver::MediaServerResolver(SiteClient& site, int concurrency, QObject* parent)
    : QObject(parent)
    , m_site(site)
    , m_concurrency(std::max(1, concurrency)) {}

QUrl MediaServerResolver::defaultHlsUrl(const QUrl& playerServer, const QString& key) {
    if (playerServer.isEmpty() || key.isEmpty())
        return {};
    QUrl url = playerServer;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1Char('/') + key + QStringLiteral("/index.m3u8"));
    return url;
}

QUrl MediaServerResolver::choose(const SiteProfile& profile, const SiteLive& live,
                                 const std::optional<Result<QUrl>>& watchPage) {
    if (profile.playerServer.isValid() && !profile.playerServer.isEmpty())
        return defaultHlsUrl(profile.playerServer, live.key);
    if (!live.m3u8Url.isEmpty())
        return live.m3u8Url;
    if (watchPage && watchPage->ok())
        return watchPage->value();
    return defaultHlsUrl(profile.found.playerServer, live.key);
}

void MediaServerResolver::resolve(QList<SiteLive> lives, std::function<void(Outcome)> done) {
    m_lives = std::move(lives);
    m_done = std::move(done);
    m_pages = QList<std::optional<Result<QUrl>>>(m_lives.size());
    m_toRead.clear();
    const SiteProfile& profile = m_site.profile();
    const bool userGave = profile.playerServer.isValid() && !profile.playerServer.isEmpty();
    for (int i = 0; i < m_lives.size(); ++i) {
        if (!userGave && m_lives[i].m3u8Url.isEmpty() && m_lives[i].watchUrl.isValid() &&
            !m_lives[i].watchUrl.isEmpty())
            m_toRead.push_back(i);
    }
    if (m_toRead.empty()) {
        // Nothing to wait for; still answer from the event loop, as every other case does.
        QMetaObject::invokeMethod(this, &MediaServerResolver::finish, Qt::QueuedConnection);
        return;
    }
    pump();
}

void MediaServerResolver::pump() {
    while (m_reading < m_concurrency && !m_toRead.empty()) {
        const int i = m_toRead.front();
        m_toRead.pop_front();
        ++m_reading;
        QPointer<MediaServerResolver> self(this);
        m_site.fetchWatchPageHls(m_lives[i].watchUrl, [this, self, i](Result<QUrl> hls) {
            if (!self)
                return;
            if (!hls)
                qCInfo(lcSite).noquote()
                    << "watch page of" << m_lives[i].key << ":" << hls.error().toString();
            m_pages[i] = std::move(hls);
            --m_reading;
            if (m_reading == 0 && m_toRead.empty())
                finish();
            else
                pump();
        });
    }
}

void MediaServerResolver::finish() {
    if (!m_done)
        return;
    // What the watch pages show of the player server: what visitors play wins over the plugin's option.
    MediaServer found = m_site.profile().found;
    bool learned = false;
    for (int i = 0; i < m_lives.size() && !learned; ++i) {
        if (!m_pages[i] || !m_pages[i]->ok())
            continue;
        const QUrl hls = m_pages[i]->value();
        if (const QUrl base = WatchPage::playerServerOf(hls, m_lives[i].key); !base.isEmpty()) {
            found.playerServer = base;
            found.playerServerFrom = MediaSource::Site;
            found.throughSite = false;
            learned = true;
        } else if (WatchPage::isThroughSite(hls)) {
            found.throughSite = true;
            learned = true;
        }
    }
    if (learned)
        m_site.setFoundMediaServer(found);

    Outcome outcome;
    const SiteProfile& profile = m_site.profile();
    for (int i = 0; i < m_lives.size(); ++i) {
        SiteLive live = m_lives[i];
        live.m3u8Url = choose(profile, live, m_pages[i]);
        if (live.m3u8Url.isEmpty() && !outcome.unresolved) {
            const QString why =
                m_pages[i] && !m_pages[i]->ok()
                    ? m_pages[i]->error().message
                    : QStringLiteral("the site lists \"%1\" without a watch page").arg(live.key);
            outcome.unresolved = mediaServerUnknown(why);
        }
        outcome.lives.append(live);
    }
    auto done = std::move(m_done);
    m_done = nullptr;
    done(std::move(outcome));
}

} // namespace avld
