#pragma once

#include "diagnosis.h"

#include <QByteArray>
#include <QImage>

#include <functional>

namespace avld {

// How a report's pictures get into the page: the HTML file embeds them (data: URIs, nothing fetched), the
// PDF hands them to its QTextDocument as resources. Returns what goes into <img src="…">.
using ReportImageSink = std::function<QString(const QImage&)>;

// An encoder the history knows only by its id, for a report: a URL in it is masked (maskedUrl).
QString historyEncoderLabel(const QString& id);

// The picture as a data: URI (JPEG for photographs, PNG for charts and cards with few colours).
QString embeddedImage(const QImage& image);

struct ReportStyle {
    // QTextDocument (the PDF) knows a subset of CSS: no flex or grid, tables for layout.
    bool forQtTextDocument = false;
};

// The diagnosis as one self-contained HTML page (UTF-8): the summary and score; the findings by severity
// with their evidence and actions; the checklist; the lives as a filmstrip (the site's picture beside our
// frame, class, age, score); the encoders with their 24 h and 7 d uptime charts; the local generator; the
// timeline of state changes and of what was done; the versions. Secrets never appear (reportsecrets.h).
// Needs a QGuiApplication (the charts are drawn with fonts).
QByteArray renderHtmlReport(const Diagnosis& diagnosis, const ReportImageSink& images = embeddedImage,
                            ReportStyle style = {});

} // namespace avld
