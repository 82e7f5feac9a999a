#include "bitmapqt/qimagebridge.h"
#include "dashboardpage.h"
#include "screenshots.h"
#include "uitranslators.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace avld;

namespace {

QImage picture() {
    QImage image(160, 90, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, qRgb((x * 5) % 256, (y * 9) % 256, ((x + y) * 3) % 256));
    return image;
}

LiveEntry cardLive(int n) {
    LiveEntry entry;
    entry.key = QString::number(n);
    entry.site = SiteLive{};
    entry.site->title = QStringLiteral("Live %1").arg(n);
    entry.siteThumbnail = SiteThumbnail{};
    entry.siteThumbnail->cls = ThumbnailClass::OnlineCard;
    GrabResult grab;
    grab.frames.append(GrabbedFrame{fromQImage(picture())});
    entry.ourGrab = Result<GrabResult>(grab);
    return entry;
}

SiteOverview seedCase() {
    SiteOverview overview;
    overview.report = SiteCheckReport{};
    overview.report->startedAt = QDateTime::currentDateTime();
    for (int i = 0; i < 7; ++i)
        overview.report->lives.append(cardLive(i));
    overview.siteEncoderUrl = QUrl(QStringLiteral("https://encoder1.wwbn.net/"));
    EncoderSnapshot encoder;
    encoder.target.url = overview.siteEncoderUrl;
    encoder.target.name = QStringLiteral("encoder1.wwbn.net");
    encoder.state = EncoderState::Offline;
    encoder.since = QDateTime(QDate::currentDate(), QTime(14, 2));
    EncoderSnapshot backup;
    backup.target.url = QUrl(QStringLiteral("https://encoder2.wwbn.net/"));
    backup.state = EncoderState::Offline;
    overview.encoders = {encoder, backup};
    return overview;
}

} // namespace

class TestDashboardPage : public QObject {
    Q_OBJECT
    // English, as the program loads it: its plural forms ("7 lives").
    const UiTranslators m_english{QLocale(QLocale::English)};

private Q_SLOTS:
    void seedCaseSaysItAndOffersTheFix() {
        DashboardPage page;
        page.resize(1000, 520);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* finding = page.findChild<QLabel*>(QStringLiteral("findingLabel"));
        auto* action = page.findChild<QPushButton*>(QStringLiteral("findingAction"));
        QVERIFY(finding && action);
        QCOMPARE(finding->text(), QStringLiteral("Checking the site…"));
        QVERIFY(!action->isVisible());

        page.setOverview(seedCase());
        QCOMPARE(finding->text(),
                 QStringLiteral("Your encoder encoder1.wwbn.net is offline since 14:02, so 7 lives "
                                "show the ONLINE card. Start the stand-in and switch?"));
        QVERIFY(action->isVisible());
        QCOMPARE(action->text(), QStringLiteral("Start the stand-in"));
        QCOMPARE(page.findChild<QLabel*>(QStringLiteral("livesValue"))->text(), QStringLiteral("7 lives"));
        QCOMPARE(page.findChild<QLabel*>(QStringLiteral("encodersValue"))->text(),
                 QStringLiteral("0 online"));
        QCOMPARE(page.findChild<QLabel*>(QStringLiteral("standInValue"))->text(), QStringLiteral("Stopped"));
        avld::test::saveScreenshot(page, QStringLiteral("dashboard-seed"));

        QSignalSpy requested(&page, &DashboardPage::actionRequested);
        QTest::mouseClick(action, Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().at(0).value<SiteFinding::Action>(), SiteFinding::Action::StartStandIn);
        // The default button answers Enter too.
        action->setFocus();
        QTest::keyClick(action, Qt::Key_Space);
        QCOMPARE(requested.count(), 2);
    }

    // An encoder that is Online without a live to test frames with is counted as reachable, not online.
    void encodersTileTellsReachableFromOnline_data() {
        QTest::addColumn<QList<bool>>("framesTested"); // one Online encoder each
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("detailStart");
        QTest::newRow("only reachable") << QList<bool>{false} << QStringLiteral("1 reachable")
                                        << QStringLiteral("frames not tested: no live to ask for one\n");
        QTest::newRow("one of each") << QList<bool>{true, false} << QStringLiteral("1 online")
                                     << QStringLiteral("1 reachable, frames not tested\n");
        QTest::newRow("tested") << QList<bool>{true, true} << QStringLiteral("2 online")
                                << QStringLiteral("0 degraded");
    }

    void encodersTileTellsReachableFromOnline() {
        QFETCH(QList<bool>, framesTested);
        QFETCH(QString, value);
        QFETCH(QString, detailStart);
        SiteOverview overview;
        for (const bool tested : framesTested) {
            EncoderSnapshot encoder;
            encoder.target.url = QUrl(QStringLiteral("https://enc%1.example/").arg(overview.encoders.size()));
            encoder.state = EncoderState::Online;
            EncoderProbeReport report;
            report.record.health = ProbeHealth::Healthy;
            if (tested) {
                report.record.functionalMs = 120;
                report.record.frameClass = QStringLiteral("real-frame");
            }
            encoder.last = report;
            overview.encoders.append(encoder);
        }
        DashboardPage page;
        page.resize(1000, 520);
        page.setOverview(overview);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(page.findChild<QLabel*>(QStringLiteral("encodersValue"))->text(), value);
        const QList<QLabel*> labels = page.findChildren<QLabel*>();
        const bool found = std::any_of(labels.begin(), labels.end(),
                                       [&](QLabel* l) { return l->text().startsWith(detailStart); });
        QVERIFY2(found, qPrintable(detailStart));
        if (QTest::currentDataTag() == QByteArray("one of each"))
            avld::test::saveScreenshot(page, QStringLiteral("dashboard-reachable"));
    }

    void allGoodHidesTheAction() {
        DashboardPage page;
        SiteOverview overview;
        overview.report = SiteCheckReport{};
        page.setOverview(overview);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(page.finding().severity, Severity::Ok);
        QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("findingAction"))->isVisible());
    }
};

QTEST_MAIN(TestDashboardPage)
#include "tst_dashboardpage.moc"
