#include "fakeencoder.h"
#include "freeport.h"
#include "livedetailwindow.h"
#include "livesmodel.h"
#include "livespage.h"
#include "livetiledelegate.h"
#include "mainwindow.h"
#include "memorysecretstore.h"
#include "mockclock.h"
#include "readablecolours.h"
#include "requirefixture.h"
#include "screenshots.h"
#include "session/sitesession.h"
#include "settings.h"
#include "sitesimulator.h"
#include "streamstack.h"
#include "tilepicture.h"
#include "workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHelpEvent>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

#include <cmath>

using namespace avld;
using namespace avld::test;

namespace {

const QString kMoving = QStringLiteral("moving-key");
const QString kStill = QStringLiteral("still-key");
const QString kBlack = QStringLiteral("black-key");

bool isStillFill(const QColor& c) {
    return c.red() > 80 && c.red() < 140 && c.green() < 60 && c.blue() > 120;
}

} // namespace

// The Lives page of the real window on a site whose lives are published for real: one whose picture moves,
// one whose whole picture is frozen, one black. Refreshed with the page's own button, the still live's tile
// shows the "still" pill with how long, the black one the "black" pill, the moving one neither; the tooltip
// explains and the live detail shows the Picture fact. Screenshots in both palettes.
class TestStillTiles : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    MockClock m_clock;
    StreamStack m_stack;
    std::unique_ptr<FakeEncoder> m_encoder;
    std::unique_ptr<SiteSimulator> m_site;
    MemorySecretStore m_secrets;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Workspace> m_workspace;
    QPalette m_systemPalette;

    QListView* view() const { return m_window->findChild<QListView*>(QStringLiteral("livesView")); }
    QModelIndex tileOf(const QString& key) const {
        const QAbstractItemModel* model = view()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 0).data(LivesModel::KeyRole).toString() == key)
                return model->index(row, 0);
        return {};
    }
    QRect slotOf(const QString& key) const {
        const auto* delegate = static_cast<LiveTileDelegate*>(view()->itemDelegate());
        return delegate->previewRect(view()->visualRect(tileOf(key)), view()->font());
    }
    LivePicture pictureOf(const QString& key) const {
        return tileOf(key).data(LivesModel::PictureRole).value<LivePicture>();
    }
    QImage viewportShot() const {
        QImage shot = view()->viewport()->grab().toImage();
        shot.setDevicePixelRatio(1);
        return shot;
    }
    void refreshWithTheButton() {
        auto* button = m_window->findChild<QPushButton*>(QStringLiteral("refreshButton"));
        QVERIFY(button);
        const int generations = m_workspace->site().session().isRefreshing() ? 2 : 1;
        int checked = 0;
        const QMetaObject::Connection c = connect(&m_workspace->site(), &SiteWorkspace::checked, this,
                                                  [&](const SiteCheckReport&) { ++checked; });
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(checked >= generations, 60000);
        disconnect(c);
    }
    bool tilesReady() const {
        const QModelIndex moving = tileOf(kMoving);
        const QModelIndex still = tileOf(kStill);
        const QModelIndex black = tileOf(kBlack);
        if (!moving.isValid() || !still.isValid() || !black.isValid())
            return false;
        const auto real = [](const QModelIndex& i) {
            return TileBadge(i.data(LivesModel::BadgeRole).toInt()) == TileBadge::Real;
        };
        const LivePicture picture = pictureOf(kStill);
        return real(moving) && real(still) && picture.still() && picture.outlastsSegment() &&
               picture.stillForMs() >= 5000 && pictureOf(kBlack).black() &&
               pictureOf(kBlack).blackForMs() >= 5000;
    }
    Status startSite() {
        if (const Status failed = m_stack.start(); !failed.ok())
            return failed;
        const QSize size(640, 360);
        const QList<StreamSpec> specs{
            {.key = kMoving, .size = size},
            {.key = kStill, .size = size, .pictureFreezesAfterSeconds = 0},
            {.key = kBlack, .size = size, .pictureBlackAfterSeconds = 0},
        };
        for (const StreamSpec& spec : specs)
            if (const Status failed = m_stack.publish(spec, 20000, 2); !failed.ok())
                return failed;
        m_encoder = std::make_unique<FakeEncoder>(
            FakeEncoder::Options{.referenceImagesDir = QStringLiteral(AVLD_REFERENCE_IMAGES)});
        if (!m_encoder->listen())
            return Error{QStringLiteral("listen"), QStringLiteral("the fake encoder cannot listen"), {}};
        SiteSimulator::Options options;
        options.statUrl = m_stack.statUrl();
        options.playerServer = QUrl(QStringLiteral("http://127.0.0.1:%1/live").arg(m_stack.httpPort()));
        options.encoderUrl = m_encoder->url().toString();
        options.clock = &m_clock;
        options.referenceImagesDir = QStringLiteral(AVLD_REFERENCE_IMAGES);
        m_site = std::make_unique<SiteSimulator>(options);
        if (!m_site->listen())
            return Error{QStringLiteral("listen"), QStringLiteral("the site simulator cannot listen"), {}};
        m_site->addLive(
            {.key = kMoving, .user = QStringLiteral("mo"), .title = QStringLiteral("Moving live")});
        m_site->addLive({.key = kStill, .user = QStringLiteral("st"), .title = QStringLiteral("Still live")});
        m_site->addLive({.key = kBlack, .user = QStringLiteral("bl"), .title = QStringLiteral("Black live")});
        return {};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_systemPalette = QApplication::palette();
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
        QStandardPaths::setTestModeEnabled(true);
        if (!QFile::exists(QStringLiteral(AVLD_REFERENCE_IMAGES "/avideo-OnAir.jpg")))
            AVLD_FIXTURE_MISSING("the shared reference images are not beside this checkout");
        if (const Status failed = startSite(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));

        m_settings = std::make_unique<Settings>(
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        QVERIFY(m_settings->set(Setting::LivesRefreshSeconds, 3600).ok());
        QVERIFY(m_settings->set(Setting::GeneratorPort, int(freeLoopbackPort())).ok());
        m_window = std::make_unique<MainWindow>(*m_settings);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        SiteProfile profile;
        profile.id = QStringLiteral("still");
        profile.displayName = QStringLiteral("Still check");
        profile.siteUrl = m_site->siteUrl();
        m_workspace = std::make_unique<Workspace>(*m_window, *m_settings, profile, m_secrets);
        m_workspace->open(QStringLiteral("admin"), QStringLiteral("admin123"));
        const int place = int(MainWindow::pages().indexOf(MainWindow::Page::Lives));
        QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_1 + place), Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), MainWindow::Page::Lives);
        QTRY_VERIFY_WITH_TIMEOUT(view() && tileOf(kStill).isValid(), 60000);
        // The fake encoder's first answers are its placeholder, and one check sees one segment: again until
        // the thumbnails are real and the still picture outlasts a segment.
        QElapsedTimer waited;
        waited.start();
        while (!tilesReady() && waited.elapsed() < 120000) {
            m_clock.advanceMs(16 * 60 * 1000); // the placeholders AVideo cached expire
            QTest::qWait(1500);
            refreshWithTheButton();
        }
        QVERIFY2(tilesReady(),
                 "the tiles never showed real frames with a still picture longer than a segment");
        view()->selectionModel()->clear();
        QTest::mouseMove(view()->viewport(),
                         QPoint(view()->viewport()->width() - 4, view()->viewport()->height() - 4));
    }

    void cleanupTestCase() {
        m_workspace.reset();
        m_window.reset();
        QApplication::setPalette(m_systemPalette);
    }

    // The still live's tile carries the purple "still" pill over our frame, the black one the dark "black"
    // pill, in words and pixels, readable; the moving one neither.
    void theTilesShowThePills_data() {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void theTilesShowThePills() {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkPalette() : m_systemPalette);
        QCoreApplication::processEvents();
        const LivePicture still = pictureOf(kStill);
        QCOMPARE(tileOf(kStill).data(LivesModel::PictureStateRole).toInt(), int(LivePicture::State::Still));
        QVERIFY2(
            QRegularExpression(QStringLiteral("^still \\d+ s$")).match(TilePicture::label(still)).hasMatch(),
            qPrintable(TilePicture::label(still)));
        const LivePicture black = pictureOf(kBlack);
        QVERIFY2(
            QRegularExpression(QStringLiteral("^black \\d+ s$")).match(TilePicture::label(black)).hasMatch(),
            qPrintable(TilePicture::label(black)));
        QCOMPARE(pictureOf(kMoving).state, LivePicture::State::Moving);
        QVERIFY(TilePicture::label(pictureOf(kMoving)).isEmpty());

        const QImage shot = viewportShot();
        const QRect pill = TilePicture::overlayRect(slotOf(kStill), view()->font(), still);
        QVERIFY(!pill.isEmpty());
        QVERIFY(slotOf(kStill).contains(pill));
        const QColor fill = shot.pixelColor(pill.left() + pill.height() / 2, pill.top() + 3);
        QVERIFY2(isStillFill(fill), qPrintable(fill.name()));
        const double readable = textContrast(shot.copy(pill.adjusted(2, 2, -2, -2)));
        QVERIFY2(readable >= 4.5, qPrintable(QString::number(readable)));
        // The black pill: dark grey, with white text and a white rim that stand out on the black picture.
        const QRect blackPill = TilePicture::overlayRect(slotOf(kBlack), view()->font(), black);
        QVERIFY(slotOf(kBlack).contains(blackPill));
        const QColor blackFill =
            shot.pixelColor(blackPill.left() + blackPill.height() / 2, blackPill.top() + 3);
        QVERIFY2(qAbs(blackFill.red() - 0x21) < 8 && qAbs(blackFill.blue() - 0x21) < 8,
                 qPrintable(blackFill.name()));
        QVERIFY2(textContrast(shot.copy(blackPill.adjusted(2, 2, -2, -2))) >= 4.5,
                 "the black pill cannot be read");
        // The same corner of the moving tile: the picture, not a pill.
        const QRect other = pill.translated(slotOf(kMoving).topLeft() - slotOf(kStill).topLeft());
        QVERIFY(!isStillFill(shot.pixelColor(other.left() + other.height() / 2, other.top() + 3)));
        QVERIFY(TilePicture::infoText(still).startsWith(QStringLiteral("still ")));

        QVERIFY(!saveScreenshot(*m_window,
                                dark ? QStringLiteral("lives-still-dark") : QStringLiteral("lives-still"))
                     .isEmpty());
        QApplication::setPalette(m_systemPalette);
    }

    // Resting on the tile: the tooltip says how long, what it means and what to do.
    void theTooltipExplains() {
        const QRect tile = view()->visualRect(tileOf(kStill));
        QHelpEvent help(QEvent::ToolTip, tile.center(), view()->viewport()->mapToGlobal(tile.center()));
        QApplication::sendEvent(view()->viewport(), &help);
        const QString text = QToolTip::text();
        QToolTip::hideText();
        QVERIFY2(
            QRegularExpression(QStringLiteral("Picture: the same for \\d+ s — in every check since "
                                              "\\d\\d:\\d\\d:\\d\\d\\. The publisher's source is frozen: "
                                              "check the camera or the OBS scene"))
                .match(text)
                .hasMatch(),
            qPrintable(text));
    }

    // Enter on the tile opens the live detail: the picture among the facts, next to the sound.
    void theLiveDetailShowsThePicture() {
        view()->setFocus();
        view()->setCurrentIndex(tileOf(kStill));
        QTest::keyClick(view(), Qt::Key_Return);
        LiveDetailWindow* detail = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (QWidget* w : QApplication::topLevelWidgets())
                    if (auto* d = qobject_cast<LiveDetailWindow*>(w); d && d->isVisible())
                        detail = d;
                return detail != nullptr;
            }(),
            10000);
        QCOMPARE(detail->liveKey(), kStill);
        auto* fact = detail->findChild<QLabel*>(QStringLiteral("fact-picture"));
        QVERIFY(fact);
        QVERIFY2(QRegularExpression(
                     QStringLiteral(
                         "^still: the same picture for \\d+(\\.\\d)? s \\(since \\d\\d:\\d\\d:\\d\\d\\)$"))
                     .match(fact->text())
                     .hasMatch(),
                 qPrintable(fact->text()));
        QVERIFY(detail->findChild<QLabel*>(QStringLiteral("fact-sound")));
        QVERIFY(!saveScreenshot(*detail, QStringLiteral("live-detail-still")).isEmpty());
        detail->close();
    }
};

QTEST_MAIN(TestStillTiles)
#include "tst_stilltiles.moc"
