#include "qtpdfprinter.h"

#include "bitmapqt/qimagebridge.h"
#include "diagnosis/reportfile.h"
#include "uptimechartpainter.h"

#include <QPageLayout>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace avld {

Result<qint64> printHtmlWithQt(const HtmlForPdf& html, const QString& path, const QString& title) {
    QTextDocument document;
    int next = 0;
    const auto resource = [&document, &next](const QImage& image) {
        const QUrl name(QStringLiteral("report-image:%1").arg(next++));
        document.addResource(QTextDocument::ImageResource, name, image);
        return name.toString();
    };
    const ReportPictures pictures{
        [&resource](const Bitmap& image) { return resource(toQImage(image)); },
        [&resource](const UptimeChart& chart) { return resource(paintUptimeChart(chart)); }};
    document.setHtml(html(pictures));

    // QPdfWriter writes as it goes; a save file keeps a half-written report from replacing a good one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return reportWriteFailed(path, file.errorString());
    {
        QPdfWriter writer(&file);
        writer.setCreator(QStringLiteral("AVideo Live Doctor"));
        writer.setTitle(title);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(150);
        document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
        document.print(&writer);
    }
    const qint64 size = file.size();
    if (!file.commit())
        return reportWriteFailed(path, file.errorString());
    return size;
}

void installQtPdfPrinter() {
    setPdfPrinter(&printHtmlWithQt);
}

} // namespace avld
