#pragma once

#include "diagnosis.h"
#include "htmlreport.h"

#include <QString>

namespace avld {

// Lays out the HTML `render` makes (its pictures handed to the document as resources) and prints it to a PDF
// at `path` through QPdfWriter (A4, 15 mm margins). Fails with "write-failed". Needs a QGuiApplication.
Result<qint64> writeHtmlAsPdf(const std::function<QString(const ReportImageSink&)>& render,
                              const QString& path, const QString& title);
// Writes `bytes` to `path` whole or not at all; fails with "write-failed".
Result<qint64> writeReportBytes(const QByteArray& bytes, const QString& path);
// Fails with "bad-report-name" unless `path` ends in .html, .htm or .pdf.
Status checkReportName(const QString& path);
bool isPdfName(const QString& path);

// Writes the report as a PDF made by Qt itself (QTextDocument printed through QPdfWriter, A4): the same
// content as the HTML report, laid out with tables. Fails with "write-failed" when the file cannot be
// written. Needs a QGuiApplication.
Result<qint64> writePdfReport(const Diagnosis& diagnosis, const QString& path);

// Writes the HTML report; fails with "write-failed". Returns the bytes written.
Result<qint64> writeHtmlReport(const Diagnosis& diagnosis, const QString& path);

// By the file name's suffix: .pdf or .html/.htm; fails with "bad-report-name" for another.
Result<qint64> writeReport(const Diagnosis& diagnosis, const QString& path);

} // namespace avld
