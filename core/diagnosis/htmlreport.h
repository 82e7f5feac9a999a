#pragma once

#include "bitmap/bitmap.h"
#include "diagnosis.h"
#include "uptimechart.h"

#include <QByteArray>

#include <functional>

namespace avld {

// How a report's pictures get into the page: the HTML file embeds them (data: URIs, nothing fetched), the
// PDF hands them to its QTextDocument as resources. Each returns what goes into <img src="…">.
using ReportImageSink = std::function<QString(const Bitmap&)>;
using ReportChartSink = std::function<QString(const UptimeChart&)>;

// An encoder the history knows only by its id, for a report: a URL in it is masked (maskedUrl).
QString historyEncoderLabel(const QString& id);

// The picture (a live's frame or thumbnail) as a data: URI of a JPEG; empty when it cannot be encoded.
QString embeddedImage(const Bitmap& image);
// The chart as a data: URI of its SVG (uptimechartsvg.h): sharp at any zoom, and a picture in an <img>
// runs no script whatever its text says.
QString embeddedChart(const UptimeChart& chart);

struct ReportPictures {
    ReportImageSink images = embeddedImage;
    ReportChartSink charts = embeddedChart;
};

struct ReportStyle {
    // QTextDocument (the PDF) knows a subset of CSS: no flex or grid, tables for layout.
    bool forQtTextDocument = false;
};

// The diagnosis as one self-contained HTML page (UTF-8): the summary and score; the findings by severity
// with their evidence and actions; the checklist; the lives as a filmstrip (the site's picture beside our
// frame, class, age, score); the encoders with their 24 h and 7 d uptime charts; the local generator; the
// timeline of state changes and of what was done; the versions. Secrets never appear (reportsecrets.h).
// Needs no Qt Gui: the PDF (reportpdf/) hands its own sinks.
QByteArray renderHtmlReport(const Diagnosis& diagnosis, const ReportPictures& pictures = {},
                            ReportStyle style = {});

} // namespace avld
