#pragma once

#include "site/livesound.h"

#include <QCoreApplication>
#include <QFont>
#include <QRect>
#include <QString>

class QPainter;

namespace avld {

// How a live's tile shows its sound: a small level meter at the right edge of our frame (RMS as the bar,
// the peak as a tick; green, amber near full scale, red at it), a "silent" overlay — a muted-speaker mark
// and "silent 5 min" — when the checks hear nothing, a few words for the tile's info line and the sound's
// paragraph in its tooltip. Colours are fixed, opaque enough to read on any picture and either palette.
class TileSound {
    Q_DECLARE_TR_FUNCTIONS(TileSound)
public:
    // The meter and the overlay over `slot` (the picture they belong to).
    static void paint(QPainter* painter, const QRect& slot, const QFont& font, const LiveSound& sound);
    // Where the silent overlay goes in `slot` (empty when the live is not silent): for tests.
    static QRect silentOverlayRect(const QRect& slot, const QFont& font, const LiveSound& sound);
    // "−21 LUFS", "silent 5 min", "no audio"; empty when not measured.
    static QString infoText(const LiveSound& sound);
    // What the sound is, what it means and what to do, for the tooltip; empty when never measured.
    static QString toolTip(const LiveSound& sound);
    // "silent 5 min"
    static QString silentLabel(const LiveSound& sound);
};

} // namespace avld
