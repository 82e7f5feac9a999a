#include "encodersnapshotjson.h"

#include "encoderreachability.h"

#include <QJsonArray>

namespace avld {

namespace {

QJsonValue orNull(qint64 value) {
    return value >= 0 ? QJsonValue(double(value)) : QJsonValue();
}

QJsonObject uptimeJson(const UptimeStats& stats) {
    return {{QStringLiteral("probes"), stats.probes},
            {QStringLiteral("healthy"), stats.healthy},
            {QStringLiteral("degraded"), stats.degraded},
            {QStringLiteral("failed"), stats.failed},
            {QStringLiteral("uptimePercent"),
             stats.uptimePercent >= 0 ? QJsonValue(stats.uptimePercent) : QJsonValue()},
            {QStringLiteral("meanTotalMs"), orNull(stats.meanTotalMs)}};
}

} // namespace

QJsonObject encoderSnapshotToJson(const EncoderSnapshot& s) {
    QJsonObject json{{QStringLiteral("id"), s.target.id},
                     {QStringLiteral("name"), s.target.name},
                     {QStringLiteral("url"), s.target.url.toString()},
                     {QStringLiteral("origin"), encoderOriginName(s.target.origin)},
                     {QStringLiteral("state"), encoderStateName(s.state)},
                     // false with "online": reachable, but no live was there to ask for a frame
                     {QStringLiteral("framesTested"), encoderFramesTested(s)},
                     {QStringLiteral("reason"), s.reason},
                     {QStringLiteral("since"),
                      s.since.isValid() ? s.since.toUTC().toString(Qt::ISODateWithMs) : QString()}};
    if (s.last) {
        const ProbeRecord& r = s.last->record;
        json.insert(QStringLiteral("phasesMs"),
                    QJsonObject{{QStringLiteral("dns"), orNull(r.phases.dnsMs)},
                                {QStringLiteral("connect"), orNull(r.phases.connectMs)},
                                {QStringLiteral("tls"), orNull(r.phases.tlsMs)},
                                {QStringLiteral("firstByte"), orNull(r.phases.firstByteMs)},
                                {QStringLiteral("total"), orNull(r.phases.totalMs)}});
        json.insert(QStringLiteral("getImageMs"), orNull(r.functionalMs));
        json.insert(QStringLiteral("image"), r.frameClass);
        json.insert(QStringLiteral("imageBytes"), orNull(r.imageBytes));
        json.insert(QStringLiteral("errorCode"), r.errorCode);
        const EncoderStatusInfo& st = s.last->status;
        json.insert(QStringLiteral("status"),
                    QJsonObject{{QStringLiteral("alive"), st.alive},
                                {QStringLiteral("note"), st.note},
                                {QStringLiteral("version"), st.version},
                                {QStringLiteral("queueSize"), st.queueSize},
                                {QStringLiteral("concurrent"), st.concurrent},
                                {QStringLiteral("memFreeBytes"), orNull(st.memFreeBytes)}});
        if (s.last->certificate)
            json.insert(
                QStringLiteral("certificate"),
                QJsonObject{{QStringLiteral("subject"), s.last->certificate->subject},
                            {QStringLiteral("notAfter"), s.last->certificate->notAfter.toString(Qt::ISODate)},
                            {QStringLiteral("daysLeft"),
                             s.last->certificateDaysLeft ? QJsonValue(double(*s.last->certificateDaysLeft))
                                                         : QJsonValue()}});
    }
    if (s.uptime)
        json.insert(QStringLiteral("uptime"),
                    QJsonObject{{QStringLiteral("1h"), uptimeJson(s.uptime->lastHour)},
                                {QStringLiteral("24h"), uptimeJson(s.uptime->lastDay)},
                                {QStringLiteral("7d"), uptimeJson(s.uptime->lastWeek)},
                                {QStringLiteral("30d"), uptimeJson(s.uptime->lastMonth)}});
    return json;
}

QJsonObject encoderRecommendationToJson(const EncoderRecommendation& r) {
    QJsonObject json{{QStringLiteral("current"), r.current.target.id}, {QStringLiteral("text"), r.text}};
    if (r.alternative) {
        json.insert(QStringLiteral("alternative"), r.alternative->target.id);
        json.insert(QStringLiteral("alternativeFramesTested"), encoderFramesTested(*r.alternative));
    }
    return json;
}

} // namespace avld
