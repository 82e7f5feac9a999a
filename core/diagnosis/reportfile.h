#pragma once

#include "diagnosis.h"

#include <QString>

namespace avld {

// "write-failed": the report could not be written to `path`, and `why`.
Error reportWriteFailed(const QString& path, const QString& why);
// Writes `bytes` to `path` whole or not at all; fails with "write-failed".
Result<qint64> writeReportBytes(const QByteArray& bytes, const QString& path);
// Fails with "bad-report-name" unless `path` ends in .html, .htm or .pdf, and with "pdf-unavailable" for a
// .pdf when this program has no PDF printer (pdfprinter.h: the headless build), before any work is done.
Status checkReportName(const QString& path);
bool isPdfName(const QString& path);

// Writes the report as a PDF through the program's PDF printer (pdfprinter.h): the same content as the HTML
// report, laid out with tables. Fails with "pdf-unavailable" without one, with "write-failed" when the file
// cannot be written.
Result<qint64> writePdfReport(const Diagnosis& diagnosis, const QString& path);

// Writes the HTML report; fails with "write-failed". Returns the bytes written.
Result<qint64> writeHtmlReport(const Diagnosis& diagnosis, const QString& path);

// By the file name's suffix: .pdf or .html/.htm; fails as checkReportName says for another.
Result<qint64> writeReport(const Diagnosis& diagnosis, const QString& path);

} // namespace avld
