#include "diagnosepage.h"

#include "diagnosis/reportfile.h"
#include "logging.h"
#include "palettecolours.h"
#include "reportpdf/qtpdfprinter.h"
#include "severitycolour.h"

#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace avld {

namespace {

QString groupTitle(Severity severity, qsizetype count) {
    switch (severity) {
    case Severity::Critical:
        return DiagnosePage::tr("Critical (%1)").arg(count);
    case Severity::Warning:
        return DiagnosePage::tr("Warnings (%1)").arg(count);
    case Severity::Unknown:
        return DiagnosePage::tr("Could not be checked (%1)").arg(count);
    case Severity::Ok:
        return DiagnosePage::tr("Passed (%1)").arg(count);
    }
    return {};
}

} // namespace

DiagnosePage::DiagnosePage(QWidget* parent)
    : QWidget(parent) {
    // Export and the shift report offer PDF: printed with Qt, which core leaves to the programs with a
    // window.
    installQtPdfPrinter();
    auto* layout = new QVBoxLayout(this);

    auto* intro =
        new QLabel(tr("Walks the expert's checklist: the site, what each live shows beside our own frame, "
                      "the site's encoder, backups, the local stand-in, the caches, prevention and the "
                      "media server."));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Diagnose"));
    m_start->setObjectName(QStringLiteral("diagnoseButton"));
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("cancelDiagnosisButton"));
    m_cancel->setEnabled(false);
    m_exportButton = new QPushButton(tr("Export report…"));
    m_exportButton->setObjectName(QStringLiteral("exportReportButton"));
    m_exportButton->setEnabled(false);
    m_shiftButton = new QPushButton(tr("Shift report…"));
    m_shiftButton->setObjectName(QStringLiteral("shiftReportButton"));
    m_shiftButton->setToolTip(
        tr("The encoders over a time range, from the history: uptime, outages, changes."));
    m_exportStatus = new QLabel;
    m_exportStatus->setObjectName(QStringLiteral("exportStatus"));
    m_exportStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_exportButton);
    buttons->addWidget(m_shiftButton);
    buttons->addWidget(m_exportStatus, 1);
    layout->addLayout(buttons);

    auto* verdict = new QHBoxLayout;
    m_score = new QLabel(QStringLiteral("—"));
    m_score->setObjectName(QStringLiteral("diagnosisScore"));
    QFont big = m_score->font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    m_score->setFont(big);
    m_score->setMinimumWidth(m_score->fontMetrics().horizontalAdvance(QStringLiteral("100/100")) + 8);
    m_summary = new QLabel(tr("Not diagnosed yet: press Diagnose."));
    m_summary->setObjectName(QStringLiteral("diagnosisSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    verdict->addWidget(m_score);
    verdict->addWidget(m_summary, 1);
    layout->addLayout(verdict);

    m_steps = new QTreeWidget;
    m_steps->setObjectName(QStringLiteral("diagnosisSteps"));
    m_steps->setHeaderLabels({tr("Step"), tr("Result")});
    m_steps->setRootIsDecorated(false);
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    for (DiagnosisRun::Step step : DiagnosisRun::steps()) {
        auto* item = new QTreeWidgetItem(m_steps, {DiagnosisRun::stepTitle(step), QStringLiteral("—")});
        m_stepItems.insert(int(step), item);
    }
    m_steps->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_steps->setMaximumHeight(m_steps->sizeHintForRow(0) * (DiagnosisRun::steps().size() + 2));
    layout->addWidget(m_steps);

    m_findings = new QTreeWidget;
    m_findings->setObjectName(QStringLiteral("diagnosisFindings"));
    m_findings->setHeaderLabels({tr("Finding"), tr("Action")});
    m_findings->setWordWrap(true);
    m_findings->header()->setStretchLastSection(false);
    m_findings->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_findings->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(m_findings, 3);
    m_detail = new QLabel;
    m_detail->setObjectName(QStringLiteral("findingDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::RichText);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_detail->setFrameShape(QFrame::StyledPanel);
    m_detail->setMargin(8);
    m_detail->setMinimumHeight(m_detail->fontMetrics().height() * 6);
    layout->addWidget(m_detail, 1);
    connect(m_findings, &QTreeWidget::currentItemChanged, this, &DiagnosePage::showDetail);

    connect(m_start, &QPushButton::clicked, this, &DiagnosePage::diagnoseRequested);
    connect(m_cancel, &QPushButton::clicked, this, &DiagnosePage::cancelRequested);
    connect(m_exportButton, &QPushButton::clicked, this, &DiagnosePage::chooseExportFile);
    connect(m_shiftButton, &QPushButton::clicked, this, &DiagnosePage::askForShiftReport);
    connect(&m_export, &QFutureWatcher<ReportExport>::finished, this, [this] {
        const ReportExport written = m_export.result();
        m_exportButton->setEnabled(m_diagnosis.has_value());
        if (written.error.code.isEmpty()) {
            m_exportStatus->setText(
                tr("Written: %1 (%2 kB)").arg(m_exportPath).arg((written.bytes + 1023) / 1024));
            qCInfo(lcUi).noquote() << "report written to" << m_exportPath;
        } else {
            m_exportStatus->setText(written.error.toString());
        }
        Q_EMIT exportFinished(m_exportPath, written.error);
    });
}

void DiagnosePage::setRunning(bool running) {
    m_start->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_exportButton->setEnabled(!running && m_diagnosis.has_value() && !m_export.isRunning());
}

void DiagnosePage::showStepStarted(DiagnosisRun::Step step) {
    if (step == DiagnosisRun::steps().first()) {
        for (QTreeWidgetItem* item : std::as_const(m_stepItems))
            item->setText(1, QStringLiteral("—"));
        m_summary->setText(tr("Diagnosing…"));
    }
    setRunning(true);
    if (QTreeWidgetItem* item = m_stepItems.value(int(step)))
        item->setText(1, tr("running…"));
}

void DiagnosePage::showStepFinished(DiagnosisRun::Step step, const QString& outcome) {
    if (QTreeWidgetItem* item = m_stepItems.value(int(step)))
        item->setText(1, outcome);
}

void DiagnosePage::addFinding(QTreeWidgetItem* group, const Finding& finding) {
    auto* item = new QTreeWidgetItem(group, {finding.sentence});
    item->setData(0, Qt::UserRole, finding.id);
    item->setToolTip(0, QStringLiteral("<p>%1</p><p>%2 · %3</p>")
                            .arg(finding.sentence.toHtmlEscaped(), checkAreaTitle(finding.area), finding.id));
    for (const Evidence& e : finding.evidence) {
        auto* line = new QTreeWidgetItem(item, {QStringLiteral("%1: %2").arg(e.label, e.value)});
        line->setToolTip(0, line->text(0));
    }
    if (finding.action.kind == FindingAction::Kind::None)
        return;
    if (finding.action.canRunInTool()) {
        auto* button = new QPushButton(finding.action.buttonLabel());
        button->setObjectName(QStringLiteral("action-") + finding.id);
        button->setToolTip(finding.action.text);
        const FindingAction::Kind kind = finding.action.kind;
        connect(button, &QPushButton::clicked, this, [this, kind] { Q_EMIT actionRequested(kind); });
        m_findings->setItemWidget(item, 1, button);
    } else {
        auto* todo = new QTreeWidgetItem(item, {tr("To do: %1").arg(finding.action.text)});
        todo->setToolTip(0, finding.action.text);
    }
}

void DiagnosePage::showDetail() {
    QTreeWidgetItem* item = m_findings->currentItem();
    while (item && item->data(0, Qt::UserRole).toString().isEmpty() && item->parent())
        item = item->parent();
    const QString id = item ? item->data(0, Qt::UserRole).toString() : QString();
    if (!m_diagnosis || id.isEmpty()) {
        m_detail->clear();
        return;
    }
    for (const Finding& f : m_diagnosis->findings) {
        if (f.id != id)
            continue;
        QString html = QStringLiteral("<p><b style=\"color:%1\">%2</b> %3</p>")
                           .arg(severityTextColour(f.severity, m_detail->palette()).name(),
                                severityText(f.severity), f.sentence.toHtmlEscaped());
        if (f.action.kind != FindingAction::Kind::None)
            html += tr("<p>→ <b>%1</b></p>").arg(f.action.text.toHtmlEscaped());
        for (const Evidence& e : f.evidence)
            html += tr("%1: %2<br>").arg(e.label.toHtmlEscaped(), e.value.toHtmlEscaped());
        m_detail->setText(html);
        return;
    }
}

void DiagnosePage::showDiagnosis(const Diagnosis& diagnosis) {
    m_diagnosis = diagnosis;
    setRunning(false);
    const QColor colour = severityTextColour(diagnosis.overall(), palette());
    m_score->setText(tr("%1/100").arg(diagnosis.site.value));
    m_score->setToolTip(
        tr("Health score %1/100 (%2)").arg(diagnosis.site.value).arg(diagnosis.site.gradeText()));
    setTextColour(m_score, colour);
    m_summary->setText(diagnosis.cancelled ? tr("Cancelled before every check ran. %1").arg(diagnosis.summary)
                                           : diagnosis.summary);

    m_findings->clear();
    for (Severity severity : {Severity::Critical, Severity::Warning, Severity::Unknown, Severity::Ok}) {
        const QList<Finding> of = diagnosis.findingsOf(severity);
        if (of.isEmpty())
            continue;
        auto* group = new QTreeWidgetItem(m_findings, {groupTitle(severity, of.size())});
        group->setForeground(0, severityTextColour(severity, m_findings->palette()));
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFirstColumnSpanned(false);
        for (const Finding& f : of)
            addFinding(group, f);
        group->setExpanded(severity != Severity::Ok);
    }
    // The most serious finding, whole, below the list.
    if (QTreeWidgetItem* first = m_findings->topLevelItem(0); first && first->childCount() > 0)
        m_findings->setCurrentItem(first->child(0));
    showDetail();
}

void DiagnosePage::chooseExportFile() {
    if (!m_diagnosis)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("%1/avld-diagnosis-%2.html")
                             .arg(folder, m_diagnosis->input.now.toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the report"), name,
                                                      tr("Web page (*.html);;PDF (*.pdf)"));
    if (!path.isEmpty())
        exportTo(path);
}

void DiagnosePage::askForShiftReport() {
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("shiftReportDialog"));
    dialog.setWindowTitle(tr("Shift report"));
    auto* form = new QFormLayout(&dialog);
    const QDateTime now = QDateTime::currentDateTime();
    auto* from = new QDateTimeEdit(now.addSecs(-8 * 3600), &dialog);
    auto* to = new QDateTimeEdit(now, &dialog);
    for (QDateTimeEdit* edit : {from, to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("d MMM yyyy HH:mm"));
        edit->setMaximumDateTime(now.addSecs(60));
    }
    form->addRow(tr("From"), from);
    form->addRow(tr("To"), to);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(box);
    connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (from->dateTime() >= to->dateTime()) {
        m_exportStatus->setText(tr("The shift must end after it starts."));
        return;
    }
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the shift report"),
        QStringLiteral("%1/avld-shift-%2.html")
            .arg(folder, to->dateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))),
        tr("Web page (*.html);;PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    m_exportStatus->setText(tr("Writing %1…").arg(path));
    Q_EMIT shiftReportRequested(from->dateTime(), to->dateTime(), path);
}

void DiagnosePage::showShiftReportWritten(const QString& path, const Error& error) {
    m_exportStatus->setText(error.code.isEmpty() ? tr("Written: %1").arg(path) : error.toString());
}

void DiagnosePage::exportTo(const QString& path) {
    if (!m_diagnosis || m_export.isRunning())
        return;
    m_exportPath = path;
    m_exportButton->setEnabled(false);
    m_exportStatus->setText(tr("Writing %1…").arg(path));
    // The pictures are encoded and the PDF laid out on a worker thread: the window stays responsive.
    m_export.setFuture(QtConcurrent::run([diagnosis = *m_diagnosis, path] {
        const Result<qint64> written = writeReport(diagnosis, path);
        return written ? ReportExport{*written, {}} : ReportExport{-1, written.error()};
    }));
}

} // namespace avld
