#include "tilebadgestyle.h"

#include <QCoreApplication>

namespace avld {

namespace {

struct TileBadgeWords {
    Q_DECLARE_TR_FUNCTIONS(TileBadgeWords)
};

QColor fillOf(TileBadge badge) {
    switch (badge) {
    case TileBadge::Real:
        return QColor(0x2e, 0x7d, 0x32);
    case TileBadge::EncoderPlaceholder:
        return QColor(0xef, 0x6c, 0x00);
    case TileBadge::OnlineCard:
        return QColor(0xc6, 0x28, 0x28);
    case TileBadge::OfflineCard:
        return QColor(0x6a, 0x1b, 0x9a);
    case TileBadge::OtherCard:
        return QColor(0xf9, 0xa8, 0x25);
    case TileBadge::Black:
        return QColor(0x37, 0x47, 0x4f);
    case TileBadge::Frozen:
        return QColor(0x15, 0x65, 0xc0);
    case TileBadge::Stale:
        return QColor(0x8d, 0x6e, 0x63);
    case TileBadge::Unknown:
        return QColor(0x75, 0x75, 0x75);
    case TileBadge::Poster:
        return QColor(0xad, 0x14, 0x57);
    }
    return Qt::gray;
}

double luminance(const QColor& c) {
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF();
}

} // namespace

TileBadgeStyle tileBadgeStyle(TileBadge badge) {
    const QColor fill = fillOf(badge);
    return {fill, luminance(fill) > 0.45 ? QColor(Qt::black) : QColor(Qt::white)};
}

QString shortAge(qint64 ms) {
    const qint64 s = ms / 1000;
    if (s < 60)
        return TileBadgeWords::tr("%1 s").arg(qMax<qint64>(0, s));
    if (s < 3600)
        return TileBadgeWords::tr("%1 min").arg(s / 60);
    return TileBadgeWords::tr("%1 h").arg(s / 3600);
}

QString tileBadgeLabel(TileBadge badge, qint64 siteImageAgeMs) {
    if (badge == TileBadge::Stale && siteImageAgeMs >= 0)
        return tileBadgeText(badge) + QLatin1Char(' ') + shortAge(siteImageAgeMs);
    return tileBadgeText(badge);
}

} // namespace avld
