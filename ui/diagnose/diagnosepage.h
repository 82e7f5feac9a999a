#pragma once

#include "diagnosis/diagnosis.h"
#include "diagnosis/diagnosisrun.h"

#include <QFutureWatcher>
#include <QHash>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace avld {

// What writing a report did (a plain struct: futures want their result default-constructible).
struct ReportExport {
    qint64 bytes = -1;
    Error error{}; // code empty: written
};

// The Diagnose page: one click walks the expert's checklist; the steps show as they run (cancel stops the
// run), then the findings by severity with their evidence and, where the tool can act, a button for the
// action; Export writes the report (HTML or PDF) off the GUI thread.
class DiagnosePage : public QWidget {
    Q_OBJECT
public:
    explicit DiagnosePage(QWidget* parent = nullptr);

    void showStepStarted(DiagnosisRun::Step step);
    void showStepFinished(DiagnosisRun::Step step, const QString& outcome);
    void showDiagnosis(const Diagnosis& diagnosis);
    const std::optional<Diagnosis>& diagnosis() const { return m_diagnosis; }

    // What came of a shift report the page asked for (shiftReportRequested).
    void showShiftReportWritten(const QString& path, const avld::Error& error);
    // Writes the report to `path` (.html or .pdf) on a worker thread; exportFinished tells how it went.
    void exportTo(const QString& path);
    bool isExporting() const { return m_export.isRunning(); }

Q_SIGNALS:
    void diagnoseRequested();
    void cancelRequested();
    void actionRequested(avld::FindingAction::Kind action);
    void exportFinished(const QString& path, const avld::Error& error); // error.code empty: written
    // The admin asked for a report of the encoders over [from, to] from the history, to `path`.
    void shiftReportRequested(const QDateTime& from, const QDateTime& to, const QString& path);

private:
    void chooseExportFile();
    void askForShiftReport();
    void addFinding(QTreeWidgetItem* group, const Finding& finding);
    void setRunning(bool running);
    void showDetail();

    QLabel* m_summary = nullptr;
    QLabel* m_score = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_exportButton = nullptr;
    QPushButton* m_shiftButton = nullptr;
    QLabel* m_exportStatus = nullptr;
    QTreeWidget* m_steps = nullptr;
    QTreeWidget* m_findings = nullptr;
    QLabel* m_detail = nullptr; // the selected finding whole: sentence, action, evidence
    QHash<int, QTreeWidgetItem*> m_stepItems;
    std::optional<Diagnosis> m_diagnosis;
    QFutureWatcher<ReportExport> m_export;
    QString m_exportPath;
};

} // namespace avld
