#include "frameverdict.h"

namespace avld {

QString FrameVerdict::reason() const {
    if (!hasPicture)
        return QStringLiteral("no picture");
    if (card != KnownCard::None)
        return QStringLiteral("%1 (%2)").arg(KnownCards::name(card), KnownCards::meaning(card));
    const QString luma = QString::number(qRound(meanLuma));
    if (black)
        return QStringLiteral("a black frame (mean luma %1 of 255)").arg(luma);
    if (flat)
        return QStringLiteral("a blank frame of one colour (mean luma %1 of 255)").arg(luma);
    return QStringLiteral("a picture (mean luma %1 of 255)").arg(luma);
}

} // namespace avld
