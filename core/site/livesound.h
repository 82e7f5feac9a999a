#pragma once

#include "liveentry.h"
#include "media/soundlevels.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace avld {

// A live's sound as the checks heard it, from the segment each check's grab took its picture from
// (GrabReport::sound), followed from one check to the next by follow() (SilenceTracker and the tiles do):
// - Silent: the newest measured segment is silent throughout (SoundLevels::silent(): every channel below
//   -60 dBFS). Since when: from the silent tail of the segment in which the silence began, extended by every
//   following check whose segment is silent throughout; a check that hears sound ends it.
// - Sound: the newest segment has sound. It may end in a silent tail shorter than the segment (a pause):
//   silentSince then says where that tail began, and a next silent check extends it.
// - NoAudio: the stream carries no audio. Many lives have none (a screen, a camera without a microphone): a
//   state of its own, never "silent".
// - NotMeasured: no check has measured it yet.
// A check that measures nothing (our grab failed, or went another way than an HLS segment) keeps the state,
// the levels and the duration as they were (it does not extend a silence) and says why in `unmeasured`.
struct LiveSound {
    enum class State { NotMeasured, NoAudio, Sound, Silent };

    State state = State::NotMeasured;
    std::optional<SoundLevels> levels{}; // the newest measure
    QDateTime heardAt{};                 // when the newest measure was taken (its check's time)
    QDateTime silentSince{};             // the start of the silence going on at heardAt; invalid: none
    QString unmeasured{};                // why the newest check measured nothing; empty when it measured

    bool silent() const { return state == State::Silent; }
    // How long the checks have heard nothing, up to heardAt: a Silent live's silence, or a Sound's silent
    // tail; 0 without either.
    qint64 silentForMs() const;
    // The silence is longer than the newest segment: checks before it heard nothing either.
    bool silenceOutlastsSegment() const;
    // The newest measure peaks at full scale (SoundLevels::reachesFullScale): the sound may distort.
    bool clips() const;

    // A few words for a column: "peak -17.7 dBFS, -21.8 LUFS", "silent 5 min", "no audio", "not measured".
    QString shortText() const;
    // The figures in a line, for evidence: "silent for 5 min (since 14:02:10); newest segment: silent
    // (below -60 dBFS for the whole 2.0 s segment)".
    QString evidence() const;
    // For a person and a report (rounded levels, words); stateJson() is what follow() needs.
    QJsonObject toJson() const;
    // Everything follow() and the evidence need to go on from this state in another run (FollowedLivesStore):
    // the state, heardAt and silentSince (UTC, ISO 8601 with ms), every level unrounded (a level that is not
    // a number as "nan", "inf" or "-inf") and `unmeasured`. fromStateJson(stateJson()) is the same LiveSound.
    QJsonObject stateJson() const;
    static Result<LiveSound> fromStateJson(const QJsonObject& json);

    // The state after one check at `at` that measured `levels`.
    static LiveSound follow(const LiveSound& before, const SoundLevels& levels, const QDateTime& at);
    // The state after one check that measured nothing, and why.
    static LiveSound unmeasuredAfter(const LiveSound& before, const QString& why);
    // The state after one check at `at` of `live` (its grab's sound, or why there is none).
    static LiveSound follow(const LiveSound& before, const LiveEntry& live, const QDateTime& at);
    // What one check alone says (`check`, a live seen for the first time).
    static LiveSound of(const LiveEntry& live, const QDateTime& at) { return follow({}, live, at); }
};

// "not-measured", "no-audio", "sound", "silent" (stable: JSON).
QString soundStateName(LiveSound::State state);
// A duration for a person: "2.0 s" (under 10 s), "45 s", "5 min", "1 h 20 min".
QString durationWords(qint64 ms);

} // namespace avld
