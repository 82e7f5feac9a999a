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
#include "soundsite.h"
#include "streamstack.h"
#include "tilesound.h"
#include "workspace.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QChartView>
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

const QString kLoud = SoundSite::loudKey;
const QString kSilent = SoundSite::silentKey;
const QString kMute = SoundSite::muteKey;

} // namespace

// The Lives page of the real window on a site whose lives are published for real: one with sound, one in
// digital silence, one without audio. Refreshed with the page's own button, the silent live's tile shows the
// muted-speaker overlay with how long it has been silent, the loud one a level meter, the tooltip explains,
// and the live detail shows the sound and its loudness line. Screenshots in both palettes.
class TestSilentTiles : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    MockClock m_clock;
    SoundSite m_sound;
    StreamStack& m_stack = m_sound.stack;
    std::unique_ptr<SiteSimulator>& m_site = m_sound.site;
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
        const QModelIndex loud = tileOf(kLoud);
        const QModelIndex silent = tileOf(kSilent);
        const QModelIndex mute = tileOf(kMute);
        if (!loud.isValid() || !silent.isValid() || !mute.isValid())
            return false;
        const auto real = [](const QModelIndex& i) {
            return TileBadge(i.data(LivesModel::BadgeRole).toInt()) == TileBadge::Real;
        };
        const LiveSound sound = silent.data(LivesModel::SoundRole).value<LiveSound>();
        return real(loud) && real(silent) && real(mute) && sound.silenceOutlastsSegment() &&
               sound.silentForMs() >= 5000;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_systemPalette = QApplication::palette();
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
        QStandardPaths::setTestModeEnabled(true);
        if (!QFile::exists(QStringLiteral(AVLD_REFERENCE_IMAGES "/avideo-OnAir.jpg")))
            AVLD_FIXTURE_MISSING("the shared reference images are not beside this checkout");
        if (const Status failed =
                m_sound.start(QSize(640, 360), &m_clock, QStringLiteral(AVLD_REFERENCE_IMAGES));
            !failed.ok())
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
        profile.id = QStringLiteral("silence");
        profile.displayName = QStringLiteral("Silence check");
        profile.siteUrl = m_site->siteUrl();
        m_workspace = std::make_unique<Workspace>(*m_window, *m_settings, profile, m_secrets);
        m_workspace->open(QStringLiteral("admin"), QStringLiteral("admin123"));
        // The Lives page, by its shortcut (Ctrl+ its place in the navigation).
        const int place = int(MainWindow::pages().indexOf(MainWindow::Page::Lives));
        QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_1 + place), Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), MainWindow::Page::Lives);
        QTRY_VERIFY_WITH_TIMEOUT(view() && tileOf(kSilent).isValid(), 60000);
        // The fake encoder's first answers are its placeholder, and one check hears one segment: again
        // until the thumbnails are real and the silence outlasts a segment.
        QElapsedTimer waited;
        waited.start();
        while (!tilesReady() && waited.elapsed() < 120000) {
            m_clock.advanceMs(16 * 60 * 1000); // the placeholders AVideo cached expire
            QTest::qWait(1500);
            refreshWithTheButton();
        }
        QVERIFY2(tilesReady(), "the tiles never showed real frames with a silence longer than a segment");
        // No tile selected or hovered: no preview plays over the frames in the pictures.
        view()->selectionModel()->clear();
        QTest::mouseMove(view()->viewport(),
                         QPoint(view()->viewport()->width() - 4, view()->viewport()->height() - 4));
    }

    void cleanupTestCase() {
        m_workspace.reset();
        m_window.reset();
        QApplication::setPalette(m_systemPalette);
    }

    // The silent live's tile carries the overlay over our frame, in words and pixels; the loud one a meter
    // and no overlay; the one without audio neither.
    void theSilentTileShowsTheOverlay_data() {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void theSilentTileShowsTheOverlay() {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkPalette() : m_systemPalette);
        QCoreApplication::processEvents();
        const QModelIndex silent = tileOf(kSilent);
        const LiveSound sound = silent.data(LivesModel::SoundRole).value<LiveSound>();
        QCOMPARE(sound.state, LiveSound::State::Silent);
        QCOMPARE(silent.data(LivesModel::SoundStateRole).toInt(), int(LiveSound::State::Silent));
        QCOMPARE(silent.data(LivesModel::SilentForRole).toLongLong(), sound.silentForMs());
        const QString label = TileSound::silentLabel(sound);
        QVERIFY2(QRegularExpression(QStringLiteral("^silent \\d+ s$")).match(label).hasMatch(),
                 qPrintable(label));

        const QImage shot = viewportShot();
        const QRect pill = TileSound::silentOverlayRect(slotOf(kSilent), view()->font(), sound);
        QVERIFY(!pill.isEmpty());
        QVERIFY(slotOf(kSilent).contains(pill));
        // The fill: deep orange, whatever the picture under it.
        const QColor fill = shot.pixelColor(pill.left() + pill.height() / 2, pill.top() + 2);
        QVERIFY2(fill.red() > 170 && fill.green() < 80 && fill.blue() < 40, qPrintable(fill.name()));
        const double readable = textContrast(shot.copy(pill.adjusted(2, 2, -2, -2)));
        QVERIFY2(readable >= 4.5, qPrintable(QString::number(readable)));
        // The same corner of the loud and the mute tiles: the picture, not the overlay.
        for (const QString& key : {kLoud, kMute}) {
            const QRect other = pill.translated(slotOf(key).topLeft() - slotOf(kSilent).topLeft());
            const QColor there = shot.pixelColor(other.left() + other.height() / 2, other.top() + 2);
            QVERIFY2(!(there.red() > 170 && there.green() < 80 && there.blue() < 40), qPrintable(key));
        }
        // The loud tile's meter: the sine at -21 dBFS RMS fills about two thirds of it, in green.
        const QRect loudSlot = slotOf(kLoud);
        const int meterX = loudSlot.right() - 5 - qMax(5, loudSlot.height() / 28) / 2;
        const int meterBottom = loudSlot.bottom() - 9;
        const QColor low = shot.pixelColor(meterX, meterBottom - 3);
        QVERIFY2(low.green() > 130 && low.red() < 120, qPrintable(low.name()));
        // The info line says it too.
        QVERIFY(TileSound::infoText(tileOf(kLoud).data(LivesModel::SoundRole).value<LiveSound>())
                    .endsWith(QStringLiteral("LUFS")));
        QCOMPARE(TileSound::infoText(tileOf(kMute).data(LivesModel::SoundRole).value<LiveSound>()),
                 QStringLiteral("no audio"));

        QVERIFY(!saveScreenshot(*m_window,
                                dark ? QStringLiteral("lives-silent-dark") : QStringLiteral("lives-silent"))
                     .isEmpty());
        QApplication::setPalette(m_systemPalette);
    }

    // Resting on the tile: the tooltip says how long, what it means and what to do.
    void theTooltipExplains() {
        const QRect tile = view()->visualRect(tileOf(kSilent));
        QHelpEvent help(QEvent::ToolTip, tile.center(), view()->viewport()->mapToGlobal(tile.center()));
        QApplication::sendEvent(view()->viewport(), &help);
        const QString text = QToolTip::text();
        QToolTip::hideText();
        QVERIFY2(QRegularExpression(
                     QStringLiteral("Sound: silent for \\d+ s — nothing above -60 dBFS in any check "
                                    "since \\d\\d:\\d\\d:\\d\\d\\. Check the streamer's microphone or "
                                    "audio source in OBS"))
                     .match(text)
                     .hasMatch(),
                 qPrintable(text));
    }

    // Enter on the tile opens the live detail: the sound among the facts, the loudness over time in the
    // chart.
    void theLiveDetailShowsTheSound() {
        view()->setFocus();
        view()->setCurrentIndex(tileOf(kSilent));
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
        QCOMPARE(detail->liveKey(), kSilent);
        auto* fact = detail->findChild<QLabel*>(QStringLiteral("fact-sound"));
        QVERIFY(fact);
        QVERIFY2(fact->text().startsWith(QStringLiteral("silent for ")), qPrintable(fact->text()));
        auto* chartView = detail->findChild<QChartView*>(QStringLiteral("liveChart"));
        QVERIFY(chartView);
        bool loudnessAxis = false;
        for (QAbstractAxis* axis : chartView->chart()->axes())
            loudnessAxis |= axis->titleText() == QStringLiteral("LUFS");
        QVERIFY(loudnessAxis);
        QVERIFY(!saveScreenshot(*detail, QStringLiteral("live-detail-silent")).isEmpty());
        detail->close();
    }
};

QTEST_MAIN(TestSilentTiles)
#include "tst_silenttiles.moc"
