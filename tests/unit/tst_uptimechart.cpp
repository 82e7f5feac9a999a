#include "diagnosis/uptimechart.h"
#include "diagnosis/uptimechartsvg.h"

#include <QTest>
#include <QXmlStreamReader>

using namespace avld;

Q_DECLARE_METATYPE(avld::UptimeChart::Bar)

namespace {

const QDateTime kFrom = QDateTime(QDate(2026, 12, 6), QTime(8, 0), Qt::UTC);
constexpr qint64 kHourMs = 3'600'000;

// An 8 h span holding one bucket.
EncoderHistorySpan spanWith(qint64 startMs, qint64 widthMs, int probes, int healthy) {
    EncoderHistorySpan span;
    span.encoderId = QStringLiteral("enc");
    span.from = kFrom;
    span.to = kFrom.addMSecs(8 * kHourMs);
    HistoryPoint p;
    p.start = kFrom.addMSecs(startMs);
    p.widthMs = widthMs;
    p.probes = probes;
    p.healthy = healthy;
    p.failed = probes - healthy;
    p.healthyShare = probes > 0 ? double(healthy) / probes : 0;
    span.points = {p};
    span.uptime = EncoderHistorySpan::uptimeOf(span.points);
    return span;
}

struct SvgChart {
    QString error;
    QStringList rectFills;
    QList<QRect> rects;
    QStringList texts;
    QStringList anchors;
};

SvgChart readSvg(const QByteArray& svg) {
    SvgChart chart;
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const QXmlStreamAttributes a = xml.attributes();
        if (xml.name() == QStringLiteral("rect")) {
            chart.rectFills << a.value(QStringLiteral("fill")).toString();
            chart.rects << QRect(a.value(QStringLiteral("x")).toInt(), a.value(QStringLiteral("y")).toInt(),
                                 a.value(QStringLiteral("width")).toInt(),
                                 a.value(QStringLiteral("height")).toInt());
        } else if (xml.name() == QStringLiteral("text")) {
            chart.anchors << a.value(QStringLiteral("text-anchor")).toString();
            chart.texts << xml.readElementText();
        }
    }
    if (xml.hasError())
        chart.error = xml.errorString();
    return chart;
}

} // namespace

// The reports' uptime chart: laid out once (the bars and texts of the QPainter chart it replaces, pixel for
// pixel), written as SVG by core without Qt Gui.
class TestUptimeChart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shareColours_data() {
        QTest::addColumn<double>("share");
        QTest::addColumn<uint>("colour");
        QTest::newRow("all healthy") << 1.0 << uint(UptimeChart::kAllHealthy);
        QTest::newRow("rounding to all") << 0.9995 << uint(UptimeChart::kAllHealthy);
        QTest::newRow("some") << 0.5 << uint(UptimeChart::kSomeHealthy);
        QTest::newRow("nearly none") << 0.0005 << uint(UptimeChart::kNoneHealthy);
        QTest::newRow("none") << 0.0 << uint(UptimeChart::kNoneHealthy);
        QCOMPARE(UptimeChart::kAllHealthy, rgb(0x2e, 0x9d, 0x4f));
        QCOMPARE(UptimeChart::kSomeHealthy, rgb(0xe0, 0x9b, 0x1a));
        QCOMPARE(UptimeChart::kNoneHealthy, rgb(0xc6, 0x28, 0x28));
    }
    void shareColours() {
        QFETCH(double, share);
        QFETCH(uint, colour);
        QCOMPARE(uptimeShareColour(share), Rgb(colour));
    }

    // 640 × 110: the plot from y 18, 72 px high, between the title line and the axis line.
    void bars_data() {
        QTest::addColumn<qint64>("startMs");
        QTest::addColumn<qint64>("widthMs");
        QTest::addColumn<int>("probes");
        QTest::addColumn<int>("healthy");
        QTest::addColumn<QList<UptimeChart::Bar>>("bars");
        const auto bar = [](int x, int w, Rgb colour) {
            return UptimeChart::Bar{QRect(x, 18, w, 72), colour};
        };
        QTest::newRow("first hour, healthy")
            << 0LL << kHourMs << 10 << 10 << QList{bar(0, 80, UptimeChart::kAllHealthy)};
        QTest::newRow("mid-span, half healthy")
            << 4 * kHourMs << kHourMs << 10 << 5 << QList{bar(320, 80, UptimeChart::kSomeHealthy)};
        QTest::newRow("past the end, cut at the edge")
            << 15 * kHourMs / 2 << kHourMs << 10 << 0 << QList{bar(600, 40, UptimeChart::kNoneHealthy)};
        QTest::newRow("before the start, cut at the edge")
            << -kHourMs << 2 * kHourMs << 4 << 4 << QList{bar(0, 80, UptimeChart::kAllHealthy)};
        QTest::newRow("a second still shows a pixel")
            << kHourMs << 1000LL << 1 << 1 << QList{bar(80, 1, UptimeChart::kAllHealthy)};
        QTest::newRow("not probed: no bar") << kHourMs << kHourMs << 0 << 0 << QList<UptimeChart::Bar>{};
    }
    void bars() {
        QFETCH(qint64, startMs);
        QFETCH(qint64, widthMs);
        QFETCH(int, probes);
        QFETCH(int, healthy);
        QFETCH(QList<UptimeChart::Bar>, bars);
        const UptimeChart chart =
            layOutUptimeChart(spanWith(startMs, widthMs, probes, healthy), QStringLiteral("t"));
        QCOMPARE(chart.size, QSize(640, 110));
        QCOMPARE(chart.plot, QRect(0, 18, 640, 72));
        QCOMPARE(chart.bars.size(), bars.size());
        for (qsizetype i = 0; i < bars.size(); ++i) {
            QCOMPARE(chart.bars[i].rect, bars[i].rect);
            QCOMPARE(chart.bars[i].colour, bars[i].colour);
        }
    }

    void texts() {
        const UptimeChart chart =
            layOutUptimeChart(spanWith(0, kHourMs, 20, 10), QStringLiteral("encoder1.example"), {500, 100});
        QCOMPARE(chart.texts.size(), 4);
        const QRect top(0, 0, 500, 16), axis(0, 84, 500, 16);
        QCOMPARE(chart.texts[0].text, QStringLiteral("encoder1.example"));
        QCOMPARE(chart.texts[0].box, top);
        QCOMPARE(chart.texts[0].anchor, UptimeChart::Anchor::Left);
        QCOMPARE(chart.texts[1].text, QStringLiteral("50.0 % healthy of 20 probes"));
        QCOMPARE(chart.texts[1].box, top);
        QCOMPARE(chart.texts[1].anchor, UptimeChart::Anchor::Right);
        QCOMPARE(chart.texts[2].box, axis);
        QCOMPARE(chart.texts[2].text, kFrom.toLocalTime().toString(QStringLiteral("d MMM HH:mm")));
        QCOMPARE(chart.texts[3].anchor, UptimeChart::Anchor::Right);
        QCOMPARE(chart.texts[3].text,
                 kFrom.addMSecs(8 * kHourMs).toLocalTime().toString(QStringLiteral("d MMM HH:mm")));
    }

    // Nothing probed, or a span of no length: the grey plot, no bar, "no probes".
    void emptySpan_data() {
        QTest::addColumn<bool>("zeroLength");
        QTest::newRow("no points") << false;
        QTest::newRow("from == to") << true;
    }
    void emptySpan() {
        QFETCH(bool, zeroLength);
        EncoderHistorySpan span = zeroLength ? spanWith(0, kHourMs, 10, 10) : EncoderHistorySpan{};
        span.from = kFrom;
        span.to = zeroLength ? kFrom : kFrom.addSecs(3600);
        if (!zeroLength)
            span.uptime = EncoderHistorySpan::uptimeOf({});
        const UptimeChart chart = layOutUptimeChart(span, QStringLiteral("idle"));
        QVERIFY(chart.bars.isEmpty());
        if (!zeroLength)
            QCOMPARE(chart.texts[1].text, QStringLiteral("no probes"));
        const SvgChart svg = readSvg(uptimeChartSvg(chart));
        QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
        QCOMPARE(svg.rectFills, (QStringList{QStringLiteral("#ffffff"), QStringLiteral("#eeeeee")}));
        QCOMPARE(svg.rects.last(), chart.plot);
    }

    // The SVG holds the layout: background, plot, one rect per bar in its colour, the texts where they are.
    void svgDrawsTheLayout() {
        EncoderHistorySpan span = spanWith(0, kHourMs, 10, 10);
        span.points.append(spanWith(2 * kHourMs, kHourMs, 10, 3).points);
        span.points.append(spanWith(4 * kHourMs, kHourMs, 10, 0).points);
        span.uptime = EncoderHistorySpan::uptimeOf(span.points);
        const UptimeChart chart = layOutUptimeChart(span, QStringLiteral("enc"));
        const QByteArray bytes = uptimeChartSvg(chart);
        QVERIFY(bytes.startsWith(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
            "width=\"640\" height=\"110\""));
        const SvgChart svg = readSvg(bytes);
        QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
        QCOMPARE(svg.rectFills,
                 (QStringList{QStringLiteral("#ffffff"), QStringLiteral("#eeeeee"), QStringLiteral("#2e9d4f"),
                              QStringLiteral("#e09b1a"), QStringLiteral("#c62828")}));
        for (qsizetype i = 0; i < chart.bars.size(); ++i)
            QCOMPARE(svg.rects[i + 2], chart.bars[i].rect);
        QCOMPARE(svg.texts.size(), chart.texts.size());
        for (qsizetype i = 0; i < chart.texts.size(); ++i)
            QCOMPARE(svg.texts[i], chart.texts[i].text);
        QCOMPARE(svg.anchors, (QStringList{QStringLiteral("start"), QStringLiteral("end"),
                                           QStringLiteral("start"), QStringLiteral("end")}));
    }

    // A title is remote text (an encoder's name or URL): whatever it holds, the document stays well-formed,
    // adds no element, and reads back as the title (XML's forbidden characters as U+FFFD).
    void hostileTitles_data() {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("readBack");
        const QString plain = QStringLiteral("encoder1.wwbn.net");
        QTest::newRow("plain") << plain << plain;
        const QString markup = QStringLiteral("</text><script>alert(1)</script><text>");
        QTest::newRow("markup") << markup << markup;
        const QString entities = QStringLiteral("a & b &amp; \"q\" 'x' <!-- ]]> <![CDATA[");
        QTest::newRow("entities and comments") << entities << entities;
        QTest::newRow("control characters")
            << QStringLiteral("a\x01\x1b[31mred\x7f") << QStringLiteral("a\uFFFD\uFFFD[31mred\x7f");
        QTest::newRow("lone surrogate")
            << (QStringLiteral("x") + QChar(0xd800) + QStringLiteral("y")) << QStringLiteral("x\uFFFDy");
        const QString pair = QStringLiteral("live 🎥 — 直播");
        QTest::newRow("characters beyond the BMP") << pair << pair;
        QTest::newRow("not a character")
            << (QStringLiteral("z") + QChar(0xfffe)) << QStringLiteral("z\uFFFD");
    }
    void hostileTitles() {
        QFETCH(QString, title);
        QFETCH(QString, readBack);
        const UptimeChart chart = layOutUptimeChart(spanWith(0, kHourMs, 1, 1), title);
        const QByteArray bytes = uptimeChartSvg(chart);
        const SvgChart svg = readSvg(bytes);
        QVERIFY2(svg.error.isEmpty(),
                 qPrintable(svg.error + QStringLiteral(": ") + QString::fromUtf8(bytes)));
        QCOMPARE(svg.texts.size(), 4);
        QCOMPARE(svg.texts.first(), readBack);
        QCOMPARE(svg.rects.size(), 3);
        QVERIFY(!bytes.contains("<script"));
    }
};

QTEST_GUILESS_MAIN(TestUptimeChart)
#include "tst_uptimechart.moc"
