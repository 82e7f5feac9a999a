#include "pdfprinter.h"

#include "diagnosistext.h"

#include <atomic>

namespace avld {

namespace {

std::atomic<PdfPrinter> installed{nullptr};

} // namespace

void setPdfPrinter(PdfPrinter printer) {
    installed.store(printer);
}

PdfPrinter pdfPrinter() {
    return installed.load();
}

Result<qint64> printPdf(const HtmlForPdf& html, const QString& path, const QString& title) {
    const PdfPrinter printer = pdfPrinter();
    if (!printer)
        return pdfUnavailable();
    return printer(html, path, title);
}

Error pdfUnavailable() {
    return {QStringLiteral("pdf-unavailable"),
            DiagnosisText::tr("This headless build writes HTML reports only, not PDF."),
            DiagnosisText::tr("Give --report FILE.html (and print it to PDF from a browser), or run the "
                              "desktop package's avideo-live-doctor for a PDF.")};
}

} // namespace avld
