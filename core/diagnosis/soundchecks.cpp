#include "checks.h"
#include "diagnosistext.h"
#include "plural.h"

#include <algorithm>

namespace avld {

using namespace diagnosis;

namespace {

// What a silent live costs the site's score: its content is broken for its viewers, but what they see of it
// (the thumbnails this tool is about) is not.
constexpr int kSilentCost = 10;

struct HeardLive {
    const LiveEntry* live = nullptr;
    LiveSound sound{};
};

// Each live the site lists, with its sound as the checks heard it: followed across checks when the input
// has it, else from the newest check alone. A live whose newest check measured nothing is left out: what is
// wrong with it now is its stream's finding, not its sound.
QList<HeardLive> heardLives(const DiagnosisInput& input) {
    QList<HeardLive> heard;
    const SiteCheckReport& report = *input.overview.report;
    for (const LiveEntry& live : report.lives) {
        if (!live.site)
            continue;
        const auto followed = input.sounds.constFind(live.key);
        const LiveSound sound =
            followed != input.sounds.cend() ? *followed : LiveSound::of(live, report.checkedAt());
        if (sound.state != LiveSound::State::NotMeasured && sound.unmeasured.isEmpty())
            heard.append({&live, sound});
    }
    return heard;
}

Finding soundFinding(QString id, Severity severity, QString sentence, int cost = 0,
                     FindingAction action = {}) {
    Finding f;
    f.id = std::move(id);
    f.area = CheckArea::Lives;
    f.severity = severity;
    f.sentence = std::move(sentence);
    f.scoreCost = cost;
    f.action = std::move(action);
    return f;
}

void addSoundEvidence(Finding& finding, const QList<HeardLive>& lives) {
    for (const HeardLive& heard : lives)
        finding.evidence.append({heard.live->title(), heard.sound.evidence()});
    if (lives.size() == 1)
        finding.liveKey = lives.first().live->key;
}

QString quoted(const HeardLive& heard) {
    return QStringLiteral("“%1”").arg(heard.live->title());
}

// "“Alice live” has been silent for 5 min …", "“Alice live” is silent: its newest segment …", or for several
// lives the longest silence.
QString silentSentence(const QList<HeardLive>& silent) {
    const HeardLive& longest = silent.first();
    const QString below = DiagnosisText::tr("no sound above %1 dBFS").arg(SoundLevels::kSilenceDbfs);
    if (silent.size() == 1 && longest.sound.silenceOutlastsSegment())
        return DiagnosisText::tr("%1 has been silent for %2: %3 in any check since %4.")
            .arg(quoted(longest), durationWords(longest.sound.silentForMs()), below,
                 longest.sound.silentSince.toLocalTime().toString(QStringLiteral("HH:mm")));
    if (silent.size() == 1)
        return DiagnosisText::tr("%1 is silent: its newest segment (%2) has %3.")
            .arg(quoted(longest), durationWords(longest.sound.levels->measuredMs), below);
    if (longest.sound.silenceOutlastsSegment())
        return DiagnosisText::tr("%1 lives are silent, the longest %2 for %3: %4.")
            .arg(silent.size())
            .arg(quoted(longest), durationWords(longest.sound.silentForMs()), below);
    return DiagnosisText::tr("%1 lives are silent: their newest segments have %2.")
        .arg(silent.size())
        .arg(below);
}

QString clippingSentence(const QList<HeardLive>& clipping) {
    const QString advice =
        DiagnosisText::tr("Lower the microphone or music gain in OBS until its meter stays out "
                          "of the red.");
    if (clipping.size() == 1)
        return DiagnosisText::tr("%1 peaks at full scale (%2 dBFS): its sound may distort. %3")
            .arg(quoted(clipping.first()), QString::number(clipping.first().sound.levels->peakDbfs, 'f', 1),
                 advice);
    return DiagnosisText::tr("%1 lives peak at full scale: their sound may distort. %2")
        .arg(clipping.size())
        .arg(advice);
}

// "2 lives have sound; 1 live has no audio, …".
QString heardSentence(qsizetype withSound, qsizetype withoutAudio) {
    QStringList parts;
    if (withSound > 0)
        parts << DiagnosisText::tr("%1 %2 sound")
                     .arg(countOf(withSound, DiagnosisText::tr("live"), DiagnosisText::tr("lives")),
                          agree(withSound, DiagnosisText::tr("has"), DiagnosisText::tr("have")));
    if (withoutAudio > 0)
        parts << DiagnosisText::tr("%1 %2 no audio, which is not a fault: many lives carry none")
                     .arg(countOf(withoutAudio, DiagnosisText::tr("live"), DiagnosisText::tr("lives")),
                          agree(withoutAudio, DiagnosisText::tr("has", "… no audio"),
                                DiagnosisText::tr("have", "… no audio")));
    return parts.join(DiagnosisText::tr("; ")) + DiagnosisText::tr(".", "the full stop after a sentence");
}

} // namespace

void checkSound(const DiagnosisInput& input, QList<Finding>& findings) {
    if (!input.overview.report || input.overview.report->livesError)
        return; // the lives' finding says that nothing could be looked at
    const QList<HeardLive> heard = heardLives(input);
    if (heard.isEmpty())
        return; // no sound measured (no grab, or not from HLS segments): nothing to say about it

    QList<HeardLive> silent;
    QList<HeardLive> clipping;
    qsizetype withSound = 0;
    qsizetype withoutAudio = 0;
    for (const HeardLive& live : heard) {
        if (live.sound.silent())
            silent.append(live);
        if (live.sound.clips())
            clipping.append(live);
        withSound += live.sound.state == LiveSound::State::Sound;
        withoutAudio += live.sound.state == LiveSound::State::NoAudio;
    }
    if (!silent.isEmpty()) {
        std::stable_sort(silent.begin(), silent.end(), [](const HeardLive& a, const HeardLive& b) {
            return a.sound.silentForMs() > b.sound.silentForMs();
        });
        const qsizetype lives = input.overview.report->lives.size();
        Finding f = soundFinding(
            QStringLiteral("live-silent"), Severity::Warning, silentSentence(silent),
            std::max(kSilentCost / 4, int(kSilentCost * silent.size() / std::max<qsizetype>(1, lives))),
            {FindingAction::Kind::FixStreams,
             DiagnosisText::tr(
                 "Check the streamer's microphone or audio source in OBS (muted, unplugged or the "
                 "wrong device); the stream itself is running")});
        addSoundEvidence(f, silent);
        findings.append(std::move(f));
    }
    if (!clipping.isEmpty()) {
        // Information, not a fault: loud is a choice, and the stream plays.
        Finding f = soundFinding(QStringLiteral("live-clipping"), Severity::Ok, clippingSentence(clipping));
        addSoundEvidence(f, clipping);
        findings.append(std::move(f));
    }
    if (silent.isEmpty()) {
        Finding f =
            soundFinding(QStringLiteral("lives-sound"), Severity::Ok, heardSentence(withSound, withoutAudio));
        addSoundEvidence(f, heard);
        findings.append(std::move(f));
    }
}

} // namespace avld
