#include "livealerts.h"

#include "alertlifecycle.h"
#include "bitmap/bitmapcodec.h"
#include "bitmap/bitmapscale.h"

#include <QCryptographicHash>

namespace avld {

namespace {
// The frame our check grabbed of the live, as a JPEG at most 640 wide; empty without one.
QByteArray framePicture(const LiveEntry& live) {
    if (!live.ourGrab || !live.ourGrab->ok() || live.ourGrab->value().frames.isEmpty())
        return {};
    const GrabbedFrame& frame = live.ourGrab->value().frame();
    if (frame.isNull())
        return {};
    const QSize display = frame.displaySize();
    Bitmap image = scaled(frame.image, display.width(), display.height());
    if (image.width() > 640)
        image = scaledToWidth(image, 640);
    const Result<QByteArray> jpeg = encodeJpeg(image, 80);
    return jpeg ? *jpeg : QByteArray();
}

QString shortHash(const QString& text) {
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex().left(12));
}
} // namespace

LiveAlerts::LiveAlerts(AlertLifecycle& lifecycle, Options options)
    : m_lifecycle(lifecycle)
    , m_options(options) {}

LiveAlerts::LiveAlerts(AlertLifecycle& lifecycle)
    : LiveAlerts(lifecycle, Options{}) {}

QString LiveAlerts::keyFor(const QString& siteKey, const QString& streamKey, const QString& condition) {
    return QStringLiteral("live:%1:%2").arg(shortHash(siteKey + QLatin1Char('\n') + streamKey), condition);
}

void LiveAlerts::onCheck(const QString& site, const QString& siteKey, const SiteCheckReport& report,
                         const QHash<QString, LivePicture>& pictures,
                         const QHash<QString, LiveSound>& sounds) {
    if (report.livesError)
        return; // nothing is known about the lives: leave them as they were
    QSet<QString> holding;
    QSet<QString> listed;
    QHash<QString, Raised>& raised = m_raised[siteKey];
    for (const LiveEntry& live : report.lives) {
        const QString name = live.site && !live.site->title.isEmpty()
                                 ? QStringLiteral("\"%1\"").arg(live.site->title)
                                 : QStringLiteral("A live (%1)").arg(shortHash(live.key).left(6));
        listed.insert(live.key);
        const LivePicture picture = pictures.value(live.key);
        const LiveSound sound = sounds.value(live.key);
        struct Condition {
            QString name;
            bool holds;
            QString title;
            QString text;
        };
        const Condition conditions[] = {
            {QStringLiteral("black"), picture.black() && picture.blackForMs() >= m_options.blackMs,
             QStringLiteral("%1 on %2 shows black").arg(name, site),
             QStringLiteral("Its stream has shown a black picture for %1: visitors see black.")
                 .arg(alertDuration(picture.blackForMs()))},
            {QStringLiteral("still"), picture.still() && picture.stillForMs() >= m_options.stillMs,
             QStringLiteral("%1 on %2 shows a still picture").arg(name, site),
             QStringLiteral("Its stream has shown the same picture for %1: the publisher's camera or capture "
                            "may be frozen.")
                 .arg(alertDuration(picture.stillForMs()))},
            {QStringLiteral("silent"), sound.silent() && sound.silentForMs() >= m_options.silentMs,
             QStringLiteral("%1 on %2 is silent").arg(name, site),
             QStringLiteral(
                 "Its stream has carried no sound for %1: the publisher's microphone may be muted.")
                 .arg(alertDuration(sound.silentForMs()))},
        };
        QByteArray frame;
        for (const Condition& c : conditions) {
            const QString key = keyFor(siteKey, live.key, c.name);
            if (!c.holds)
                continue;
            holding.insert(key);
            if (frame.isEmpty())
                frame = framePicture(live);
            Alert alert{.key = key,
                        .severity = AlertSeverity::Warning,
                        .title = c.title,
                        .text = c.text,
                        .picture = frame,
                        .pictureName = frame.isEmpty() ? QString() : QStringLiteral("live.jpg"),
                        .pictureType = frame.isEmpty() ? QByteArray() : QByteArray("image/jpeg"),
                        .details =
                            QJsonObject{{QStringLiteral("event"), QStringLiteral("live.%1").arg(c.name)},
                                        {QStringLiteral("site"), site},
                                        {QStringLiteral("live"), name}}};
            m_lifecycle.raise(alert);
            raised.insert(key, {live.key, c.name});
        }
    }
    // What held before and does not now: moving, heard again, or the live ended.
    for (auto it = raised.begin(); it != raised.end();) {
        if (holding.contains(it.key())) {
            ++it;
            continue;
        }
        const QString why =
            !listed.contains(it->streamKey)            ? QStringLiteral("The live has ended.")
            : it->condition == QStringLiteral("black") ? QStringLiteral("Its picture is no longer black.")
            : it->condition == QStringLiteral("still") ? QStringLiteral("Its picture moves again.")
                                                       : QStringLiteral("Its sound is back.");
        m_lifecycle.resolve(it.key(), why);
        it = raised.erase(it);
    }
}

} // namespace avld
