#pragma once

#include "htmlreport.h"
#include "result.h"

#include <QString>

#include <functional>

namespace avld {

// A report's HTML made with the pictures handed over as the printer wants them.
using HtmlForPdf = std::function<QString(const ReportPictures& pictures)>;

// Prints a report's HTML to a PDF at `path`. Printing needs Qt Gui (QTextDocument, QPdfWriter, fonts), which
// core does not link: a program that can print installs its printer before any report is written (the
// desktop program and its window: reportpdf/qtpdfprinter.h). The headless program installs none and writes
// HTML only.
using PdfPrinter = Result<qint64> (*)(const HtmlForPdf& html, const QString& path, const QString& title);

// Thread-safe; nullptr uninstalls.
void setPdfPrinter(PdfPrinter printer);
// The installed printer, or nullptr.
PdfPrinter pdfPrinter();

// Prints through the installed printer; fails with pdfUnavailable() without one.
Result<qint64> printPdf(const HtmlForPdf& html, const QString& path, const QString& title);

// "pdf-unavailable": what happened (this build writes HTML only) and what to do instead.
Error pdfUnavailable();

} // namespace avld
