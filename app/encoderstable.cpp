#include "encoderstable.h"

#include "encoders/encoderreachability.h"

namespace avld {

namespace {

QString ms(qint64 value) {
    return value >= 0 ? QString::number(value) : QStringLiteral("-");
}

QString percent(const UptimeStats& stats) {
    return stats.uptimePercent >= 0 ? QStringLiteral("%1%").arg(stats.uptimePercent, 0, 'f', 1)
                                    : QStringLiteral("-");
}

} // namespace

QString encoderStateLabel(const EncoderSnapshot& s) {
    if (encoderOnlyReachable(s))
        return QStringLiteral("REACHABLE");
    return encoderStateName(s.state).toUpper();
}

QString encoderBlock(const EncoderSnapshot& s) {
    QString text = QStringLiteral("%1 %2  [%3]  %4\n")
                       .arg(encoderStateLabel(s), -9)
                       .arg(s.target.name, encoderOriginName(s.target.origin), s.target.url.toString());
    text += QStringLiteral("  %1\n").arg(s.reason);
    if (s.last) {
        const ProbeRecord& r = s.last->record;
        text += QStringLiteral("  ms: dns %1  connect %2  tls %3  first byte %4  total %5  getImage %6%7\n")
                    .arg(ms(r.phases.dnsMs), ms(r.phases.connectMs), ms(r.phases.tlsMs),
                         ms(r.phases.firstByteMs), ms(r.phases.totalMs), ms(r.functionalMs),
                         r.frameClass.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.frameClass));
        if (!s.last->status.note.isEmpty())
            text += QStringLiteral("  status: %1\n").arg(s.last->status.note);
        if (s.last->certificate && s.last->certificateDaysLeft)
            text +=
                QStringLiteral("  certificate: %1, expires %2 (%3 days)\n")
                    .arg(s.last->certificate->subject, s.last->certificate->notAfter.toString(Qt::ISODate))
                    .arg(*s.last->certificateDaysLeft);
    }
    if (s.uptime)
        text += QStringLiteral("  uptime: 1h %1  24h %2  7d %3  30d %4\n")
                    .arg(percent(s.uptime->lastHour), percent(s.uptime->lastDay), percent(s.uptime->lastWeek),
                         percent(s.uptime->lastMonth));
    return text;
}

QString stateChangeLine(const EncoderStateChange& change, const EncoderTarget& target) {
    return QStringLiteral("%1  %2: %3 -> %4%5: %6")
        .arg(change.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), target.displayName(),
             encoderStateName(change.from), encoderStateName(change.to),
             change.reminder        ? QStringLiteral(" (still)")
             : change.flapping      ? QStringLiteral(" (flapping)")
             : change.flappingEnded ? QStringLiteral(" (steady again)")
                                    : QString(),
             change.reason);
}

} // namespace avld
