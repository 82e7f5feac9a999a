#pragma once

#include "bitmap/bitmap.h"
#include "encoders/encoderseries.h"

#include <QList>
#include <QRect>
#include <QSize>
#include <QString>

namespace avld {

// A strip chart of one encoder's history for reports, laid out without drawing it: one bar per bucket,
// coloured by the share of healthy probes (green all, amber some, red none), grey where nothing was probed,
// the title and the uptime above, the span's ends under it. Two painters draw the same picture from it: SVG
// for the HTML report (uptimechartsvg.h, no Qt Gui) and QPainter for the PDF
// (reportpdf/uptimechartpainter.h).
struct UptimeChart {
    enum class Anchor { Left, Right }; // where a text sits in its box; every text is centred vertically

    struct Bar {
        QRect rect{};
        Rgb colour = 0;
    };
    struct Text {
        QRect box{};
        Anchor anchor = Anchor::Left;
        QString text{}; // as given: remote text for the title, escaped by each painter as it needs
        Rgb colour = 0;
    };

    static constexpr int kTextPixelSize = 12;
    static constexpr Rgb kBackground = rgb(0xff, 0xff, 0xff);
    static constexpr Rgb kNotProbed = rgb(0xee, 0xee, 0xee);
    static constexpr Rgb kAllHealthy = rgb(0x2e, 0x9d, 0x4f);
    static constexpr Rgb kSomeHealthy = rgb(0xe0, 0x9b, 0x1a);
    static constexpr Rgb kNoneHealthy = rgb(0xc6, 0x28, 0x28);

    QSize size{};
    QRect plot{}; // filled with kNotProbed under the bars
    QList<Bar> bars{};
    QList<Text> texts{};
};

// The colour of a bucket whose probes were this share healthy (0–1).
Rgb uptimeShareColour(double share);

UptimeChart layOutUptimeChart(const EncoderHistorySpan& span, const QString& title, QSize size = {640, 110});

} // namespace avld
