#include "encoderchangejson.h"

namespace avld {

QString encoderChangeText(const EncoderStateChange& change, const EncoderTarget& target) {
    const bool flapNews = change.alerting && (change.flapping || change.flappingEnded);
    return change.reminder ? QStringLiteral("Still %1: %2 — %3")
                                 .arg(encoderStateName(change.to), target.displayName(), change.reason)
           : flapNews ? QStringLiteral("%1 is %2").arg(target.displayName(), change.reason)
                      : QStringLiteral("%1 is %2 (was %3): %4")
                            .arg(target.displayName(), encoderStateName(change.to),
                                 encoderStateName(change.from), change.reason);
}

QJsonObject encoderChangeJson(const EncoderStateChange& change, const EncoderTarget& target) {
    const QString event = change.reminder        ? QStringLiteral("encoder.reminder")
                          : change.flappingEnded ? QStringLiteral("encoder.flapping_ended")
                          : change.flapping      ? QStringLiteral("encoder.flapping")
                                                 : QStringLiteral("encoder.state_changed");
    return QJsonObject{
        {QStringLiteral("event"), event},
        {QStringLiteral("text"), encoderChangeText(change, target)}, // what chat receivers display
        {QStringLiteral("encoder"),
         QJsonObject{{QStringLiteral("id"), target.id},
                     {QStringLiteral("name"), target.name},
                     {QStringLiteral("url"), target.url.toString()},
                     {QStringLiteral("origin"), encoderOriginName(target.origin)}}},
        {QStringLiteral("from"), encoderStateName(change.from)},
        {QStringLiteral("to"), encoderStateName(change.to)},
        {QStringLiteral("reason"), change.reason},
        {QStringLiteral("at"), change.at.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("previousSince"), change.previousSince.toUTC().toString(Qt::ISODateWithMs)},
    };
}

} // namespace avld
