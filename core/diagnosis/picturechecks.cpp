#include "checks.h"
#include "diagnosistext.h"
#include "plural.h"

#include <algorithm>

namespace avld {

using namespace diagnosis;

namespace {

// What a still or black live costs the site's score: its content is broken for its viewers (a frozen camera,
// a black screen) and what visitors see of it is too, but the stream runs. Black costs more: every thumbnail
// of it is black.
constexpr int kStillCost = 10;
constexpr int kBlackCost = 20;

struct SeenLive {
    const LiveEntry* live = nullptr;
    LivePicture picture{};
};

QString quoted(const SeenLive& seen) {
    return QStringLiteral("“%1”").arg(seen.live->title());
}

QString since(const QDateTime& at) {
    return at.toLocalTime().toString(QStringLiteral("HH:mm"));
}

Finding pictureFinding(QString id, QString sentence, int cost, FindingAction action) {
    Finding f;
    f.id = std::move(id);
    f.area = CheckArea::Lives;
    f.severity = Severity::Warning;
    f.sentence = std::move(sentence);
    f.scoreCost = cost;
    f.action = std::move(action);
    return f;
}

void addPictureEvidence(Finding& finding, const QList<SeenLive>& lives) {
    for (const SeenLive& seen : lives)
        finding.evidence.append({seen.live->title(), seen.picture.evidence()});
    if (lives.size() == 1)
        finding.liveKey = lives.first().live->key;
}

int shareOf(int cost, qsizetype count, qsizetype lives) {
    return std::max(cost / 4, int(cost * count / std::max<qsizetype>(1, lives)));
}

// "“Alice live” has shown the same picture for 5 min (since 14:02) while publishing: …", within one segment
// "“Alice live” has shown the same picture for 2.0 s, its whole newest segment: …", or for several lives the
// longest.
QString stillSentence(const QList<SeenLive>& still) {
    const SeenLive& longest = still.first();
    const QString cause =
        DiagnosisText::tr("the publisher's source is frozen — check the camera or the OBS scene");
    if (still.size() == 1 && longest.picture.outlastsSegment())
        return DiagnosisText::tr("%1 has shown the same picture for %2 (since %3) while publishing: %4.")
            .arg(quoted(longest), durationWords(longest.picture.stillForMs()),
                 since(longest.picture.stillSince), cause);
    if (still.size() == 1)
        return DiagnosisText::tr(
                   "%1 has shown the same picture for %2 of its newest segment while publishing: %3.")
            .arg(quoted(longest), durationWords(longest.picture.stillForMs()), cause);
    return DiagnosisText::tr("%1 lives show the same picture while publishing, the longest %2 for %3: their "
                             "publishers' sources are frozen — check the cameras or the OBS scenes.")
        .arg(still.size())
        .arg(quoted(longest), durationWords(longest.picture.stillForMs()));
}

// "“Alice live” has been black for 2 min (since 14:02): …", "“Alice live” is black: …".
QString blackSentence(const QList<SeenLive>& black) {
    const SeenLive& longest = black.first();
    const QString cause = DiagnosisText::tr(
        "the stream runs but its picture is black — a covered lens, an empty OBS scene or a "
        "source that gives no video");
    if (black.size() == 1 && longest.picture.outlastsSegment())
        return DiagnosisText::tr("%1 has been black for %2 (since %3): %4.")
            .arg(quoted(longest), durationWords(longest.picture.blackForMs()),
                 since(longest.picture.blackSince), cause);
    if (black.size() == 1 && longest.picture.blackForMs() > 0)
        return DiagnosisText::tr("%1 has been black for %2 of its newest segment: %3.")
            .arg(quoted(longest), durationWords(longest.picture.blackForMs()), cause);
    if (black.size() == 1)
        return DiagnosisText::tr("%1 is black: %2.").arg(quoted(longest), cause);
    if (longest.picture.blackForMs() > 0)
        return DiagnosisText::tr("%1 lives are black, the longest %2 for %3: their streams run but show no "
                                 "picture.")
            .arg(black.size())
            .arg(quoted(longest), durationWords(longest.picture.blackForMs()));
    return DiagnosisText::tr("%1 lives are black: their streams run but show no picture.").arg(black.size());
}

} // namespace

namespace diagnosis {

LivePicture pictureOf(const DiagnosisInput& input, const LiveEntry& live) {
    const auto followed = input.pictures.constFind(live.key);
    if (followed != input.pictures.cend())
        return *followed;
    const QDateTime at = input.overview.report ? input.overview.report->checkedAt() : input.now;
    return LivePicture::of(live, at);
}

} // namespace diagnosis

void checkPicture(const DiagnosisInput& input, QList<Finding>& findings) {
    if (!input.overview.report || input.overview.report->livesError)
        return; // the lives' finding says that nothing could be looked at
    const SiteCheckReport& report = *input.overview.report;
    QList<SeenLive> still;
    QList<SeenLive> black;
    for (const LiveEntry& live : report.lives) {
        if (!live.site)
            continue;
        // A live whose newest check saw no picture is left out: what is wrong with it now is its stream's
        // finding, not its picture.
        const LivePicture picture = pictureOf(input, live);
        if (!picture.unmeasured.isEmpty())
            continue;
        if (picture.still())
            still.append({&live, picture});
        else if (picture.black())
            black.append({&live, picture});
    }
    const qsizetype lives = report.lives.size();
    if (!still.isEmpty()) {
        std::stable_sort(still.begin(), still.end(), [](const SeenLive& a, const SeenLive& b) {
            return a.picture.stillForMs() > b.picture.stillForMs();
        });
        Finding f = pictureFinding(
            QStringLiteral("live-still-picture"), stillSentence(still),
            shareOf(kStillCost, still.size(), lives),
            {FindingAction::Kind::FixStreams,
             DiagnosisText::tr(
                 "Check the streamer's camera or OBS scene (a frozen capture, a still image or a "
                 "stalled source); the stream itself is running")});
        addPictureEvidence(f, still);
        findings.append(std::move(f));
    }
    if (!black.isEmpty()) {
        // Black lives are also BlankStream in their assessment; checkLives leaves them out of stream-broken
        // so that this finding, with its duration, is the only one about them.
        std::stable_sort(black.begin(), black.end(), [](const SeenLive& a, const SeenLive& b) {
            return a.picture.blackForMs() > b.picture.blackForMs();
        });
        Finding f = pictureFinding(
            QStringLiteral("live-black-picture"), blackSentence(black),
            shareOf(kBlackCost, black.size(), lives),
            {FindingAction::Kind::FixStreams,
             DiagnosisText::tr("Check the streamer's camera (lens cover, cable) and the OBS scene's video "
                               "source; the stream itself is running")});
        addPictureEvidence(f, black);
        findings.append(std::move(f));
    }
}

} // namespace avld
