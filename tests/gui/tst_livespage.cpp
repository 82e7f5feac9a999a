#include "bitmapqt/qimagebridge.h"
#include "livesfiltermodel.h"
#include "livesmodel.h"
#include "livespage.h"
#include "livetiledelegate.h"
#include "livetilefixtures.h"
#include "screenshots.h"
#include "tilepreview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QStackedWidget>
#include <QStyleFactory>
#include <QTest>
#include <QToolButton>
#include <QToolTip>

using namespace avld;

namespace {

#ifdef AVLD_REFERENCE_IMAGES
const QString kReferenceDir = QStringLiteral(AVLD_REFERENCE_IMAGES);
#else
const QString kReferenceDir;
#endif

// Twelve lives as a troubled site shows them: real frames among ONLINE and OFFLINE cards.
QList<LiveTile> mixedTiles() {
    const TileBadge badges[] = {TileBadge::Real,        TileBadge::OnlineCard, TileBadge::Real,
                                TileBadge::OfflineCard, TileBadge::OnlineCard, TileBadge::Real,
                                TileBadge::Frozen,      TileBadge::OnlineCard, TileBadge::EncoderPlaceholder,
                                TileBadge::Stale,       TileBadge::Unknown,    TileBadge::Black};
    QList<LiveTile> tiles;
    for (int i = 0; i < int(std::size(badges)); ++i)
        tiles << test::makeTile(i, badges[i], kReferenceDir);
    return tiles;
}

// A clip whose frames are each one plain colour, so a pixel tells which frame is drawn.
const QList<QColor> kClipColours = {Qt::red, Qt::green, Qt::blue, Qt::yellow, Qt::magenta, Qt::cyan};

QList<QImage> colourClip(QSize size) {
    QList<QImage> frames;
    for (const QColor& colour : kClipColours) {
        QImage frame(size, QImage::Format_RGB32);
        frame.fill(colour);
        frames << frame;
    }
    return frames;
}

// Which clip frame a pixel shows; -1 for none.
int clipFrameOf(QRgb pixel) {
    for (int i = 0; i < kClipColours.size(); ++i) {
        const QRgb c = kClipColours[i].rgb();
        if (qAbs(qRed(pixel) - qRed(c)) < 8 && qAbs(qGreen(pixel) - qGreen(c)) < 8 &&
            qAbs(qBlue(pixel) - qBlue(c)) < 8)
            return i;
    }
    return -1;
}

QStringList keysOf(const QAbstractItemModel* model) {
    QStringList keys;
    for (int row = 0; row < model->rowCount(); ++row)
        keys << model->index(row, 0).data(LivesModel::KeyRole).toString();
    return keys;
}

} // namespace

class TestLivesPage : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<LivesPage> m_page;
    QListView* m_view = nullptr;

    QModelIndex tile(int row) const { return m_view->model()->index(row, 0); }
    // Where the tile at `row` plays its preview, in viewport coordinates.
    QRect previewSlot(int row) const {
        const auto* delegate = static_cast<LiveTileDelegate*>(m_view->itemDelegate());
        return delegate->previewRect(m_view->visualRect(tile(row)), m_view->font());
    }
    QImage viewportShot() const { return m_view->viewport()->grab().toImage(); }
    QImage slotShot(int row) const {
        const QImage shot = viewportShot();
        const qreal dpr = shot.devicePixelRatio();
        const QRect slot = previewSlot(row);
        return shot.copy(
            QRect((QPointF(slot.topLeft()) * dpr).toPoint(), (QSizeF(slot.size()) * dpr).toSize()));
    }
    int frameShownIn(int row) const {
        const QImage slot = slotShot(row);
        return clipFrameOf(slot.pixel(slot.width() / 2, slot.height() / 2));
    }
    // A spot of the viewport with no tile (the grid leaves the right edge free at this width).
    QPoint emptySpot() const { return QPoint(m_view->viewport()->width() - 10, 10); }
    // Hovers the tile at `row` until the page asks for its preview.
    void hoverUntilRequested(int row) {
        QSignalSpy requested(m_page.get(), &LivesPage::previewRequested);
        QTest::mouseMove(m_view->viewport(), m_view->visualRect(tile(row)).center());
        QVERIFY(requested.wait(2000));
        QCOMPARE(requested.last()[0].toString(), tile(row).data(LivesModel::KeyRole).toString());
    }

    template <typename T> T* child(const char* name) {
        auto* widget = m_page->findChild<T*>(QLatin1String(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }

private Q_SLOTS:
    void init() {
        m_page = std::make_unique<LivesPage>();
        m_page->resize(1280, 820);
        m_page->setTiles(mixedTiles());
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
        m_view = child<QListView>("livesView");
    }
    void cleanup() { m_page.reset(); }

    void modelPassesTheTester() {
        LivesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTiles(mixedTiles());
        model.setTiles(mixedTiles().mid(3, 5));
        model.setTiles(mixedTiles());
        model.setTiles({});
    }

    void refreshWithTheSameKeysUpdatesInPlace() {
        LivesModel* model = m_page->livesModel();
        m_view->setCurrentIndex(m_view->model()->index(4, 0));
        const QString selectedKey = m_view->currentIndex().data(LivesModel::KeyRole).toString();
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);

        QList<LiveTile> tiles = mixedTiles();
        tiles[2].viewers = 99;
        tiles[5].ourImage = fromQImage(test::drawnFrame({480, 270}, 77, QStringLiteral("new")));
        tiles[5].ourImageHash = 12345;
        m_page->setTiles(tiles);

        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed[0][0].value<QModelIndex>().row(), 2);
        QCOMPARE(changed[1][0].value<QModelIndex>().row(), 5);
        QCOMPARE(model->index(2).data(LivesModel::ViewersRole).toInt(), 99);
        QCOMPARE(m_view->currentIndex().data(LivesModel::KeyRole).toString(), selectedKey);
        QVERIFY(m_view->selectionModel()->isSelected(m_view->currentIndex()));
    }

    void refreshInsertsNewAndRemovesGoneLives() {
        LivesModel* model = m_page->livesModel();
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);

        QList<LiveTile> tiles = mixedTiles();
        tiles.removeAt(7);
        tiles.removeAt(6);
        tiles.removeAt(0);
        tiles << test::makeTile(20, TileBadge::Real) << test::makeTile(21, TileBadge::OnlineCard);
        m_page->setTiles(tiles);

        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 2); // rows 6–7 in one run, row 0 in another
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model->rowCount(), 11);
        QStringList expected;
        for (const LiveTile& tile : tiles)
            expected << tile.key;
        QCOMPARE(keysOf(model), expected);
    }

    void filterGroups_data() {
        QTest::addColumn<int>("group");
        QTest::addColumn<int>("rows");
        QTest::newRow("all") << int(LivesFilterModel::Group::All) << 12;
        QTest::newRow("problems") << int(LivesFilterModel::Group::Problems) << 9;
        QTest::newRow("real frames") << int(LivesFilterModel::Group::RealFrames) << 3;
        QTest::newRow("cards") << int(LivesFilterModel::Group::Cards) << 5;
    }
    void filterGroups() {
        QFETCH(int, group);
        QFETCH(int, rows);
        auto* combo = child<QComboBox>("livesFilter");
        combo->setCurrentIndex(combo->findData(group));
        QCOMPARE(m_view->model()->rowCount(), rows);
    }

    void searchMatchesTitleUserAndKey_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("keys");
        QTest::newRow("title") << "yoga" << QStringList{QStringLiteral("live-03")};
        QTest::newRow("user") << "frank" << QStringList{QStringLiteral("live-05"), QStringLiteral("live-11")};
        QTest::newRow("key") << "live-1" << QStringList{QStringLiteral("live-10"), QStringLiteral("live-11")};
        QTest::newRow("nothing") << "zzz" << QStringList{};
    }
    void searchMatchesTitleUserAndKey() {
        QFETCH(QString, text);
        QFETCH(QStringList, keys);
        auto* search = child<QLineEdit>("livesSearch");
        QTest::keyClick(m_page.get(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(search->hasFocus());
        QTest::keyClicks(search, text);
        QCOMPARE(keysOf(m_view->model()), keys);
        auto* empty = child<QLabel>("emptyLabel");
        QCOMPARE(empty->isVisible(), keys.isEmpty());
        search->clear();
        QCOMPARE(m_view->model()->rowCount(), 12);
    }

    void sliderChangesTheGridSize() {
        auto* slider = child<QSlider>("tileSizeSlider");
        slider->setValue(300);
        const QSize small = m_view->gridSize();
        QCOMPARE(small.width(), 300);
        const auto top = [this](int row) { return m_view->visualRect(m_view->model()->index(row, 0)).top(); };
        QCOMPARE(top(3), top(0)); // 1280 px hold four 300 px tiles in a row
        QTest::keyClick(slider, Qt::Key_PageUp);
        QTest::keyClick(slider, Qt::Key_PageUp);
        QTest::keyClick(slider, Qt::Key_PageUp);
        QCOMPARE(slider->value(), 480);
        QCOMPARE(m_view->gridSize().width(), 480);
        QVERIFY(m_view->gridSize().height() > small.height());
        QCOMPARE(m_view->visualRect(m_view->model()->index(0, 0)).size(), m_view->gridSize());
        QVERIFY(top(2) > top(0)); // and only two 480 px tiles
    }

    void toggleShowsOnePictureLarger() {
        const QSize sideBySide = m_view->gridSize();
        QTest::mouseClick(child<QToolButton>("siteOnlyButton"), Qt::LeftButton);
        QCOMPARE(m_page->viewMode(), TileViewMode::SiteOnly);
        QVERIFY(m_view->gridSize().height() > sideBySide.height());
        QCOMPARE(m_view->gridSize().width(), sideBySide.width());
        QVERIFY(!test::saveScreenshot(*m_page, QStringLiteral("lives-page-site-only")).isEmpty());
        QTest::mouseClick(child<QToolButton>("oursOnlyButton"), Qt::LeftButton);
        QCOMPARE(m_page->viewMode(), TileViewMode::OursOnly);
        QTest::mouseClick(child<QToolButton>("sideBySideButton"), Qt::LeftButton);
        QCOMPARE(m_page->viewMode(), TileViewMode::SideBySide);
        QCOMPARE(m_view->gridSize(), sideBySide);
    }

    void doubleClickAndEnterActivateALive() {
        QSignalSpy activated(m_page.get(), &LivesPage::liveActivated);
        const QModelIndex index = m_view->model()->index(3, 0);
        const QPoint center = m_view->visualRect(index).center();
        // What a real double-click delivers: QTest::mouseDClick alone sends only the DblClick event.
        QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, center);
        QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, center);
        QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, center);
        QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, center);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated[0][0].toString(), QStringLiteral("live-03"));

        m_view->setFocus();
        m_view->setCurrentIndex(m_view->model()->index(5, 0));
        QTest::keyClick(m_view, Qt::Key_Return);
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated[1][0].toString(), QStringLiteral("live-05"));
    }

    void selectingOrHoveringATileAsksForAPreview() {
        QSignalSpy preview(m_page.get(), &LivesPage::previewRequested);
        m_view->setCurrentIndex(m_view->model()->index(2, 0));
        QTest::qWait(200);
        QCOMPARE(preview.size(), 0); // not yet: a quick pass asks for nothing
        QVERIFY(preview.wait(1000));
        QCOMPARE(preview[0][0].toString(), QStringLiteral("live-02"));

        QTest::mouseMove(m_view->viewport(), m_view->visualRect(m_view->model()->index(6, 0)).center());
        QVERIFY(preview.wait(1000));
        QCOMPARE(preview.last()[0].toString(), QStringLiteral("live-06"));
    }

    void hoveringPlaysTheClipInThatTileAndLeavingStopsIt() {
        const int row = 5; // a real frame of ours
        const QString key = tile(row).data(LivesModel::KeyRole).toString();
        QTest::qWait(100); // smooth scales replace the first drafts
        const QImage normal = slotShot(row);
        const QImage neighbour = slotShot(row - 1);

        QSignalSpy requested(m_page.get(), &LivesPage::previewRequested);
        QSignalSpy cancelled(m_page.get(), &LivesPage::previewCancelled);
        QTest::mouseMove(m_view->viewport(), m_view->visualRect(tile(row)).center());
        QVERIFY(requested.wait(2000));
        QCOMPARE(requested.last()[0].toString(), key);
        const qsizetype cancelsBefore = cancelled.size();

        // Loading: a discreet hint on the picture, nothing else.
        QCOMPARE(m_page->preview().state(), TilePreview::State::Loading);
        QVERIFY(slotShot(row) != normal);
        QCOMPARE(frameShownIn(row), -1);

        const QSize frameSize = m_page->previewFrameSize();
        QCOMPARE(frameSize, previewSlot(row).size() * m_view->devicePixelRatioF());
        m_page->showPreview(key, colourClip(frameSize), 10);
        QCOMPARE(m_page->preview().state(), TilePreview::State::Playing);
        QSet<int> seen;
        int last = -1, changes = 0;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 3000 && (seen.size() < kClipColours.size() || changes < 8)) {
            const int shown = frameShownIn(row);
            QVERIFY2(shown >= 0, "the tile does not show a clip frame");
            seen.insert(shown);
            if (last >= 0 && shown != last) {
                // Forward, looping (a slow grab of the viewport may miss a frame, never go back).
                const int step = (shown - last + int(kClipColours.size())) % int(kClipColours.size());
                QVERIFY2(step >= 1 && step <= 2, qPrintable(QStringLiteral("%1 -> %2").arg(last).arg(shown)));
                ++changes;
            }
            last = shown;
            QTest::qWait(25);
        }
        QCOMPARE(seen.size(), kClipColours.size());
        QVERIFY2(changes >= 8, qPrintable(QString::number(changes))); // went round the loop
        QCOMPARE(slotShot(row - 1), neighbour);                       // other tiles keep their picture

        // The pointer leaves the tile: the page says so and the tile shows its normal picture again.
        QVERIFY(!m_view->indexAt(emptySpot()).isValid());
        QTest::mouseMove(m_view->viewport(), emptySpot());
        QCOMPARE(cancelled.size(), cancelsBefore + 1);
        QCOMPARE(m_page->preview().state(), TilePreview::State::Idle);
        QCOMPARE(slotShot(row), normal);

        // A clip that arrives too late is not shown.
        m_page->showPreview(key, colourClip(frameSize), 10);
        QCOMPARE(m_page->preview().state(), TilePreview::State::Idle);
        QCOMPARE(slotShot(row), normal);
    }

    void movingTheSelectionStopsThePreview() {
        m_view->setCurrentIndex(tile(2));
        QSignalSpy requested(m_page.get(), &LivesPage::previewRequested);
        QVERIFY(requested.wait(2000));
        QCOMPARE(requested.last()[0].toString(), QStringLiteral("live-02"));
        m_page->showPreview(QStringLiteral("live-02"), colourClip(m_page->previewFrameSize()), 5);
        QVERIFY(frameShownIn(2) >= 0);

        QSignalSpy cancelled(m_page.get(), &LivesPage::previewCancelled);
        m_view->setCurrentIndex(tile(3));
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(frameShownIn(2), -1);
        QVERIFY(requested.wait(2000)); // the newly selected tile asks in its turn
        QCOMPARE(requested.last()[0].toString(), QStringLiteral("live-03"));
    }

    void theTileGoingAwayStopsThePreview() {
        m_view->setCurrentIndex(tile(5));
        QSignalSpy requested(m_page.get(), &LivesPage::previewRequested);
        QSignalSpy cancelled(m_page.get(), &LivesPage::previewCancelled);
        QVERIFY(requested.wait(2000));
        m_page->showPreview(QStringLiteral("live-05"), colourClip(m_page->previewFrameSize()), 5);

        // A refresh that keeps the live keeps the preview.
        m_page->setTiles(mixedTiles());
        QCOMPARE(cancelled.size(), 0);
        QCOMPARE(m_page->preview().state(), TilePreview::State::Playing);

        // The search hides it.
        QTest::keyClicks(child<QLineEdit>("livesSearch"), QStringLiteral("live-1"));
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(m_page->preview().state(), TilePreview::State::Idle);
        child<QLineEdit>("livesSearch")->clear();

        // A refresh without the live.
        m_view->setCurrentIndex(tile(5));
        QVERIFY(requested.wait(2000));
        QCOMPARE(requested.last()[0].toString(), QStringLiteral("live-05"));
        m_page->showPreview(QStringLiteral("live-05"), colourClip(m_page->previewFrameSize()), 5);
        QList<LiveTile> tiles = mixedTiles();
        tiles.removeAt(5);
        m_page->setTiles(tiles);
        QCOMPARE(cancelled.size(), 2);
        QCOMPARE(m_page->preview().state(), TilePreview::State::Idle);

        // The page is hidden (another page of the window is shown).
        m_view->setCurrentIndex(tile(0));
        QVERIFY(requested.wait(2000));
        m_page->hide();
        QCOMPARE(cancelled.size(), 3);
    }

    void aFailedPreviewSaysWhyInTheTooltipOnly() {
        const int row = 2;
        QTest::qWait(100);
        const QImage normal = slotShot(row);
        hoverUntilRequested(row);
        const QString reason = QStringLiteral("no frame within 8000 ms");
        m_page->showPreviewFailure(QStringLiteral("live-02"), reason);
        QCOMPARE(m_page->preview().state(), TilePreview::State::Failed);
        QCOMPARE(m_page->preview().reason(), reason);
        // Our frame stays; a small hint sits in its corner.
        const QImage failed = slotShot(row);
        QVERIFY(failed != normal);
        QCOMPARE(failed.copy(0, failed.height() / 2, failed.width(), failed.height() / 2),
                 normal.copy(0, normal.height() / 2, normal.width(), normal.height() / 2));

        const QPoint at = m_view->visualRect(tile(row)).center();
        QHelpEvent help(QEvent::ToolTip, at, m_view->viewport()->mapToGlobal(at));
        QApplication::sendEvent(m_view->viewport(), &help);
        QVERIFY2(QToolTip::text().contains(reason), qPrintable(QToolTip::text()));
        QVERIFY(QToolTip::text().startsWith(tile(row).data(Qt::ToolTipRole).toString())); // and the rest
        QToolTip::hideText();
    }

    // A tile's tooltip sits beside the picture (where the preview plays), never over it: under the tile,
    // or above it for a tile at the window's bottom.
    void tooltipLeavesThePictureVisible() {
        const auto tipGeometry = [] {
            for (QWidget* w : QApplication::topLevelWidgets())
                if (w->inherits("QTipLabel") && w->isVisible())
                    return w->geometry();
            return QRect();
        };
        for (const int row : {0, int(m_view->model()->rowCount() - 1)}) {
            m_view->scrollTo(tile(row));
            const QRect rect = m_view->visualRect(tile(row));
            const QPoint at = rect.center();
            QHelpEvent help(QEvent::ToolTip, at, m_view->viewport()->mapToGlobal(at));
            QApplication::sendEvent(m_view->viewport(), &help);
            QVERIFY(!QToolTip::text().isEmpty());
            QTRY_VERIFY(tipGeometry().isValid());
            const QRect tileOnScreen(m_view->viewport()->mapToGlobal(rect.topLeft()), rect.size());
            QVERIFY2(!tipGeometry().intersects(tileOnScreen),
                     qPrintable(QStringLiteral("row %1: tip %2,%3 %4x%5 over tile %6,%7 %8x%9")
                                    .arg(row)
                                    .arg(tipGeometry().x())
                                    .arg(tipGeometry().y())
                                    .arg(tipGeometry().width())
                                    .arg(tipGeometry().height())
                                    .arg(tileOnScreen.x())
                                    .arg(tileOnScreen.y())
                                    .arg(tileOnScreen.width())
                                    .arg(tileOnScreen.height())));
            QToolTip::hideText();
            QTRY_VERIFY(!tipGeometry().isValid());
        }
    }

    void siteOnlyModePlaysOverTheWholePicture() {
        m_page->setViewMode(TileViewMode::SiteOnly);
        const int row = 1;
        QCOMPARE(previewSlot(row).width(), m_view->visualRect(tile(row)).width() - 22);
        hoverUntilRequested(row);
        m_page->showPreview(QStringLiteral("live-01"), colourClip(m_page->previewFrameSize()), 5);
        QVERIFY(frameShownIn(row) >= 0);
    }

    void screenshotOfAPlayingPreview() {
        const int row = 5;
        hoverUntilRequested(row);
        QVERIFY(!test::saveScreenshot(*m_page, QStringLiteral("lives-page-preview-loading")).isEmpty());
        QList<QImage> frames;
        const QSize size = m_page->previewFrameSize();
        for (int i = 0; i < 10; ++i)
            frames << test::drawnFrame(size, 500 + i * 3, QStringLiteral("preview %1/10").arg(i + 1));
        m_page->showPreview(QStringLiteral("live-05"), frames, 5);
        QTRY_COMPARE(m_page->preview().currentFrame(), 3);
        QVERIFY(!test::saveScreenshot(*m_page, QStringLiteral("lives-page-preview")).isEmpty());
    }

    void f5AndTheButtonAskForARefresh() {
        QSignalSpy refresh(m_page.get(), &LivesPage::refreshRequested);
        QTest::keyClick(m_view, Qt::Key_F5);
        QCOMPARE(refresh.size(), 1);
        QTest::mouseClick(child<QPushButton>("refreshButton"), Qt::LeftButton);
        QCOMPARE(refresh.size(), 2);

        m_page->setBusy(true);
        QCOMPARE(child<QLabel>("countdownLabel")->text(), QStringLiteral("Refreshing…"));
        QVERIFY(!child<QPushButton>("refreshButton")->isEnabled());
        QTest::keyClick(m_view, Qt::Key_F5);
        QCOMPARE(refresh.size(), 2);
        m_page->setBusy(false);
        QVERIFY(child<QPushButton>("refreshButton")->isEnabled());
    }

    void countdownRunsOnlyWhileVisible() {
        auto* label = child<QLabel>("countdownLabel");
        QSignalSpy refresh(m_page.get(), &LivesPage::refreshRequested);
        m_page->setRefreshInterval(3);
        QCOMPARE(label->text(), QStringLiteral("Next refresh in 3 s"));
        QTRY_COMPARE_WITH_TIMEOUT(m_page->secondsUntilRefresh(), 2, 1500);

        m_page->hide();
        QTest::qWait(1300);
        QCOMPARE(m_page->secondsUntilRefresh(), 2);
        QCOMPARE(refresh.size(), 0);

        m_page->show();
        QVERIFY(refresh.wait(3000));
        QCOMPARE(refresh.size(), 1);
        QCOMPARE(m_page->secondsUntilRefresh(), 0);

        m_page->setTiles(mixedTiles()); // a refresh done: count again
        QCOMPARE(label->text(), QStringLiteral("Next refresh in 3 s"));
        m_page->setRefreshInterval(0);
        QCOMPARE(label->text(), QStringLiteral("Auto-refresh off"));
    }

    void emptyStateAndErrorBar() {
        m_page->setTiles({});
        auto* empty = child<QLabel>("emptyLabel");
        QVERIFY(empty->isVisible());
        QCOMPARE(empty->text(), QStringLiteral("The site lists no running lives."));
        auto* bar = child<QLabel>("errorBar");
        QVERIFY(!bar->isVisible());
        m_page->setError(QStringLiteral("The site's listing could not be read: HTTP 503"));
        QVERIFY(bar->isVisible());
        QVERIFY(!test::saveScreenshot(*m_page, QStringLiteral("lives-page-empty")).isEmpty());
        m_page->setTiles(mixedTiles());
        QVERIFY(!empty->isVisible());
        m_page->setError({});
        QVERIFY(!bar->isVisible());
    }

    void screenshot() {
        m_view->setCurrentIndex(m_view->model()->index(1, 0));
        QVERIFY(!test::saveScreenshot(*m_page, QStringLiteral("lives-page")).isEmpty());

        // The same page on a dark palette: badges and text must stay readable.
        QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
        dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe0));
        dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
        m_page->setStyle(fusion);
        for (QWidget* w : m_page->findChildren<QWidget*>())
            w->setStyle(fusion);
        m_page->setPalette(dark);
        QVERIFY(!test::saveScreenshot(*m_page, QStringLiteral("lives-page-dark")).isEmpty());
    }
};

QTEST_MAIN(TestLivesPage)
#include "tst_livespage.moc"
