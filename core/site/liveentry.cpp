#include "liveentry.h"

#include "media/framechecks.h"
#include "mediaserverresolver.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace avld {

namespace {

// Words for people, in the language the application loaded (the window's); the command line loads none.
struct LiveWords {
    Q_DECLARE_TR_FUNCTIONS(LiveWords)
};

} // namespace

QUrl defaultHlsUrl(const SiteProfile& profile, const QString& key) {
    return MediaServerResolver::defaultHlsUrl(profile.effectivePlayerServer(), key);
}

bool isUnreachable(const Error& grabError) {
    // Network errors on the way to the stream's host: this computer's view, not the stream's fault.
    static const QStringList codes{QStringLiteral("dns"), QStringLiteral("connect-refused"),
                                   QStringLiteral("timeout"), QStringLiteral("network"),
                                   QStringLiteral("connection-closed")};
    return codes.contains(grabError.code);
}

QString severityName(Severity severity) {
    switch (severity) {
    case Severity::Ok:
        return QStringLiteral("OK");
    case Severity::Warning:
        return QStringLiteral("WARNING");
    case Severity::Critical:
        return QStringLiteral("CRITICAL");
    case Severity::Unknown:
        return QStringLiteral("UNKNOWN");
    }
    return {};
}

QString severityText(Severity severity) {
    switch (severity) {
    case Severity::Ok:
        return LiveWords::tr("OK");
    case Severity::Warning:
        return LiveWords::tr("WARNING");
    case Severity::Critical:
        return LiveWords::tr("CRITICAL");
    case Severity::Unknown:
        return LiveWords::tr("UNKNOWN");
    }
    return {};
}

QString LiveEntry::title() const {
    if (site && !site->title.isEmpty())
        return site->title;
    return key;
}

LiveAssessment LiveEntry::assess() const {
    const bool grabbed = ourGrab && ourGrab->ok();
    const bool ourFrameReal = grabbed && FrameChecks::classify(ourGrab->value().frame().image).isRealFrame();
    const bool siteShowsCard = siteThumbnail && isPlaceholder(siteThumbnail->cls);
    const QString who = title();

    if (site && mediaKnown && !media) {
        return {LiveProblem::MissingFromMediaServer, Severity::Warning,
                LiveWords::tr(
                    "%1: listed by the site but the media server receives no stream \"%2\"; visitors see it "
                    "as live but nothing plays")
                    .arg(who, key)};
    }
    if (!site && media && media->publishing) {
        return {LiveProblem::GhostLive, Severity::Warning,
                LiveWords::tr(
                    "\"%1\" is publishing to the media server but the site does not list it (unknown key, "
                    "or the site's stats cache is stale)")
                    .arg(key)};
    }
    if (siteThumbnail && siteThumbnail->isBroken()) {
        return {LiveProblem::ThumbnailBroken, Severity::Critical,
                LiveWords::tr("%1: the site's %2 answered HTTP %3: visitors see a broken image (%4)")
                    .arg(who, siteThumbnail->scriptName())
                    .arg(siteThumbnail->httpStatus)
                    .arg(siteThumbnail->cameBack)};
    }
    const bool sitePoster = siteThumbnail && siteThumbnail->cls == ThumbnailClass::StaticPoster;
    if (sitePoster && ourFrameReal) {
        return {LiveProblem::EncoderNotProducing, Severity::Critical,
                LiveWords::tr("%1: the site shows a static poster, not a live frame — the encoder is not "
                              "producing thumbnails (AVideo falls back to the streamer's poster)")
                    .arg(who)};
    }
    if (siteShowsCard && ourFrameReal) {
        return {
            LiveProblem::EncoderNotProducing, Severity::Critical,
            LiveWords::tr("%1: the site shows the %2 while the stream has real pictures — the encoder is not "
                          "producing thumbnails")
                .arg(who, thumbnailClassText(siteThumbnail->cls))};
    }
    if (ourGrab && !grabbed && isUnreachable(ourGrab->error())) {
        return {LiveProblem::MediaServerUnreachable, Severity::Warning,
                LiveWords::tr("%1: this computer cannot reach the media server%2 (%3); the stream was not "
                              "checked — visitors may still play it. Check this computer's network and "
                              "firewall, or give --player-server with an address it can reach")
                    .arg(who, hlsUrl.host().isEmpty() ? QString() : QLatin1Char(' ') + hlsUrl.host(),
                         ourGrab->error().message)};
    }
    if (ourGrab && !grabbed) {
        return {LiveProblem::StreamUnplayable, Severity::Critical,
                LiveWords::tr("%1: the stream cannot be read: %2").arg(who, ourGrab->error().toString())};
    }
    if (grabbed && !ourFrameReal) {
        return {LiveProblem::BlankStream, Severity::Warning,
                LiveWords::tr("%1: the stream itself shows no picture (%2)")
                    .arg(who, FrameChecks::classify(ourGrab->value().frame().image).reason())};
    }
    if (sitePoster) {
        return {
            LiveProblem::SiteShowsPlaceholder, Severity::Warning,
            LiveWords::tr("%1: the site shows a static poster, not a live frame — the encoder gives AVideo "
                          "no thumbnail (AVideo falls back to the streamer's poster); the stream itself "
                          "was not checked")
                .arg(who)};
    }
    if (siteShowsCard) {
        return {LiveProblem::SiteShowsPlaceholder, Severity::Warning,
                LiveWords::tr("%1: the site shows the %2").arg(who, thumbnailClassName(siteThumbnail->cls))};
    }
    if (siteThumbnail && siteThumbnail->cls == ThumbnailClass::FetchFailed) {
        return {
            LiveProblem::ThumbnailNotFetched, Severity::Warning,
            LiveWords::tr("%1: this computer could not fetch the site's thumbnail (%2); what visitors see "
                          "was not checked")
                .arg(who, siteThumbnail->detail)};
    }
    if (!siteThumbnail)
        return {LiveProblem::None, Severity::Ok, LiveWords::tr("%1: no thumbnail checked").arg(who)};
    return {LiveProblem::None, Severity::Ok, LiveWords::tr("%1: real thumbnail").arg(who)};
}

QList<LiveEntry> joinLives(const QList<SiteLive>& site, const NginxStat* stat, const SiteProfile& profile) {
    static const QRegularExpression adaptiveSubStream(QStringLiteral("_(hi|low|mid)$"));
    QList<LiveEntry> entries;
    QSet<QString> matched;
    for (const SiteLive& live : site) {
        LiveEntry e;
        e.key = live.key;
        e.site = live;
        e.mediaKnown = stat != nullptr;
        if (stat) {
            if (const NginxStream* s = stat->find(live.key); s && s->publishing) {
                e.media = *s;
                matched.insert(s->name);
            }
        }
        e.hlsUrl = live.m3u8Url.isEmpty() ? defaultHlsUrl(profile, live.key) : live.m3u8Url;
        entries.append(e);
    }
    if (stat) {
        for (const NginxStream& s : stat->streams) {
            if (!s.publishing || matched.contains(s.name) || adaptiveSubStream.match(s.name).hasMatch())
                continue;
            LiveEntry e;
            e.key = s.name;
            e.media = s;
            e.mediaKnown = true;
            e.hlsUrl = defaultHlsUrl(profile, s.name);
            entries.append(e);
        }
    }
    return entries;
}

} // namespace avld
