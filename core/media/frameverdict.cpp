#include "frameverdict.h"

namespace avld {

QString FrameVerdict::reason() const {
    if (!hasPicture)
        return QStringLiteral("no picture");
    if (card != KnownCard::None)
        return QStringLiteral("%1 (%2)").arg(KnownCards::name(card), KnownCards::meaning(card));
    // Brightness in words a person reads: 0 % black, 100 % white (the mean luma over 255).
    const QString brightness = QString::number(qRound(meanLuma * 100 / 255));
    if (black)
        return QStringLiteral("a black frame (brightness %1 %)").arg(brightness);
    if (flat)
        return QStringLiteral("a blank frame of one colour (brightness %1 %)").arg(brightness);
    return QStringLiteral("a picture (brightness %1 %)").arg(brightness);
}

} // namespace avld
