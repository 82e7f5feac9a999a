#include "alert.h"

#include "bitmap/bitmapcodec.h"

namespace avld {

QString alertEventName(AlertEvent event) {
    switch (event) {
    case AlertEvent::Raised:
        return QStringLiteral("raised");
    case AlertEvent::Reminder:
        return QStringLiteral("reminder");
    case AlertEvent::Resolved:
        return QStringLiteral("resolved");
    case AlertEvent::Summary:
        return QStringLiteral("summary");
    case AlertEvent::Test:
        return QStringLiteral("test");
    }
    return {};
}

QString alertSeverityName(AlertSeverity severity) {
    return severity == AlertSeverity::Critical ? QStringLiteral("critical") : QStringLiteral("warning");
}

QString alertDuration(qint64 ms) {
    const qint64 s = std::max<qint64>(ms, 0) / 1000;
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    const qint64 min = s / 60;
    if (min < 60)
        return QStringLiteral("%1 min").arg(min);
    return min % 60 == 0 ? QStringLiteral("%1 h").arg(min / 60)
                         : QStringLiteral("%1 h %2 min").arg(min / 60).arg(min % 60);
}

QString AlertMessage::subject() const {
    switch (event) {
    case AlertEvent::Raised:
        return QStringLiteral("[FIRING] %1").arg(alert.title);
    case AlertEvent::Reminder:
        return QStringLiteral("[STILL FIRING] %1").arg(alert.title);
    case AlertEvent::Resolved:
        return QStringLiteral("[RESOLVED] %1").arg(alert.title);
    case AlertEvent::Summary:
    case AlertEvent::Test:
        return alert.title;
    }
    return alert.title;
}

QString AlertMessage::body() const {
    QString text = alert.text;
    if (since.isValid() && at.isValid()) {
        const QString lasted = alertDuration(since.msecsTo(at));
        if (event == AlertEvent::Reminder)
            text += QStringLiteral("\n(for %1, since %2 UTC)")
                        .arg(lasted, since.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        else if (event == AlertEvent::Resolved)
            text += QStringLiteral("\n(it lasted %1)").arg(lasted);
    }
    return text;
}

AlertMessage AlertMessage::test(const QDateTime& now) {
    // Colour bars, as a test card: no text to draw, so no font is needed where there is no screen.
    Bitmap card(320, 180);
    const Rgb bars[] = {0xC0C0C0, 0xC0C000, 0x00C0C0, 0x00C000, 0xC000C0, 0xC00000, 0x0000C0};
    for (int x = 0; x < card.width(); ++x)
        for (int y = 0; y < card.height(); ++y)
            card.setPixel(x, y, bars[x * 7 / card.width()]);
    const Result<QByteArray> encoded = encodePng(card);
    const QByteArray png = encoded ? *encoded : QByteArray();
    return {.event = AlertEvent::Test,
            .alert = {.key = QStringLiteral("test"),
                      .severity = AlertSeverity::Warning,
                      .title = QStringLiteral("Test alert from AVideo Live Doctor"),
                      .text = QStringLiteral(
                          "If you read this, alerts reach you here. Alerts about encoders "
                          "carry the encoder's latest thumbnail like the picture with this one."),
                      .picture = png,
                      .pictureName = QStringLiteral("test-card.png"),
                      .pictureType = "image/png"},
            .at = now,
            .since = {}};
}

} // namespace avld
