#include "encodercelltext.h"

#include "encoders/encoderimage.h"

#include <QCoreApplication>

namespace avld {

namespace {

const QString kNothing = QStringLiteral("—");

struct EncoderCellText {
    Q_DECLARE_TR_FUNCTIONS(EncoderCellText)
};

QString phase(qint64 ms) {
    return ms < 0 ? QStringLiteral("–") : QString::number(ms);
}

} // namespace

QString encoderLatencyText(const EncoderSnapshot& snapshot) {
    if (!snapshot.last)
        return kNothing;
    const PhaseTimings& p = snapshot.last->record.phases;
    return EncoderCellText::tr("%1 / %2 / %3 / %4 / %5 ms")
        .arg(phase(p.dnsMs), phase(p.connectMs), phase(p.tlsMs), phase(p.firstByteMs), phase(p.totalMs));
}

QString encoderRealFrameText(const EncoderSnapshot& snapshot, QString* detail) {
    if (!snapshot.last) {
        if (detail)
            *detail = EncoderCellText::tr("Not probed yet.");
        return kNothing;
    }
    if (snapshot.last->record.frameClass.isEmpty()) {
        const bool answered = snapshot.last->record.health != ProbeHealth::Failed;
        if (detail)
            *detail = answered ? EncoderCellText::tr("Not asked for a frame: no live of the site to ask for.")
                               : EncoderCellText::tr("Not asked for a frame: the encoder did not answer.");
        return answered ? EncoderCellText::tr("not tested") : kNothing;
    }
    const ProbeRecord& r = snapshot.last->record;
    const bool inTime = r.functionalMs >= 0 && r.functionalMs <= kAVideoEncoderBudgetMs;
    const bool real = r.frameClass == QStringLiteral("real-frame") && inTime;
    if (detail)
        *detail = EncoderCellText::tr("getImage answered %1 in %2 ms (AVideo waits %3 ms)")
                      .arg(r.frameClass)
                      .arg(r.functionalMs)
                      .arg(kAVideoEncoderBudgetMs);
    return real ? EncoderCellText::tr("yes") : EncoderCellText::tr("no");
}

QString encoderVersionText(const EncoderSnapshot& snapshot) {
    if (!snapshot.last || snapshot.last->status.version.isEmpty())
        return kNothing;
    return snapshot.last->status.version;
}

QString encoderQueueText(const EncoderSnapshot& snapshot) {
    if (!snapshot.last || snapshot.last->status.queueSize < 0)
        return kNothing;
    return QString::number(snapshot.last->status.queueSize);
}

QString encoderUptimeText(const UptimeStats& stats) {
    if (stats.probes <= 0 || stats.uptimePercent < 0)
        return kNothing;
    return QStringLiteral("%1 %").arg(stats.uptimePercent, 0, 'f', 1);
}

QString durationText(qint64 seconds) {
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 60)
        return EncoderCellText::tr("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return EncoderCellText::tr("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return EncoderCellText::tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    return EncoderCellText::tr("%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

QString encoderSinceText(const QDateTime& since, const QDateTime& now) {
    if (!since.isValid())
        return kNothing;
    const QDateTime local = since.toLocalTime();
    const QString when = local.date() == now.toLocalTime().date()
                             ? local.toString(QStringLiteral("HH:mm:ss"))
                             : local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return QStringLiteral("%1 (%2)").arg(when, durationText(since.secsTo(now)));
}

QString historyWindowText(HistoryWindow window) {
    switch (window) {
    case HistoryWindow::LastHour:
        return EncoderCellText::tr("1 h");
    case HistoryWindow::LastDay:
        return EncoderCellText::tr("24 h");
    case HistoryWindow::LastWeek:
        return EncoderCellText::tr("7 d");
    }
    return {};
}

} // namespace avld
