#pragma once

#include "liveentry.h"
#include "media/framesample.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace avld {

// A live's own picture as the checks saw it (our grab of its stream), followed from one check to the next by
// follow() (PictureTracker and the tiles do), after FFmpeg's freezedetect and blackdetect, whose default
// duration (2 s) is kMinMs:
// - Still: the stream shows the same picture (FrameChecks::samePicture) for kMinMs or more: the publisher's
//   source is frozen (a stalled camera or capture, a still OBS scene). Since when: from the newest check's
//   segment (GrabReport::pictureStillForMs: its keyframe and newest picture the same), extended back to the
//   check before when this check's picture is the same as that check's; a check whose picture differs from
//   the one before, or whose segment saw it move, ends it. A still span shorter than kMinMs is kept (a
//   Moving picture with stillSince, as a silent tail is for the sound) so that the next check extends it.
//   ("Still picture", not "frozen": TileBadge::Frozen is the site's thumbnail frozen while the stream moves.)
// - Black: the newest picture is black (FrameChecks::isBlack, as LiveEntry::assess's BlankStream). One black
//   picture alone is "black now" (blackForMs 0); how long comes from the segment (its keyframe picture and
//   newest both black) and from consecutive black checks. Black outranks Still: a black picture is still.
// - Moving: the picture is neither.
// - NotSeen: no check has seen a picture of it yet.
// A check that sees no picture (no grab, or it failed) keeps the state, the picture and the durations as they
// were (it does not extend them) and says why in `unmeasured`.
struct LivePicture {
    enum class State { NotSeen, Moving, Still, Black };
    // freezedetect's and blackdetect's default duration: shorter is an ordinary pause or fade.
    static constexpr qint64 kMinMs = 2000;

    State state = State::NotSeen;
    FrameSample sample{};       // the newest picture, to compare the next check's with
    QDateTime seenAt{};         // when the newest picture was seen (its check's time)
    QDateTime stillSince{};     // the start of the same picture going on at seenAt; invalid: it moved
    QDateTime blackSince{};     // the start of the black going on at seenAt; invalid: not black
    qint64 segmentStillMs = -1; // the newest grab's GrabReport::pictureStillForMs
    qint64 segmentBlackMs = -1; // the newest grab's GrabReport::pictureBlackForMs
    QString unmeasured{};       // why the newest check saw no picture; empty when it saw one

    bool still() const { return state == State::Still; }
    bool black() const { return state == State::Black; }
    // How long the picture has stayed the same, up to seenAt; 0 without a still span.
    qint64 stillForMs() const;
    // How long the picture has been black, up to seenAt; 0 when it is not, or black for one picture only.
    qint64 blackForMs() const;
    // The still or black span goes back beyond the newest check's segment: checks before it saw it too.
    bool outlastsSegment() const;

    // A few words for a column or a pill: "moving", "still 5 min", "black 2 min", "black", "not seen".
    QString shortText() const;
    // The figures in a line, for evidence: "the same picture for 5 min (since 14:02:10); newest segment: the
    // same picture for 2.0 s".
    QString evidence() const;
    // For a person and a report (words, spans); stateJson() is what follow() needs.
    QJsonObject toJson() const;
    // Everything follow() and the evidence need to go on from this state in another run (FollowedLivesStore):
    // the state, seenAt, stillSince and blackSince (UTC, ISO 8601 with ms), the segment's spans,
    // `unmeasured` and the sample's 64x36 thumbnail (PNG, base64; its grey levels and hash are computed from
    // it again). fromStateJson(stateJson()) is the same LivePicture.
    QJsonObject stateJson() const;
    static Result<LivePicture> fromStateJson(const QJsonObject& json);

    // The state after one check at `at` that saw `sample`, with its segment's spans (GrabReport).
    static LivePicture follow(const LivePicture& before, const FrameSample& sample, qint64 segmentStillMs,
                              qint64 segmentBlackMs, const QDateTime& at);
    // The state after one check that saw no picture, and why.
    static LivePicture unmeasuredAfter(const LivePicture& before, const QString& why);
    // The state after one check at `at` of `live` (its grab's picture, or why there is none).
    static LivePicture follow(const LivePicture& before, const LiveEntry& live, const QDateTime& at);
    // What one check alone says (`check`, a live seen for the first time).
    static LivePicture of(const LiveEntry& live, const QDateTime& at) { return follow({}, live, at); }
};

// "not-seen", "moving", "still", "black" (stable: JSON).
QString pictureStateName(LivePicture::State state);

} // namespace avld
