#include "checktable.h"

#include "media/framechecks.h"
#include "plural.h"
#include "remotetext.h"
#include "site/livepicture.h"
#include "site/livesound.h"
#include "textcolumns.h"

namespace avld {

namespace {

QString streamColumn(const LiveEntry& e) {
    if (!e.ourGrab)
        return QStringLiteral("-");
    if (!e.ourGrab->ok())
        return e.ourGrab->error().code;
    if (e.ourGrab->value().frames.isEmpty())
        return QStringLiteral("no picture");
    // What the grabbed picture is, in the site column's words: a grab that worked may still hold no picture.
    const FrameVerdict verdict = FrameChecks::classify(e.ourGrab->value().frame().image);
    const QString what = verdict.isRealFrame()             ? QStringLiteral("real frame")
                         : verdict.card != KnownCard::None ? KnownCards::name(verdict.card)
                         : verdict.black                   ? QStringLiteral("black picture")
                                                           : QStringLiteral("blank picture");
    return QStringLiteral("%1, %2 s behind live")
        .arg(what)
        .arg(e.ourGrab->value().report.frameAgeMs / 1000.0, 0, 'f', 1);
}

// The sound of the segment the frame came from: its levels, "silent 2.0 s", "no audio", or "-" when it was
// not measured (not grabbed, or the grab failed: the stream column says why).
QString soundColumn(const LiveEntry& e, const QDateTime& at) {
    const LiveSound sound = LiveSound::of(e, at);
    return sound.state == LiveSound::State::NotMeasured ? QStringLiteral("-") : sound.shortText();
}

// The picture of the segment the frame came from: "moving", "still 2.0 s" (the same from its keyframe to
// its newest picture), "black", or "-" when there was none (not grabbed, or the grab failed).
QString pictureColumn(const LiveEntry& e, const QDateTime& at) {
    const LivePicture picture = LivePicture::of(e, at);
    return picture.state == LivePicture::State::NotSeen ? QStringLiteral("-") : picture.shortText();
}

} // namespace

QString CheckTable::header(const SiteCheckReport& report, const QUrl& siteUrl) {
    QString counts;
    if (report.lives.isEmpty()) {
        counts = QStringLiteral("no live is running");
    } else {
        counts = QStringLiteral("%1, %2 with real thumbnails, %3 with ONLINE cards")
                     .arg(countOf(report.lives.size(), QStringLiteral("live"), QStringLiteral("lives")))
                     .arg(report.count(ThumbnailClass::RealFrame))
                     .arg(report.count(ThumbnailClass::OnlineCard));
        if (const int posters = report.count(ThumbnailClass::StaticPoster))
            counts += QStringLiteral(", %1 with static posters").arg(posters);
        if (const int broken = report.count(ThumbnailClass::NotAnImage))
            counts += QStringLiteral(", %1 with broken images").arg(broken);
    }
    return QStringLiteral("%1 - %2: %3, checked in %4 ms\n")
        .arg(severityName(report.overall()), siteUrl.toString(), counts)
        .arg(report.elapsedMs);
}

QString CheckTable::rows(const SiteCheckReport& report) {
    QString out;
    for (const LiveEntry& e : report.lives) {
        const QString site = e.siteThumbnail ? thumbnailClassName(e.siteThumbnail->cls) : QStringLiteral("-");
        out += QStringLiteral("  %1 site: %2 stream: %3 picture: %4 sound: %5\n")
                   .arg(TextColumns::fit(RemoteText::clean(e.title()), kTitleColumns),
                        TextColumns::fit(site, kSiteColumns),
                        TextColumns::fit(RemoteText::clean(streamColumn(e)), kStreamColumns),
                        TextColumns::fit(pictureColumn(e, report.checkedAt()), kPictureColumns),
                        soundColumn(e, report.checkedAt()));
    }
    return out;
}

QString CheckTable::findings(const SiteCheckReport& report) {
    QString out;
    for (const QString& line : report.findings())
        out += RemoteText::clean(line) + QLatin1Char('\n');
    return out;
}

} // namespace avld
