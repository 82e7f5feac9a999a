#include "reportfile.h"

#include "diagnosistext.h"
#include "htmlreport.h"
#include "pdfprinter.h"

#include <QFileInfo>
#include <QSaveFile>

namespace avld {

Error reportWriteFailed(const QString& path, const QString& why) {
    return {QStringLiteral("write-failed"),
            DiagnosisText::tr("The report could not be written to %1: %2").arg(path, why),
            DiagnosisText::tr("Choose a folder you can write to.")};
}

Result<qint64> writeReportBytes(const QByteArray& bytes, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return reportWriteFailed(path, file.errorString());
    if (file.write(bytes) != bytes.size() || !file.commit())
        return reportWriteFailed(path, file.errorString());
    return qint64(bytes.size());
}

bool isPdfName(const QString& path) {
    return QFileInfo(path).suffix().toLower() == QStringLiteral("pdf");
}

Status checkReportName(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QStringLiteral("pdf"))
        return pdfPrinter() ? Status{} : Status{pdfUnavailable()};
    if (suffix == QStringLiteral("html") || suffix == QStringLiteral("htm"))
        return {};
    return Error{QStringLiteral("bad-report-name"),
                 DiagnosisText::tr("%1 is neither a .html nor a .pdf file.").arg(path),
                 DiagnosisText::tr("Name the report FILE.html or FILE.pdf.")};
}

Result<qint64> writePdfReport(const Diagnosis& diagnosis, const QString& path) {
    return printPdf(
        [&diagnosis](const ReportPictures& pictures) {
            return QString::fromUtf8(renderHtmlReport(diagnosis, pictures, {.forQtTextDocument = true}));
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
