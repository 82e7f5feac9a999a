#pragma once

#include "site/livepicture.h"

#include <QCoreApplication>
#include <QFont>
#include <QRect>
#include <QString>

class QPainter;

namespace avld {

// How a live's tile shows its stream's picture over time (LivePicture): a pill at the top left of our frame —
// a pause mark and "still 5 min" when the stream shows the same picture, a dark screen mark and "black 2 min"
// when it is black — in TileSound's "silent" pill's visual language (same font, shape and place; below it
// when both show), a few words for the tile's info line and the picture's paragraph in its tooltip. Colours
// are fixed, opaque enough to read on any picture and either palette.
class TilePicture {
    Q_DECLARE_TR_FUNCTIONS(TilePicture)
public:
    // The pill over `slot` (the picture it belongs to), `below` pixels lower than the top (0: at the top; the
    // silent pill's height and a gap when it shows).
    static void paint(QPainter* painter, const QRect& slot, const QFont& font, const LivePicture& picture,
                      int below = 0);
    // Where the pill goes in `slot` (empty when the live is neither still nor black): for tests.
    static QRect overlayRect(const QRect& slot, const QFont& font, const LivePicture& picture, int below = 0);
    // "still 5 min", "black 2 min", "black"; empty when moving or never seen.
    static QString label(const LivePicture& picture);
    // The label for the info line; empty when there is nothing to say.
    static QString infoText(const LivePicture& picture) { return label(picture); }
    // What the picture is, what it means and what to do, for the tooltip; empty when moving or never seen.
    static QString toolTip(const LivePicture& picture);
};

} // namespace avld
