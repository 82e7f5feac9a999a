#pragma once

#include "diagnosis/pdfprinter.h"

namespace avld {

// Lays out the HTML (its pictures and charts handed to the document as image resources) and prints it to a
// PDF at `path` through QPdfWriter (A4, 15 mm margins), written whole or not at all. Fails with
// "write-failed". Needs a QGuiApplication (fonts); the offscreen platform will do.
Result<qint64> printHtmlWithQt(const HtmlForPdf& html, const QString& path, const QString& title);

// Makes printHtmlWithQt the program's PDF printer (pdfprinter.h): what the desktop program and its Diagnose
// page do; the headless program never links this library.
void installQtPdfPrinter();

} // namespace avld
