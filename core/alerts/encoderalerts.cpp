#include "encoderalerts.h"

#include "alertlifecycle.h"
#include "encoders/encoderchangejson.h"
#include "maskedurl.h"

namespace avld {

EncoderAlerts::EncoderAlerts(AlertLifecycle& lifecycle)
    : m_lifecycle(lifecycle) {}

QString EncoderAlerts::keyFor(const EncoderTarget& target) {
    return QStringLiteral("encoder:") + maskedUrl(target.url);
}

void EncoderAlerts::noteProbe(const EncoderProbeReport& report) {
    if (report.picture.isEmpty())
        return; // an offline encoder keeps the last picture it made
    m_pictures.insert(report.record.encoderId, {report.picture, report.pictureType});
}

void EncoderAlerts::onAlert(const EncoderStateChange& change, const EncoderTarget& target) {
    if (change.reminder)
        return;
    const QString key = keyFor(target);
    const QString text = encoderChangeText(change, target);
    if (change.to != EncoderState::Offline && change.to != EncoderState::Degraded) {
        m_lifecycle.resolve(key, text, encoderChangeJson(change, target));
        return;
    }
    Alert alert{
        .key = key,
        .severity = change.to == EncoderState::Offline ? AlertSeverity::Critical : AlertSeverity::Warning,
        .title = QStringLiteral("Encoder %1 is %2").arg(target.displayName(), encoderStateName(change.to)),
        .text = text,
        .details = encoderChangeJson(change, target)};
    if (const auto picture = m_pictures.constFind(target.id); picture != m_pictures.constEnd()) {
        alert.picture = picture->bytes;
        alert.pictureType =
            picture->type.isEmpty() ? QByteArray("image/jpeg") : picture->type.split(';').first().trimmed();
        const QString extension = alert.pictureType.endsWith("png")    ? QStringLiteral("png")
                                  : alert.pictureType.endsWith("webp") ? QStringLiteral("webp")
                                  : alert.pictureType.endsWith("gif")  ? QStringLiteral("gif")
                                                                       : QStringLiteral("jpg");
        alert.pictureName = QStringLiteral("%1.%2").arg(
            target.hostLabel().replace(QLatin1Char(':'), QLatin1Char('-')), extension);
    }
    m_lifecycle.raise(alert);
}

} // namespace avld
