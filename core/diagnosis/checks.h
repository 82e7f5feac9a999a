#pragma once

#include "diagnosisinput.h"
#include "finding.h"

#include <QList>

namespace avld {

// The checklist, one function per item group; each appends at least one finding (an Ok one when the item
// passed), so that a report walks the whole list. Pure: everything comes from the input.
void checkSite(const DiagnosisInput& input, QList<Finding>& findings);
void checkLives(const DiagnosisInput& input, QList<Finding>& findings);
// The lives' sound (part of "the lives"): silent lives, sound at full scale, and a word on the others;
// nothing when no check measured any sound (no grab, or not from HLS segments).
void checkSound(const DiagnosisInput& input, QList<Finding>& findings);
// The lives' picture over time (part of "the lives"): lives whose stream shows the same picture, or black,
// for freezedetect's and blackdetect's 2 s or longer; nothing when no live is either.
void checkPicture(const DiagnosisInput& input, QList<Finding>& findings);
void checkCaches(const DiagnosisInput& input, QList<Finding>& findings);
void checkMediaServer(const DiagnosisInput& input, QList<Finding>& findings);
void checkSiteEncoder(const DiagnosisInput& input, QList<Finding>& findings);
void checkBackups(const DiagnosisInput& input, QList<Finding>& findings);
void checkGenerator(const DiagnosisInput& input, QList<Finding>& findings);
void checkPrevention(const DiagnosisInput& input, QList<Finding>& findings);

// Shared by the checks.
namespace diagnosis {
// The site's Encoder URL points at this computer's running stand-in.
bool siteUsesStandIn(const DiagnosisInput& input);
// The site's encoder (or the stand-in it points at) was seen giving real frames just now.
bool siteEncoderWorks(const DiagnosisInput& input);
// The lives whose assessment is `problem`.
QList<const LiveEntry*> livesWith(const DiagnosisInput& input, LiveProblem problem);
// The live's picture as the checks saw it: followed across checks when the input has it, else from the
// newest check alone.
LivePicture pictureOf(const DiagnosisInput& input, const LiveEntry& live);
// "Alice's live", or "3 lives".
QString livesLabel(const QList<const LiveEntry*>& lives);
// What the visitor's picture and our own frame of a live are, in a line: "ONLINE card; our frame 1280x720,
// 3.1 s behind the live edge".
QString liveEvidence(const LiveEntry& live);
// The watch's word for an encoder ("online", "offline"), or the last probe's while the watch still
// confirms a change: a one-off diagnosis sees Pending until several probes agree.
QString encoderStateWord(const EncoderSnapshot& encoder);
// The action that gets real frames back while the site's encoder gives none.
FindingAction standInAction(const DiagnosisInput& input);
} // namespace diagnosis

} // namespace avld
