#include "diagnosepage.h"
#include "diagnosisfixtures.h"
#include "screenshots.h"

#include <QApplication>
#include <QDateTimeEdit>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace avld;
using namespace avld::test;

Q_DECLARE_METATYPE(avld::test::SeedState)

namespace {

QStringList findingIds(QTreeWidget* tree) {
    QStringList ids;
    for (int g = 0; g < tree->topLevelItemCount(); ++g)
        for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i)
            ids << tree->topLevelItem(g)->child(i)->data(0, Qt::UserRole).toString();
    return ids;
}

} // namespace

// The Diagnose page, offscreen: the steps as they run, the findings grouped by severity in the diagnosis'
// order with their evidence, the buttons for what the tool can do, and Export.
class TestDiagnosePage : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void showsTheFindingsInOrder_data() {
        QTest::addColumn<SeedState>("state");
        QTest::addColumn<int>("groups");
        QTest::newRow("encoder down") << SeedState::EncoderDown << 3;
        QTest::newRow("stand-in serving") << SeedState::StandinServing << 1;
        QTest::newRow("card after a switch") << SeedState::CardAfterSwitch << 3;
    }
    void showsTheFindingsInOrder() {
        QFETCH(SeedState, state);
        QFETCH(int, groups);
        DiagnosePage page;
        page.resize(1100, 760);
        page.show();
        const Diagnosis d = diagnose(seedInput(state));
        page.showDiagnosis(d);
        auto* tree = page.findChild<QTreeWidget*>(QStringLiteral("diagnosisFindings"));
        QCOMPARE(tree->topLevelItemCount(), groups);
        QStringList expected;
        for (const Finding& f : d.findings)
            expected << f.id;
        QCOMPARE(findingIds(tree), expected);
        QCOMPARE(page.findChild<QLabel*>(QStringLiteral("diagnosisScore"))->text(),
                 QStringLiteral("%1/100").arg(d.site.value));
        QCOMPARE(page.findChild<QLabel*>(QStringLiteral("diagnosisSummary"))->text(), d.summary);
        QVERIFY(page.findChild<QPushButton*>(QStringLiteral("exportReportButton"))->isEnabled());
        if (state == SeedState::EncoderDown)
            saveScreenshot(page, QStringLiteral("diagnose-page"));
    }

    // The selected finding is shown whole below the list: a busy encoder's own status page, as it said it.
    void selectedFindingShowsTheEncodersOwnStatus() {
        DiagnosisInput input = seedInput(SeedState::StandinServing);
        input.overview.encoders[0].last->status = {.alive = true,
                                                   .readable = true,
                                                   .version = QStringLiteral("8.1"),
                                                   .queueSize = 14,
                                                   .concurrent = 2,
                                                   .memFreeBytes = 3LL << 29,
                                                   .memTotalBytes = 8LL << 30,
                                                   .encoding = true};
        DiagnosePage page;
        page.resize(1100, 760);
        page.show();
        page.showDiagnosis(diagnose(input));
        auto* tree = page.findChild<QTreeWidget*>(QStringLiteral("diagnosisFindings"));
        QTreeWidgetItem* busy = nullptr;
        for (int g = 0; g < tree->topLevelItemCount(); ++g)
            for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i)
                if (tree->topLevelItem(g)->child(i)->data(0, Qt::UserRole) == QStringLiteral("encoder-busy"))
                    busy = tree->topLevelItem(g)->child(i);
        QVERIFY(busy);
        tree->setCurrentItem(busy);
        const QString detail = page.findChild<QLabel*>(QStringLiteral("findingDetail"))->text();
        QVERIFY2(
            detail.contains(QStringLiteral("its own status page says: version 8.1, 14 videos waiting, 2 at a "
                                           "time, encoding now, 1.5 GiB of 8.0 GiB memory free")),
            qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("Watch a backup encoder")), qPrintable(detail));
        saveScreenshot(page, QStringLiteral("diagnose-encoder-busy"));
    }

    // Where the tool can act, the finding has a button; a click asks for that action.
    void actionButtonsAskForTheAction() {
        DiagnosePage page;
        page.show();
        page.showDiagnosis(diagnose(seedInput(SeedState::CardAfterSwitch)));
        QSignalSpy asked(&page, &DiagnosePage::actionRequested);
        auto* clear = page.findChild<QPushButton*>(QStringLiteral("action-cached-cards"));
        QVERIFY(clear);
        QTest::mouseClick(clear, Qt::LeftButton);
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.first().first().value<FindingAction::Kind>(), FindingAction::Kind::ClearCaches);
        // What the tool cannot do itself is said as a line to do, not offered as a button.
        page.showDiagnosis(diagnose(seedInput(SeedState::MediaUnreachable)));
        QVERIFY(page.findChild<QPushButton*>(QStringLiteral("action-media-server-unreachable")));
        page.showDiagnosis(diagnose(seedInput(SeedState::EncoderDown)));
        QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("action-backup-available")));
    }

    void stepsShowProgressAndCancel() {
        DiagnosePage page;
        page.show();
        QSignalSpy cancel(&page, &DiagnosePage::cancelRequested);
        page.showStepStarted(DiagnosisRun::Step::Site);
        auto* cancelButton = page.findChild<QPushButton*>(QStringLiteral("cancelDiagnosisButton"));
        QVERIFY(cancelButton->isEnabled());
        QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("diagnoseButton"))->isEnabled());
        auto* steps = page.findChild<QTreeWidget*>(QStringLiteral("diagnosisSteps"));
        QCOMPARE(steps->topLevelItem(0)->text(1), QStringLiteral("running…"));
        page.showStepFinished(DiagnosisRun::Step::Site, QStringLiteral("2 lives checked"));
        QCOMPARE(steps->topLevelItem(0)->text(1), QStringLiteral("2 lives checked"));
        QTest::mouseClick(cancelButton, Qt::LeftButton);
        QCOMPARE(cancel.count(), 1);
        Diagnosis d = diagnose(seedInput(SeedState::EncoderDown));
        d.cancelled = true;
        page.showDiagnosis(d);
        QVERIFY(!cancelButton->isEnabled());
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("diagnosisSummary"))
                    ->text()
                    .startsWith(QStringLiteral("Cancelled")));
    }

    // The shift report asks for its time range first; a range that ends before it starts is refused there.
    void shiftReportAsksForARange() {
        DiagnosePage page;
        page.show();
        QSignalSpy asked(&page, &DiagnosePage::shiftReportRequested);
        bool seen = false;
        QTimer::singleShot(200, &page, [&] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            if (!dialog || dialog->objectName() != QStringLiteral("shiftReportDialog"))
                return;
            seen = true;
            const QList<QDateTimeEdit*> edits = dialog->findChildren<QDateTimeEdit*>();
            if (edits.size() == 2)
                edits[0]->setDateTime(edits[1]->dateTime().addSecs(3600)); // from after to
            saveScreenshot(*dialog, QStringLiteral("diagnose-shift-dialog"));
            dialog->accept();
        });
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("shiftReportButton")), Qt::LeftButton);
        QVERIFY(seen);
        QCOMPARE(asked.count(), 0);
        QCOMPARE(page.findChild<QLabel*>(QStringLiteral("exportStatus"))->text(),
                 QStringLiteral("The shift must end after it starts."));
    }

    void exportWritesTheReport_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("html") << QStringLiteral("report.html");
        QTest::newRow("pdf") << QStringLiteral("report.pdf");
    }
    void exportWritesTheReport() {
        QFETCH(QString, name);
        QVERIFY(m_dir.isValid());
        DiagnosePage page;
        page.show();
        page.showDiagnosis(diagnose(seedInput(SeedState::EncoderDown)));
        QSignalSpy finished(&page, &DiagnosePage::exportFinished);
        const QString path = m_dir.filePath(name);
        page.exportTo(path);
        QVERIFY(page.isExporting() || finished.count() == 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(finished.first().at(1).value<Error>().code.isEmpty());
        QVERIFY(QFile(path).size() > 1000);
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("exportStatus"))
                    ->text()
                    .startsWith(QStringLiteral("Written")));
    }
};

QTEST_MAIN(TestDiagnosePage)
#include "tst_diagnosepage.moc"
