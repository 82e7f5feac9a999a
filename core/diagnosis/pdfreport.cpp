#include "pdfreport.h"

#include "diagnosistext.h"

#include <QFileInfo>
#include <QPageLayout>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace avld {

namespace {

Error writeFailed(const QString& path, const QString& why) {
    return {QStringLiteral("write-failed"),
            DiagnosisText::tr("The report could not be written to %1: %2").arg(path, why),
            DiagnosisText::tr("Choose a folder you can write to.")};
}

} // namespace

Result<qint64> writeHtmlAsPdf(const std::function<QString(const ReportImageSink&)>& render,
                              const QString& path, const QString& title) {
    QTextDocument document;
    int next = 0;
    const ReportImageSink resources = [&document, &next](const QImage& image) {
        const QUrl name(QStringLiteral("report-image:%1").arg(next++));
        document.addResource(QTextDocument::ImageResource, name, image);
        return name.toString();
    };
    document.setHtml(render(resources));

    // QPdfWriter writes as it goes; a save file keeps a half-written report from replacing a good one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeFailed(path, file.errorString());
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
        return writeFailed(path, file.errorString());
    return size;
}

Result<qint64> writeReportBytes(const QByteArray& bytes, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeFailed(path, file.errorString());
    if (file.write(bytes) != bytes.size() || !file.commit())
        return writeFailed(path, file.errorString());
    return qint64(bytes.size());
}

bool isPdfName(const QString& path) {
    return QFileInfo(path).suffix().toLower() == QStringLiteral("pdf");
}

Status checkReportName(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QStringLiteral("pdf") || suffix == QStringLiteral("html") ||
        suffix == QStringLiteral("htm"))
        return {};
    return Error{QStringLiteral("bad-report-name"),
                 DiagnosisText::tr("%1 is neither a .html nor a .pdf file.").arg(path),
                 DiagnosisText::tr("Name the report FILE.html or FILE.pdf.")};
}

Result<qint64> writePdfReport(const Diagnosis& diagnosis, const QString& path) {
    return writeHtmlAsPdf(
        [&diagnosis](const ReportImageSink& images) {
            return QString::fromUtf8(renderHtmlReport(diagnosis, images, {.forQtTextDocument = true}));
        },
        path, DiagnosisText::tr("Diagnosis of %1").arg(diagnosis.input.overview.siteName));
}

Result<qint64> writeHtmlReport(const Diagnosis& diagnosis, const QString& path) {
    return writeReportBytes(renderHtmlReport(diagnosis), path);
}

Result<qint64> writeReport(const Diagnosis& diagnosis, const QString& path) {
    if (const Status bad = checkReportName(path); !bad.ok())
        return bad.error();
    return isPdfName(path) ? writePdfReport(diagnosis, path) : writeHtmlReport(diagnosis, path);
}

} // namespace avld
