#include "mainwindow.h"
#include "screenshots.h"
#include "settings.h"

#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace avld;

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;

private Q_SLOTS:
    void init() {
        m_settings = std::make_unique<Settings>(
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        m_window = std::make_unique<MainWindow>(*m_settings);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup() { m_window.reset(); }

    void opensOnDashboard() {
        QCOMPARE(m_window->currentPage(), MainWindow::Page::Dashboard);
        QCOMPARE(m_window->windowTitle(), QStringLiteral("AVideo Live Doctor"));
        auto* site = m_window->findChild<QLabel*>(QStringLiteral("siteLabel"));
        QVERIFY(site);
        QCOMPARE(site->text(), QStringLiteral("No site configured"));
        m_window->setSiteName(QStringLiteral("demo"));
        QCOMPARE(site->text(), QStringLiteral("Site: demo"));
    }

    void clickingNavigationWalksEveryPage() {
        auto* navigation = m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        const QList<MainWindow::Page> pages = MainWindow::pages();
        QCOMPARE(navigation->count(), pages.size());
        QCOMPARE(pages.size(), 8);
        QSignalSpy changed(m_window.get(), &MainWindow::currentPageChanged);

        for (int row = pages.size() - 1; row >= 0; --row) {
            const QRect itemRect = navigation->visualItemRect(navigation->item(row));
            QVERIFY(!itemRect.isEmpty());
            QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, itemRect.center());
            QCOMPARE(m_window->currentPage(), pages[row]);
            QWidget* page = m_window->pageWidget(pages[row]);
            QVERIFY(page->isVisible());
            auto* title = page->findChild<QLabel*>(QStringLiteral("pageTitle"));
            QVERIFY(title);
            QCOMPARE(title->text(), MainWindow::pageTitle(pages[row]));
            auto* description = page->findChild<QLabel*>(QStringLiteral("pageDescription"));
            QVERIFY(description && description->text().size() > 40);
            const QString name = page->objectName();
            QVERIFY2(!test::saveScreenshot(*m_window, QStringLiteral("mainwindow-") + name).isEmpty(),
                     qPrintable(name));
        }
        QCOMPARE(changed.size(), pages.size() - 1 /* Dashboard was current */ + 1);
    }

    void keyboardShortcutsJumpToPages() {
        const QList<MainWindow::Page> pages = MainWindow::pages();
        // The View menu lists every page with its shortcut.
        QMenu* view = nullptr;
        for (QAction* menu : m_window->menuBar()->actions())
            if (menu->text() == QStringLiteral("&View"))
                view = menu->menu();
        QVERIFY(view);
        QCOMPARE(view->actions().size(), pages.size());
        for (int i = 0; i < pages.size(); ++i) {
            QCOMPARE(view->actions().at(i)->text(), MainWindow::pageTitle(pages[i]));
            QCOMPARE(view->actions().at(i)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        }
        for (int i = 0; i < pages.size(); ++i) {
            QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
            QCOMPARE(m_window->currentPage(), pages[i]);
        }
        // Arrow keys move through the navigation list.
        m_window->showPage(MainWindow::Page::Dashboard);
        auto* navigation = m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
        navigation->setFocus();
        QTest::keyClick(navigation, Qt::Key_Down);
        QCOMPARE(m_window->currentPage(), MainWindow::Page::Diagnose);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
