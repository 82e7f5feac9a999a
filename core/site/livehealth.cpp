#include "livehealth.h"

#include "livepicture.h"
#include "livesound.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace avld {

namespace {

// Words for people, in the language the application loaded (the window's); the command line loads none.
struct HealthWords {
    Q_DECLARE_TR_FUNCTIONS(HealthWords)
};

// A picture of the stream this much older than the stream itself is stale to a visitor.
constexpr qint64 kStaleFrameMs = 60'000;
// A live its viewers cannot hear: its content is broken, what they see of it is not.
constexpr int kSilentCost = 10;
// A live whose picture stands still (a frozen source): the same, its content is broken for its viewers.
constexpr int kStillCost = 10;

int problemCost(LiveProblem problem) {
    switch (problem) {
    case LiveProblem::None:
        return 0;
    case LiveProblem::EncoderNotProducing:
        return 60;
    case LiveProblem::StreamUnplayable:
        return 80;
    case LiveProblem::MediaServerUnreachable:
        return 20;
    case LiveProblem::MissingFromMediaServer:
        return 80;
    case LiveProblem::GhostLive:
        return 30;
    case LiveProblem::SiteShowsPlaceholder:
        return 50;
    case LiveProblem::BlankStream:
        return 50;
    case LiveProblem::ThumbnailBroken:
        return 70;
    case LiveProblem::ThumbnailNotFetched:
        return 20;
    }
    return 0;
}

} // namespace

HealthScore HealthScore::fromCosts(QList<Cost> costs) {
    std::stable_sort(costs.begin(), costs.end(),
                     [](const Cost& a, const Cost& b) { return a.points > b.points; });
    int total = 0;
    for (const Cost& cost : costs)
        total += cost.points;
    return {std::max(0, 100 - total), std::move(costs)};
}

QString HealthScore::grade() const {
    if (value >= 90)
        return QStringLiteral("Good");
    if (value >= 60)
        return QStringLiteral("Fair");
    if (value >= 30)
        return QStringLiteral("Poor");
    return QStringLiteral("Bad");
}

QString HealthScore::gradeText() const {
    if (value >= 90)
        return HealthWords::tr("Good");
    if (value >= 60)
        return HealthWords::tr("Fair");
    if (value >= 30)
        return HealthWords::tr("Poor");
    return HealthWords::tr("Bad");
}

QJsonObject HealthScore::toJson() const {
    QJsonArray costsJson;
    for (const Cost& cost : costs)
        costsJson.append(
            QJsonObject{{QStringLiteral("points"), cost.points}, {QStringLiteral("reason"), cost.reason}});
    return {{QStringLiteral("value"), value},
            {QStringLiteral("grade"), grade()},
            {QStringLiteral("costs"), costsJson}};
}

HealthScore scoreLive(const LiveEntry& live) {
    QList<HealthScore::Cost> costs;
    const LiveAssessment assessment = live.assess();
    if (const int points = problemCost(assessment.problem))
        costs.append({points, assessment.summary});
    // A poster is better than a card (the streamer chose it) but it is still not the live.
    if (assessment.problem == LiveProblem::EncoderNotProducing && live.siteThumbnail &&
        live.siteThumbnail->cls == ThumbnailClass::StaticPoster)
        costs.first().points = 40;
    if (live.ourGrab && live.ourGrab->ok()) {
        const qint64 age = live.ourGrab->value().report.frameAgeMs;
        if (age > kStaleFrameMs)
            costs.append({10, HealthWords::tr("the newest frame of the stream is %1 s old").arg(age / 1000)});
    }
    if (LiveSound::of(live, {}).silent())
        costs.append({kSilentCost, HealthWords::tr("its newest segment is silent")});
    if (LivePicture::of(live, QDateTime::currentDateTimeUtc()).still())
        costs.append({kStillCost, HealthWords::tr("its newest segment shows the same picture throughout")});
    return HealthScore::fromCosts(std::move(costs));
}

} // namespace avld
