#include "diagnosisfixtures.h"

#include "bitmapqt/qimagebridge.h"
#include "syntheticframes.h"

namespace avld::test {

LiveEntry liveEntry(const QString& key, const QString& title, ThumbnailClass cls,
                    std::optional<Error> grabError) {
    LiveEntry e;
    e.key = key;
    SiteLive site;
    site.key = key;
    site.title = title;
    e.site = site;
    NginxStream media;
    media.name = key;
    media.publishing = true;
    e.media = media;
    e.mediaKnown = true;
    e.hlsUrl = QUrl(QStringLiteral("http://media.example.org/live/%1/index.m3u8").arg(key));
    SiteThumbnail thumbnail;
    thumbnail.cls = cls;
    thumbnail.httpStatus = 200;
    thumbnail.fetchedAt = QDateTime::currentDateTime();
    thumbnail.image =
        fromQImage(cls == ThumbnailClass::RealFrame ? testPattern(12 * 3600, 3, {640, 360})
                                                    : flat(QColor(0x80, 0x80, 0x80), {640, 360}));
    e.siteThumbnail = thumbnail;
    if (grabError) {
        e.ourGrab = *grabError;
    } else {
        GrabResult grab;
        GrabbedFrame frame;
        frame.image = fromQImage(testPattern(12 * 3600, 7, {640, 360}));
        grab.frames = {frame};
        grab.report.codedSize = {1280, 720};
        grab.report.frameAgeMs = 3000;
        e.ourGrab = grab;
    }
    return e;
}

EncoderSnapshot encoderSnapshot(const QUrl& url, EncoderOrigin origin, ProbeHealth health,
                                qint64 functionalMs) {
    EncoderSnapshot s;
    s.target.id = url.host() + QString::number(url.port());
    s.target.name = url.host();
    s.target.url = url;
    s.target.origin = origin;
    s.state = health == ProbeHealth::Healthy    ? EncoderState::Online
              : health == ProbeHealth::Degraded ? EncoderState::Degraded
                                                : EncoderState::Offline;
    EncoderProbeReport report;
    report.record.encoderId = s.target.id;
    report.record.at = QDateTime::currentDateTimeUtc();
    report.record.health = health;
    report.record.httpStatus = health == ProbeHealth::Failed ? 0 : 200;
    report.record.phases.totalMs = 40;
    report.record.errorCode = health == ProbeHealth::Failed ? QStringLiteral("connect-refused") : QString();
    report.record.reason =
        health == ProbeHealth::Failed ? QStringLiteral("connection refused") : QStringLiteral("ok");
    report.record.functionalMs = health == ProbeHealth::Failed ? -1 : functionalMs;
    report.record.frameClass =
        health == ProbeHealth::Healthy ? QStringLiteral("real-frame") : QStringLiteral("error");
    s.last = report;
    return s;
}

namespace {

QUrl standinUrl() {
    return QUrl(QStringLiteral("http://192.0.2.10:8091/%1/").arg(kStandinPrefix));
}

StandinVerificationReport verification(const DiagnosisInput& input, StandinServing serving) {
    StandinVerificationReport v;
    v.siteUrl = input.siteUrl;
    v.expectedEncoderUrl = standinUrl();
    v.configuredEncoderUrl = Result<QUrl>(standinUrl());
    for (const LiveEntry& live : input.overview.report->lives) {
        LiveStandinCheck check;
        check.key = live.key;
        check.title = live.title();
        check.serving = serving;
        check.cls = serving == StandinServing::Ours ? ThumbnailClass::RealFrame : ThumbnailClass::OnlineCard;
        v.lives.append(check);
    }
    return v;
}

void useStandin(DiagnosisInput& input) {
    input.overview.standInRunning = true;
    input.overview.standInUrl = standinUrl();
    input.overview.siteEncoderUrl = standinUrl();
    input.overview.encoders[0] =
        encoderSnapshot(standinUrl(), EncoderOrigin::SiteConfigured, ProbeHealth::Healthy, 60);
    StandInStats stats;
    stats.requests = 12;
    stats.images = 10;
    stats.uptimeMs = 600'000;
    stats.presence.instance = QStringLiteral("1a2b3c4d");
    input.standInStats = stats;
}

} // namespace

DiagnosisInput seedInput(SeedState state) {
    DiagnosisInput input;
    input.siteUrl = QUrl(QStringLiteral("https://tv.example.org/"));
    input.overview.siteName = QStringLiteral("Example TV");
    input.now = QDateTime::currentDateTime();
    LoginInfo login;
    login.user = QStringLiteral("admin");
    login.isAdmin = true;
    login.passwordHash = kPasswordHash;
    input.login = login;
    input.watchRunning = true;
    input.alertChannels = {QStringLiteral("desktop notifications")};
    input.overview.siteEncoderUrl = kSiteEncoderUrl;
    input.overview.encoders = {
        encoderSnapshot(kSiteEncoderUrl, EncoderOrigin::SiteConfigured, ProbeHealth::Healthy),
        encoderSnapshot(kBackupUrl, EncoderOrigin::AdminAdded, ProbeHealth::Healthy, 250),
    };
    SiteCheckReport report;
    report.startedAt = input.now;
    report.elapsedMs = 1800;
    const auto twoLives = [&report](ThumbnailClass cls) {
        report.lives = {liveEntry(QStringLiteral("alice-key"), QStringLiteral("Alice's morning show"), cls),
                        liveEntry(QStringLiteral("bob-key"), QStringLiteral("Bob plays"), cls)};
    };
    switch (state) {
    case SeedState::EncoderDown:
        twoLives(ThumbnailClass::OnlineCard);
        input.overview.encoders[0] =
            encoderSnapshot(kSiteEncoderUrl, EncoderOrigin::SiteConfigured, ProbeHealth::Failed);
        break;
    case SeedState::Poster:
        twoLives(ThumbnailClass::StaticPoster);
        input.overview.encoders[0] =
            encoderSnapshot(kSiteEncoderUrl, EncoderOrigin::SiteConfigured, ProbeHealth::Failed);
        break;
    case SeedState::StandinServing:
        twoLives(ThumbnailClass::RealFrame);
        input.overview.report = report;
        useStandin(input);
        input.verification = verification(input, StandinServing::Ours);
        return input;
    case SeedState::CardAfterSwitch:
        twoLives(ThumbnailClass::OnlineCard);
        input.overview.report = report;
        useStandin(input);
        input.verification = verification(input, StandinServing::Card);
        return input;
    case SeedState::MediaUnreachable:
        report.lives = {liveEntry(
            QStringLiteral("alice-key"), QStringLiteral("Alice's morning show"), ThumbnailClass::RealFrame,
            Error{QStringLiteral("connect-refused"), QStringLiteral("connection refused"), {}})};
        break;
    case SeedState::GhostLive: {
        twoLives(ThumbnailClass::RealFrame);
        LiveEntry ghost;
        ghost.key = QStringLiteral("ghost-key");
        NginxStream media;
        media.name = ghost.key;
        media.publishing = true;
        ghost.media = media;
        ghost.mediaKnown = true;
        report.lives.append(ghost);
        break;
    }
    case SeedState::SiteUnreachable:
        report.livesError = Error{QStringLiteral("connect-refused"), QStringLiteral("connection refused"),
                                  QStringLiteral("Is the site up?")};
        break;
    }
    input.overview.report = report;
    return input;
}

} // namespace avld::test
