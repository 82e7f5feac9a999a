#include "uptimechartsvg.h"

namespace avld {

namespace {

constexpr char32_t kReplacement = 0xfffd;

// XML 1.0's Char production.
bool allowedInXml(char32_t c) {
    return c == 0x9 || c == 0xa || c == 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) ||
           (c >= 0x10000 && c <= 0x10ffff);
}

QString colour(Rgb value) {
    return QStringLiteral("#%1").arg(value & 0xffffffu, 6, 16, QLatin1Char('0'));
}

QString rectangle(const QRect& r, Rgb fill) {
    return QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"/>\n")
        .arg(r.x())
        .arg(r.y())
        .arg(r.width())
        .arg(r.height())
        .arg(colour(fill));
}

QString text(const UptimeChart::Text& t) {
    const bool left = t.anchor == UptimeChart::Anchor::Left;
    const int x = left ? t.box.x() : t.box.x() + t.box.width();
    return QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"%3\" dominant-baseline=\"central\" "
                          "fill=\"%4\">%5</text>\n")
        .arg(x)
        .arg(t.box.y() + t.box.height() / 2.0)
        .arg(left ? QStringLiteral("start") : QStringLiteral("end"), colour(t.colour), xmlEscaped(t.text));
}

} // namespace

QString xmlEscaped(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i).unicode(), text.at(i + 1).unicode());
            ++i;
        }
        switch (c) {
        case U'&':
            out += QLatin1String("&amp;");
            break;
        case U'<':
            out += QLatin1String("&lt;");
            break;
        case U'>':
            out += QLatin1String("&gt;");
            break;
        case U'"':
            out += QLatin1String("&quot;");
            break;
        case U'\'':
            out += QLatin1String("&#39;");
            break;
        default:
            // A lone surrogate (0xd800–0xdfff) is not allowed either.
            out += QString::fromUcs4(allowedInXml(c) ? &c : &kReplacement, 1);
        }
    }
    return out;
}

QByteArray uptimeChartSvg(const UptimeChart& chart) {
    const int w = chart.size.width(), h = chart.size.height();
    QString svg = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" "
                                 "viewBox=\"0 0 %1 %2\" font-family=\"DejaVu Sans, Arial, sans-serif\" "
                                 "font-size=\"%3\" shape-rendering=\"crispEdges\">\n")
                      .arg(w)
                      .arg(h)
                      .arg(UptimeChart::kTextPixelSize);
    svg += rectangle(QRect(0, 0, w, h), UptimeChart::kBackground);
    svg += rectangle(chart.plot, UptimeChart::kNotProbed);
    for (const UptimeChart::Bar& bar : chart.bars)
        svg += rectangle(bar.rect, bar.colour);
    for (const UptimeChart::Text& t : chart.texts)
        svg += text(t);
    svg += QStringLiteral("</svg>\n");
    return svg.toUtf8();
}

} // namespace avld
