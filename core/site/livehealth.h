#pragma once

#include "liveentry.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace avld {

// 0–100, with the reasons that cost points. 100: visitors see what is live, and nothing threatens it.
struct HealthScore {
    struct Cost {
        int points = 0;
        QString reason{};
    };
    int value = 100;
    QList<Cost> costs{}; // largest first

    // "Good" (90+), "Fair" (60–89), "Poor" (30–59), "Bad" (below 30).
    QString grade() const;
    // The same word in the language the application loaded, for people; grade() stays English (JSON).
    QString gradeText() const;
    QJsonObject toJson() const;
    // 100 less the costs (never below 0), the costs sorted largest first.
    static HealthScore fromCosts(QList<Cost> costs);
};

// A live's score: what its visitors see against what the stream has (a card while the stream has pictures
// costs most; an old or unknown picture, or a silent newest segment, costs a little).
HealthScore scoreLive(const LiveEntry& live);

} // namespace avld
