#pragma once

#include "alerts/alert.h"
#include "alerts/alertchannel.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QImage>

#include <optional>

namespace avld::test {

// A JPEG as an encoder's thumbnail would be: 64x36, four colours.
inline QByteArray sampleThumbnail() {
    QImage image(64, 36, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, x < 32 ? (y < 18 ? 0xff0000 : 0x00ff00) : (y < 18 ? 0x0000ff : 0xffffff));
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 90);
    return jpeg;
}

// "Encoder enc.example is offline", raised, with or without the thumbnail.
inline AlertMessage sampleRaised(bool withPicture) {
    AlertMessage m{
        .event = AlertEvent::Raised,
        .alert = {.key = QStringLiteral("encoder:https://enc.example/"),
                  .severity = AlertSeverity::Critical,
                  .title = QStringLiteral("Encoder enc.example is offline"),
                  .text = QStringLiteral("enc.example did not answer within 2 s — AVideo shows its card")},
        .at = QDateTime(QDate(2026, 11, 23), QTime(14, 2), Qt::UTC),
        .since = QDateTime(QDate(2026, 11, 23), QTime(14, 2), Qt::UTC)};
    if (withPicture) {
        m.alert.picture = sampleThumbnail();
        m.alert.pictureName = QStringLiteral("enc.example.jpg");
        m.alert.pictureType = "image/jpeg";
    }
    return m;
}

inline AlertMessage sampleResolved() {
    AlertMessage m = sampleRaised(false);
    m.event = AlertEvent::Resolved;
    m.alert.text = QStringLiteral("enc.example is online (was offline)");
    m.at = m.since.addSecs(600);
    return m;
}

// One attempt through `channel`, waited for (the event loop runs meanwhile).
inline std::optional<DeliveryOutcome> deliverOnce(AlertChannel& channel, const AlertMessage& message,
                                                  int timeoutMs = 15'000) {
    std::optional<DeliveryOutcome> outcome;
    channel.send(message, [&outcome](DeliveryOutcome o) { outcome = std::move(o); });
    const QDeadlineTimer deadline(timeoutMs);
    while (!outcome && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    return outcome;
}

} // namespace avld::test
