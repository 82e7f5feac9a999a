#pragma once

#include "media/grabtypes.h"
#include "media/sitethumbnail.h"
#include "nginxstat.h"
#include "result.h"
#include "sitelive.h"
#include "siteprofile.h"

#include <optional>

namespace avld {

// What is wrong with a live, most serious first.
enum class LiveProblem {
    None,
    EncoderNotProducing,    // the site shows a card while the stream itself has pictures: the seed problem
    StreamUnplayable,       // our own grab of the stream fails
    MediaServerUnreachable, // our grab cannot reach the stream's host (DNS, refused, timeout): not the stream
    MissingFromMediaServer, // the site lists it, nginx does not receive it
    GhostLive,              // nginx receives it, the site does not list it
    SiteShowsPlaceholder,   // the site shows a card and we could not check the stream ourselves
    BlankStream,            // the stream's own picture is black or flat
    ThumbnailBroken,        // the site's thumbnail answer is an HTTP error, empty or not a picture
    ThumbnailNotFetched,    // no answer reached us for the site's thumbnail: what visitors see is unknown
};

enum class Severity { Ok = 0, Warning = 1, Critical = 2, Unknown = 3 }; // Nagios order

struct LiveAssessment {
    LiveProblem problem = LiveProblem::None;
    Severity severity = Severity::Ok;
    QString summary; // one line a person understands
};

// One live, joined from the site's listing, nginx's stat page, the site's thumbnail and our own grab.
struct LiveEntry {
    QString key;
    std::optional<SiteLive> site;
    std::optional<NginxStream> media;
    bool mediaKnown = false; // false when the stat page could not be read: then `media` says nothing
    QUrl hlsUrl;
    std::optional<SiteThumbnail> siteThumbnail;
    std::optional<Result<GrabResult>> ourGrab;

    QString title() const;
    LiveAssessment assess() const;
};

// Joins by stream key. Adaptive sub-streams (_hi, _low, _mid) are not lives of their own (§3.4).
QList<LiveEntry> joinLives(const QList<SiteLive>& site, const NginxStat* stat, const SiteProfile& profile);

// The HLS URL AVideo builds for a key by default (§3.3): {playerServer}/{key}/index.m3u8, with the player
// server the user gave or the site said; empty when nobody did (never a guess).
QUrl defaultHlsUrl(const SiteProfile& profile, const QString& key);
// Whether a grab failed on the way to the stream's host (DNS, refused, timeout, dropped connection).
bool isUnreachable(const Error& grabError);

QString severityName(Severity severity);
// The same word in the language the application loaded, for people; severityName() is Nagios' and stays.
QString severityText(Severity severity);

} // namespace avld
