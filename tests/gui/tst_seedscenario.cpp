// The seed scenario end to end, through the real window offscreen: the site's encoder is down and the
// gallery shows ONLINE cards → the dashboard says so → one click starts the stand-in → the admin
// points the site at it → one click clears the caches → the tiles turn to real frames. Screenshots of every
// page on the way.
#include "clippedtext.h"
#include "diagnosis/sitefinding.h"
#include "fakeencoder.h"
#include "freeport.h"
#include "generator/standincontroller.h"
#include "livedetailwindow.h"
#include "livesmodel.h"
#include "livespage.h"
#include "livevideoview.h"
#include "mainwindow.h"
#include "memorysecretstore.h"
#include "requirefixture.h"
#include "screenshots.h"
#include "session/sitesession.h"
#include "settings.h"
#include "sitesimulator.h"
#include "streamstack.h"
#include "switchstepsdialog.h"
#include "tilepreview.h"
#include "workspace.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace avld;
using namespace avld::test;

namespace {

constexpr int kBadgeRole = Qt::UserRole + 14; // LivesModel::BadgeRole
constexpr int kRealBadge = 0;                 // TileBadge::Real

int realTiles(QAbstractItemModel* model) {
    int real = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        real += model->index(row, 0).data(kBadgeRole).toInt() == kRealBadge ? 1 : 0;
    return real;
}

} // namespace

class TestSeedScenario : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    StreamStack m_stack;
    std::unique_ptr<FakeEncoder> m_encoder;
    std::unique_ptr<SiteSimulator> m_site;
    MemorySecretStore m_secrets;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Workspace> m_workspace;

    static QWidget* liveDetailWindow() {
        for (QWidget* widget : QApplication::topLevelWidgets())
            if (widget->objectName() == QLatin1String("liveDetail"))
                return widget;
        return nullptr;
    }

    QLabel* findingLabel() const { return m_window->findChild<QLabel*>(QStringLiteral("findingLabel")); }
    QPushButton* findingAction() const {
        return m_window->findChild<QPushButton*>(QStringLiteral("findingAction"));
    }

    void shoot(MainWindow::Page page, const QString& name) {
        m_window->showPage(page);
        QTest::qWait(100);
        avld::test::saveScreenshot(*m_window, name);
    }

private Q_SLOTS:
    void initTestCase() {
        if (!QFile::exists(QStringLiteral(AVLD_REFERENCE_IMAGES "/avideo-OnAir.jpg")))
            AVLD_FIXTURE_MISSING("the shared reference images (AVideo's cards) are not beside the project");
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        const QList<std::pair<QString, QString>> lives{
            {QStringLiteral("seed-1"), QStringLiteral("Morning show")},
            {QStringLiteral("seed-2"), QStringLiteral("Workshop")},
            {QStringLiteral("seed-3"), QStringLiteral("City cam")}};
        for (const auto& live : lives)
            if (const Status failed = m_stack.publish({.key = live.first}); !failed.ok())
                QFAIL(qPrintable(failed.error().toString()));
        FakeEncoder::Options encoder;
        encoder.mode = FakeEncoder::Mode::Down;
        encoder.referenceImagesDir = QStringLiteral(AVLD_REFERENCE_IMAGES);
        m_encoder = std::make_unique<FakeEncoder>(encoder);
        QVERIFY(m_encoder->listen());
        SiteSimulator::Options options;
        options.statUrl = m_stack.statUrl();
        options.playerServer = QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(m_stack.httpPort()));
        options.encoderUrl = m_encoder->url().toString();
        options.referenceImagesDir = QStringLiteral(AVLD_REFERENCE_IMAGES);
        options.webSiteTitle = QStringLiteral("Seed scenario");
        m_site = std::make_unique<SiteSimulator>(options);
        QVERIFY(m_site->listen());
        // One live per user: AVideo finds a live's picture by its user (§1.2 step 4).
        const QStringList users{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")};
        for (qsizetype i = 0; i < lives.size(); ++i)
            m_site->addLive({.key = lives.at(i).first, .user = users.at(i), .title = lives.at(i).second});

        m_settings = std::make_unique<Settings>(
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        QVERIFY(m_settings->set(Setting::FailuresBeforeDown, 1).ok());
        QVERIFY(m_settings->set(Setting::LivesRefreshSeconds, 3600).ok());
        QVERIFY(m_settings->set(Setting::GeneratorPort, int(freeLoopbackPort())).ok());
        m_window = std::make_unique<MainWindow>(*m_settings);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        SiteProfile profile;
        profile.id = QStringLiteral("seed");
        profile.displayName = QStringLiteral("Seed scenario");
        profile.siteUrl = m_site->siteUrl();
        profile.statUrl = m_stack.statUrl();
        profile.playerServer = options.playerServer;
        m_workspace = std::make_unique<Workspace>(*m_window, *m_settings, profile, m_secrets);
        m_workspace->open(QStringLiteral("admin"), QStringLiteral("admin123"));
    }

    void cleanupTestCase() {
        m_workspace.reset();
        m_window.reset();
        m_site.reset();
        m_stack.stop();
    }

    void dashboardSaysTheEncoderIsDown() {
        // Named with its port: on one host, the port tells encoders apart (a stand-in listens on 8091).
        const QString named =
            QStringLiteral("Your encoder 127.0.0.1:%1 is offline since").arg(m_encoder->port());
        QTRY_VERIFY_WITH_TIMEOUT(findingLabel()->text().startsWith(named), 60000);
        QVERIFY2(findingLabel()->text().contains(QStringLiteral("so 3 lives show the ONLINE card")),
                 qPrintable(findingLabel()->text()));
        QCOMPARE(findingAction()->text(), QStringLiteral("Start the stand-in"));
        shoot(MainWindow::Page::Dashboard, QStringLiteral("app-dashboard-encoder-down"));
        shoot(MainWindow::Page::Lives, QStringLiteral("app-lives-cards"));
        shoot(MainWindow::Page::Encoders, QStringLiteral("app-encoders"));
        // The dashboard's health tile has the site's score once the check is in, and it is poor: every live
        // shows a card and the encoder is down. Each tile carries its live's score.
        auto* health = m_window->findChild<QLabel*>(QStringLiteral("healthValue"));
        QTRY_VERIFY_WITH_TIMEOUT(health->text().endsWith(QStringLiteral("/100")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(health->text().section(QLatin1Char('/'), 0, 0).toInt() < 30, 10000);
        auto* view = m_window->findChild<QListView*>(QStringLiteral("livesView"));
        QVERIFY(view && view->model()->rowCount() == 3);
        for (int row = 0; row < 3; ++row)
            QCOMPARE(view->model()->index(row, 0).data(LivesModel::HealthRole).toInt(), 40);
    }

    // The Diagnose page walks the checklist in the window: the lives and the encoder are critical, the
    // stand-in is the action, and the step list says what ran.
    void diagnosePageExplains() {
        m_window->showPage(MainWindow::Page::Diagnose);
        QWidget* page = m_window->pageWidget(MainWindow::Page::Diagnose);
        QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("diagnoseButton")), Qt::LeftButton);
        auto* score = page->findChild<QLabel*>(QStringLiteral("diagnosisScore"));
        QTRY_VERIFY_WITH_TIMEOUT(score->text() != QStringLiteral("—"), 120000);
        auto* tree = page->findChild<QTreeWidget*>(QStringLiteral("diagnosisFindings"));
        QVERIFY(tree->topLevelItemCount() > 0);
        QVERIFY2(tree->topLevelItem(0)->text(0).startsWith(QStringLiteral("Critical")),
                 qPrintable(tree->topLevelItem(0)->text(0)));
        QStringList critical;
        for (int i = 0; i < tree->topLevelItem(0)->childCount(); ++i)
            critical << tree->topLevelItem(0)->child(i)->data(0, Qt::UserRole).toString();
        QVERIFY2(critical.mid(0, 2) == (QStringList{"live-card", "encoder-down"}),
                 qPrintable(critical.join(u' ')));
        QVERIFY(page->findChild<QPushButton*>(QStringLiteral("action-live-card")));
        shoot(MainWindow::Page::Diagnose, QStringLiteral("app-diagnose"));
    }

    // The port is taken: the start fails, the Stand-in page opens with why, and "What happened" says so.
    void aStartThatFailsShowsWhy() {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::Any, quint16(m_settings->get(Setting::GeneratorPort))));
        m_window->showPage(MainWindow::Page::Dashboard);
        QCOMPARE(findingAction()->text(), QStringLiteral("Start the stand-in"));
        QTest::mouseClick(findingAction(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), MainWindow::Page::Generator, 15000);
        QVERIFY(!m_workspace->standIn().isRunning());
        auto* timeline = m_window->findChild<QListWidget*>(QStringLiteral("timeline"));
        QVERIFY(timeline);
        QVERIFY(!timeline->findItems(QStringLiteral("The stand-in could not start"), Qt::MatchContains)
                     .isEmpty());
        shoot(MainWindow::Page::Generator, QStringLiteral("app-standin-start-failed"));
        squatter.close();
        m_window->showPage(MainWindow::Page::Dashboard);
        QCOMPARE(findingAction()->text(), QStringLiteral("Start the stand-in")); // still the next step
    }

    void oneClickStartsTheGenerator() {
        m_window->showPage(MainWindow::Page::Dashboard);
        QTest::mouseClick(findingAction(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->standIn().isRunning(), 15000);
        // The next step appears where the admin is: the dashboard stays.
        QCOMPARE(m_window->currentPage(), MainWindow::Page::Dashboard);
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->overview().standInRunning, 5000);
        QVERIFY(!m_workspace->overview().standInUrl.isEmpty());
        m_window->showPage(MainWindow::Page::Dashboard);
        QTRY_COMPARE_WITH_TIMEOUT(findingAction()->text(), QStringLiteral("Switch the site to it…"), 5000);

        // The switch shows the admin the exact steps (AVideo's form is not changed remotely), with the secret
        // masked and a Copy button that gives the whole URL.
        QString steps;
        QString copied;
        QTimer::singleShot(300, this, [&] {
            auto* dialog = qobject_cast<SwitchStepsDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            steps = dialog->findChild<QLabel*>(QStringLiteral("switchSteps"))->text();
            QGuiApplication::clipboard()->clear();
            QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("copyUrlButton")),
                              Qt::LeftButton);
            copied = QGuiApplication::clipboard()->text();
            avld::test::saveScreenshot(*dialog, QStringLiteral("app-switch-steps"));
            QTest::keyClick(dialog, Qt::Key_Escape); // Esc closes it
        });
        QTest::mouseClick(findingAction(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!steps.isEmpty(), 5000);
        const QUrl standIn = m_workspace->overview().standInUrl;
        QVERIFY2(steps.contains(QStringLiteral("%1:%2/").arg(standIn.host()).arg(standIn.port())),
                 qPrintable(steps));
        QVERIFY2(!steps.contains(m_workspace->standIn().config().pathPrefix),
                 "the secret is shown in the steps");
        QCOMPARE(copied, standIn.toString());
        QTRY_VERIFY_WITH_TIMEOUT(!QApplication::activeModalWidget(), 3000);
    }

    void switchedAndClearedTheTilesTurnReal() {
        // The admin follows the steps in the site's admin pages, then says so in the same dialog.
        const QUrl standIn = m_workspace->overview().standInUrl;
        m_site->setEncoderUrl(standIn.toString());
        QTimer::singleShot(300, this, [&] {
            if (auto* dialog = qobject_cast<SwitchStepsDialog*>(QApplication::activeModalWidget()))
                QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("checkNowButton")),
                                  Qt::LeftButton);
        });
        m_window->showPage(MainWindow::Page::Dashboard);
        QTest::mouseClick(findingAction(), Qt::LeftButton);

        // The app reads the site's Encoder URL again, sees its own stand-in there and offers the cache clear.
        QMessageBox* switched = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((switched = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) &&
                                     switched->objectName() == QStringLiteral("switchedDialog"),
                                 30000);
        QVERIFY(m_workspace->siteUsesStandIn());
        QVERIFY2(switched->informativeText().contains(QStringLiteral("5 minutes")),
                 qPrintable(switched->informativeText()));
        avld::test::saveScreenshot(*switched, QStringLiteral("app-switched-offer-clear"));
        QTest::mouseClick(switched->findChild<QPushButton*>(QStringLiteral("clearAfterSwitchButton")),
                          Qt::LeftButton);
        QCOMPARE(m_window->currentPage(), MainWindow::Page::Cache);

        auto* view = m_window->findChild<QListView*>(QStringLiteral("livesView"));
        QVERIFY(view);
        QTRY_COMPARE_WITH_TIMEOUT(realTiles(view->model()), 3, 90000);
        shoot(MainWindow::Page::Cache, QStringLiteral("app-cache-after-switch"));
        m_window->showPage(MainWindow::Page::Dashboard);
        QTRY_VERIFY_WITH_TIMEOUT(
            findingLabel()->text() ==
                QStringLiteral("All 3 lives show real frames, from this computer's stand-in."),
            30000);
        // What happened, on the dashboard, newest first, the secret masked.
        auto* timeline = m_window->findChild<QListWidget*>(QStringLiteral("timeline"));
        QVERIFY(timeline);
        const auto happened = [timeline] {
            QStringList events;
            for (int row = 0; row < timeline->count(); ++row)
                events << timeline->item(row)->text();
            return events.join(u'\n');
        };
        for (const char* expected : {"The stand-in started at", "The site's Encoder URL changed to",
                                     "The site's live caches were cleared"})
            QTRY_VERIFY2_WITH_TIMEOUT(happened().contains(QString::fromUtf8(expected)),
                                      qPrintable(happened()), 30000);
        QVERIFY2(!happened().contains(m_workspace->standIn().config().pathPrefix.section(u'/', 1, 1)),
                 qPrintable(happened()));
        shoot(MainWindow::Page::Dashboard, QStringLiteral("app-dashboard-fixed"));
        shoot(MainWindow::Page::Lives, QStringLiteral("app-lives-real"));

        // Verification through the window meets all three checks: URL, requests to this run, its marker.
        m_window->showPage(MainWindow::Page::Generator);
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("verifyButton")), Qt::LeftButton);
        auto* verdict = m_window->findChild<QLabel*>(QStringLiteral("verificationLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(verdict->text().startsWith(QStringLiteral("the site now serves")), 30000);
        QVERIFY2(verdict->text().count(QStringLiteral("✓")) == 3, qPrintable(verdict->text()));
        shoot(MainWindow::Page::Generator, QStringLiteral("app-generator"));
        shoot(MainWindow::Page::Log, QStringLiteral("app-log"));
        shoot(MainWindow::Page::Settings, QStringLiteral("app-settings"));
    }

    // At 1024x700 every page fits (the window's minimum width at most 1000 px, the stand-in's URL shown)
    // and no label or table cell has its text cut, as tst_palettes measures contrast.
    void everyPageFitsAt1024x700WithoutClippedText() {
        QVERIFY(m_workspace->standIn().isRunning()); // its URL is the widest thing on the Stand-in page
        const QSize before = m_window->size();
        m_window->resize(1024, 700);
        QStringList problems;
        for (const MainWindow::Page page : MainWindow::pages()) {
            m_window->showPage(page);
            QTest::qWait(150);
            const int minimum = m_window->minimumSizeHint().width();
            qInfo().noquote() << "page" << MainWindow::pageTitle(page) << "minimum width"
                              << m_window->pageWidget(page)->minimumSizeHint().width();
            if (minimum > 1000)
                problems << QStringLiteral("%1: the window cannot be narrower than %2 px")
                                .arg(MainWindow::pageTitle(page))
                                .arg(minimum);
            for (const QString& clipped : avld::test::clippedTexts(*m_window->pageWidget(page)))
                problems << QStringLiteral("%1: %2").arg(MainWindow::pageTitle(page), clipped);
            avld::test::saveScreenshot(*m_window, QStringLiteral("app-1024x700-%1").arg(int(page)));
        }
        m_window->resize(before);
        for (const QString& problem : problems)
            qWarning().noquote() << problem;
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 problem(s), listed above").arg(problems.size())));
    }

    // Through the window's wiring: resting the pointer on a tile plays a clip grabbed from that live.
    void hoveringATilePlaysItsStream() {
        m_window->showPage(MainWindow::Page::Lives);
        auto* lives = qobject_cast<LivesPage*>(m_window->pageWidget(MainWindow::Page::Lives));
        auto* view = m_window->findChild<QListView*>(QStringLiteral("livesView"));
        QVERIFY(lives && view);
        const QModelIndex first = view->model()->index(0, 0);
        QTest::mouseMove(view->viewport(), view->visualRect(first).center());
        QTRY_COMPARE_WITH_TIMEOUT(lives->preview().state(), TilePreview::State::Playing, 20000);
        QCOMPARE(lives->preview().key(), first.data(LivesModel::KeyRole).toString());
        QVERIFY(lives->preview().frameCount() >= 5);
        shoot(MainWindow::Page::Lives, QStringLiteral("app-lives-preview"));
        QTest::mouseMove(view->viewport(),
                         QPoint(view->viewport()->width() - 2, view->viewport()->height() - 2));
        QTRY_COMPARE(lives->preview().state(), TilePreview::State::Idle);
    }

    // Through the window's wiring: opening a tile shows the live detail with the stream playing, frame after
    // frame, and closing it stops the stream.
    void openingALiveShowsItPlaying() {
        m_window->showPage(MainWindow::Page::Lives);
        auto* view = m_window->findChild<QListView*>(QStringLiteral("livesView"));
        QVERIFY(view);
        const QModelIndex first = view->model()->index(0, 0);
        // A person's double-click: QTest's alone lacks the first press the view checks for.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
        LiveDetailWindow* detail = nullptr;
        QTRY_VERIFY((detail = qobject_cast<LiveDetailWindow*>(liveDetailWindow())) && detail->isVisible());
        QCOMPARE(detail->liveKey(), first.data(LivesModel::KeyRole).toString());
        auto* video = detail->findChild<LiveVideoView*>(QStringLiteral("liveVideo"));
        QTRY_VERIFY_WITH_TIMEOUT(!video->frame().isNull(), 20000);
        const qint64 firstPts = video->frame().ptsMs;
        QTRY_VERIFY_WITH_TIMEOUT(video->frame().ptsMs >= firstPts + 1000, 20000); // it plays on
        QVERIFY(video->message().isEmpty());
        avld::test::saveScreenshot(*detail, QStringLiteral("app-live-detail"));
        detail->close();
        QVERIFY(detail->playing().isEmpty());
    }

    // The site now asks this stand-in for its thumbnails: Stop, Quit and closing the window ask first, and
    // keeping it is the default. Once the site points elsewhere, Stop just stops.
    void stoppingTheStandInTheSiteUsesAsksFirst() {
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->siteUsesStandIn(), 15000);
        m_window->showPage(MainWindow::Page::Generator);
        auto* startStop = m_window->findChild<QPushButton*>(QStringLiteral("startStopButton"));
        QVERIFY(startStop);
        // Answers the question the next action asks with `button`; returns what it said.
        const auto answer = [this](const char* button, QString* said) {
            QTimer::singleShot(300, this, [button, said] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                if (!box || box->objectName() != QStringLiteral("stopStandinDialog"))
                    return;
                *said = box->text() + QLatin1Char('\n') + box->informativeText();
                if (QString::fromLatin1(button) == QStringLiteral("keepStandinButton"))
                    avld::test::saveScreenshot(*box, QStringLiteral("app-stop-standin-question"));
                QTest::mouseClick(box->findChild<QPushButton*>(QString::fromLatin1(button)), Qt::LeftButton);
            });
        };

        QString said;
        answer("keepStandinButton", &said);
        QTest::mouseClick(startStop, Qt::LeftButton);
        QVERIFY2(said.contains(QStringLiteral("Stopping it stops it")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("ONLINE card")), qPrintable(said));
        QVERIFY2(!said.contains(m_workspace->standIn().config().pathPrefix), "the secret is not shown");
        QVERIFY(m_workspace->standIn().isRunning());

        said.clear();
        answer("keepStandinButton", &said);
        m_window->findChild<QAction*>(QStringLiteral("quitAction"))->trigger();
        QVERIFY2(said.contains(QStringLiteral("Quitting stops it")), qPrintable(said));
        said.clear();
        answer("keepStandinButton", &said);
        QVERIFY(!m_window->close());
        QVERIFY(!said.isEmpty());
        QVERIFY(m_window->isVisible());
        QVERIFY(m_workspace->standIn().isRunning());

        said.clear();
        answer("stopStandinButton", &said);
        QTest::mouseClick(startStop, Qt::LeftButton);
        QVERIFY(!said.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->standIn().phase(), StandInController::Phase::Stopped, 10000);

        // Pointed back at its old encoder, the site no longer uses the stand-in: Stop asks nothing.
        QTest::mouseClick(startStop, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->standIn().isRunning(), 15000);
        m_site->setEncoderUrl(m_encoder->url().toString());
        m_workspace->session().refresh();
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->session().encoderUrl(), m_encoder->url(), 15000);
        QVERIFY(!m_workspace->siteUsesStandIn());
        said.clear();
        answer("keepStandinButton", &said);
        QTest::mouseClick(startStop, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_workspace->standIn().isRunning(), 10000);
        QTest::qWait(400);
        QVERIFY2(said.isEmpty(), qPrintable(said));
    }
};

QTEST_MAIN(TestSeedScenario)
#include "tst_seedscenario.moc"
