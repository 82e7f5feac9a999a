#pragma once

#include "bitmap/bitmap.h"
#include "site/liveentry.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace avld {

// The items of the expert's checklist, in the order a diagnosis walks them and a report lists them.
enum class CheckArea { Site, Lives, Encoder, Backups, Generator, Caches, Prevention, MediaServer };

QString checkAreaName(CheckArea area);  // "site", "lives", … (stable: JSON, ids)
QString checkAreaTitle(CheckArea area); // "The site", "The lives", … (for people)
QList<CheckArea> allCheckAreas();

// One fact a finding rests on: a figure, a timing, a picture.
struct Evidence {
    QString label{}; // "getImage answered in"
    QString value{}; // "2 412 ms (AVideo waits 2 000 ms)"
    Bitmap picture{};
};

// What the admin can do about a finding. The window offers a button for the kinds it can carry out.
struct FindingAction {
    enum class Kind {
        None,
        StartStandIn,    // start the local thumbnail generator
        SwitchToStandIn, // the generator runs: give the site its Encoder URL
        ClearCaches,     // the site still serves cards it cached
        ProbeAgain,      // probe the encoders again
        CheckAgain,      // check the site again
        SignIn,          // sign in as an admin to read what only admins can
        OpenEncoders,    // compare or add encoders
        FixStreams,      // the streams themselves are broken: nothing on the site side helps
        SetUpMonitoring, // keep a watch with alerts running
    };
    Kind kind = Kind::None;
    QString text{}; // the action in words, for a person and for the report; empty with Kind::None

    bool canRunInTool() const;
    // A button's few words for the kinds the tool carries out: "Start the stand-in", "Clear the caches", ….
    QString buttonLabel() const;
};

QString actionKindName(FindingAction::Kind kind);

// One result of one checklist item: what is wrong (or that it is fine), why we say so and what to do.
struct Finding {
    QString id{}; // stable: "encoder-down", "live-card", … (tests, JSON, scripts)
    CheckArea area = CheckArea::Site;
    Severity severity = Severity::Ok;
    QString sentence{}; // one sentence a person can act on
    QList<Evidence> evidence{};
    FindingAction action{};
    int scoreCost = 0; // points the site's health score loses for it
    QString liveKey{}; // the live it is about, when one

    QJsonObject toJson() const;
};

// Critical first, then Warning, Unknown (could not be checked), Ok; within a severity the checklist order.
bool findingComesBefore(const Finding& a, const Finding& b);
// The same order as a number: 0 Critical, 1 Warning, 2 Unknown, 3 Ok.
int severityRank(Severity severity);

} // namespace avld
