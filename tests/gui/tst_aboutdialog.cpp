#include "aboutdialog.h"
#include "screenshots.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace avld;

class TestAboutDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsQtAndFfmpegVersions() {
        AboutDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* versions = dialog.findChild<QLabel*>(QStringLiteral("versionsLabel"));
        QVERIFY(versions);
        QVERIFY2(versions->text().contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())),
                 qPrintable(versions->text()));
        QVERIFY2(versions->text().contains(
                     QRegularExpression(QStringLiteral("FFmpeg \\S+ \\(libavformat \\d+\\.\\d+\\.\\d+"))),
                 qPrintable(versions->text()));
        auto* icon = dialog.findChild<QLabel*>(QStringLiteral("iconLabel"));
        QVERIFY(icon && !icon->pixmap().isNull());
        QVERIFY(!test::saveScreenshot(dialog, QStringLiteral("about-dialog")).isEmpty());
    }

    void copiesVersionsToClipboard() {
        AboutDialog dialog;
        dialog.show();
        auto* copy = dialog.findChild<QPushButton*>(QStringLiteral("copyVersionsButton"));
        QVERIFY(copy);
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog.versionsText());
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
