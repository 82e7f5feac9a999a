#include "mainwindow.h"

#include "aboutdialog.h"
#include "placeholderpage.h"
#include "uiresources.h"
#include "version.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace avld {

namespace {

struct PageInfo {
    MainWindow::Page page;
    const char* objectName;
    const char* icon;
    const char* title;
    const char* description;
};

// What each page is for; the pages not built yet show this text as their promise.
const PageInfo kPages[] = {
    {MainWindow::Page::Dashboard, "dashboard", ":/icons/dashboard.svg",
     QT_TRANSLATE_NOOP("avld::MainWindow", "Dashboard"),
     QT_TRANSLATE_NOOP(
         "avld::MainWindow",
         "The site at a glance: how many lives are running, how many show real thumbnails and how many "
         "show AVideo's grey ONLINE/OFFLINE cards; which encoders are online, degraded or offline; whether "
         "the stand-in runs; and the most important finding in one sentence with its "
         "one-click fix.")},
    {MainWindow::Page::Diagnose, "diagnose", ":/icons/diagnose.svg",
     QT_TRANSLATE_NOOP("avld::MainWindow", "Diagnose"),
     QT_TRANSLATE_NOOP(
         "avld::MainWindow",
         "Walks the expert's checklist — the site, each live beside our own frame, the site's encoder, "
         "backups, the local stand-in, the caches, prevention and the media server — and says what is wrong, "
         "why and what to do, with a health score and a report (HTML or PDF) to send.")},
    {MainWindow::Page::Lives, "lives", ":/icons/lives.svg", QT_TRANSLATE_NOOP("avld::MainWindow", "Lives"),
     QT_TRANSLATE_NOOP(
         "avld::MainWindow",
         "Every live of the site as a tile: the thumbnail visitors see, classified (real frame, encoder "
         "placeholder, ONLINE card, OFFLINE card, user poster), beside the true current frame grabbed from "
         "the HLS stream, with the reason for every tile that looks wrong.")},
    {MainWindow::Page::Encoders, "encoders", ":/icons/encoders.svg",
     QT_TRANSLATE_NOOP("avld::MainWindow", "Encoders"),
     QT_TRANSLATE_NOOP(
         "avld::MainWindow",
         "The health of the site's encoder, its backups and the public encoders: reachable, latency by "
         "phase, TLS, version and queue, and the one test that matters — does its getImage return a real "
         "frame of a live stream within AVideo's 2-second budget? With history and charts.")},
    {MainWindow::Page::Cache, "cache", ":/icons/cache.svg", QT_TRANSLATE_NOOP("avld::MainWindow", "Cache"),
     QT_TRANSLATE_NOOP(
         "avld::MainWindow",
         "Clear the site's live caches in one click (full, first page, or session), see what the site "
         "says it cleared, and compare the thumbnails before and after.")},
    {MainWindow::Page::Generator, "generator", ":/icons/generator.svg",
     QT_TRANSLATE_NOOP("avld::MainWindow", "Stand-in"),
     QT_TRANSLATE_NOOP(
         "avld::MainWindow",
         "Run the stand-in for the site's encoder: an HTTP service that answers AVideo's encoder requests "
         "with fresh frames grabbed in process. Shows the exact encoder URL to give AVideo, live request "
         "counters and latency, and checks that the site now serves its frames.")},
    {MainWindow::Page::Log, "log", ":/icons/log.svg", QT_TRANSLATE_NOOP("avld::MainWindow", "Log"),
     QT_TRANSLATE_NOOP(
         "avld::MainWindow",
         "Everything the tool did and saw, by module (site, media, encoders, generator), with level filter, "
         "search and export for support requests.")},
    {MainWindow::Page::Settings, "settings", ":/icons/settings.svg",
     QT_TRANSLATE_NOOP("avld::MainWindow", "Settings"),
     QT_TRANSLATE_NOOP(
         "avld::MainWindow",
         "Refresh and probe intervals, timeouts, the generator's address and port, and where secrets are "
         "kept (the desktop keychain; never plain files).")},
};

const PageInfo& infoOf(MainWindow::Page page) {
    for (const PageInfo& info : kPages) {
        if (info.page == page)
            return info;
    }
    Q_UNREACHABLE();
}

} // namespace

MainWindow::MainWindow(Settings& settings, QWidget* parent)
    : QMainWindow(parent)
    , m_settings(settings) {
    initUiResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral(AVLD_DISPLAY_NAME));
    setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    resize(1100, 720);

    buildNavigation();
    buildMenus();

    m_siteLabel = new QLabel(this);
    m_siteLabel->setObjectName(QStringLiteral("siteLabel"));
    statusBar()->addWidget(m_siteLabel, 1);
    setSiteName({});
    showPage(Page::Dashboard);
}

QList<MainWindow::Page> MainWindow::pages() {
    QList<Page> all;
    for (const PageInfo& info : kPages)
        all.append(info.page);
    return all;
}

QString MainWindow::pageTitle(Page page) {
    return tr(infoOf(page).title);
}

void MainWindow::buildNavigation() {
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto* side = new QWidget(central);
    side->setFixedWidth(150); // with the widest page, within a 1000 px window
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(4, 4, 0, 0);
    sideLayout->setSpacing(4);
    m_siteChooser = new QComboBox(side);
    m_siteChooser->setObjectName(QStringLiteral("siteChooser"));
    m_siteChooser->setToolTip(tr("The site this window shows (Ctrl+Shift+S)"));
    m_siteChooser->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_siteChooser->hide(); // until someone fills it with sites
    auto* focusChooser = new QAction(this);
    focusChooser->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(focusChooser, &QAction::triggered, this, [this] {
        m_siteChooser->setFocus(Qt::ShortcutFocusReason);
        m_siteChooser->showPopup();
    });
    addAction(focusChooser);

    m_navigation = new QListWidget(side);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSpacing(2);

    m_stack = new QStackedWidget(central);
    m_stack->setObjectName(QStringLiteral("pages"));

    int index = 0;
    for (const PageInfo& info : kPages) {
        auto* item = new QListWidgetItem(QIcon(QString::fromLatin1(info.icon)), tr(info.title), m_navigation);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(tr(info.title)).arg(index + 1));
        auto* page = new PlaceholderPage(tr(info.title), QString::fromLatin1(info.icon), tr(info.description),
                                         m_stack);
        page->setObjectName(QStringLiteral("page-") + QString::fromLatin1(info.objectName));
        m_stack->addWidget(page);

        // The View menu shows these same actions, so their shortcuts are listed beside the page names.
        auto* jump = new QAction(QIcon(QString::fromLatin1(info.icon)), tr(info.title), this);
        jump->setObjectName(QStringLiteral("showPage-") + QString::fromLatin1(info.objectName));
        jump->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
        connect(jump, &QAction::triggered, this, [this, page = info.page] { showPage(page); });
        addAction(jump);
        ++index;
    }

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_stack->setCurrentIndex(row);
        Q_EMIT currentPageChanged(kPages[row].page);
    });

    sideLayout->addWidget(m_siteChooser);
    sideLayout->addWidget(m_navigation, 1);
    layout->addWidget(side);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // The tray, when it keeps the app running, takes the close event before this.
    if (!mayQuit()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), this, [this] {
        if (mayQuit())
            QApplication::quit();
    });
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);

    m_siteMenu = menuBar()->addMenu(tr("&Site"));
    m_siteMenu->setObjectName(QStringLiteral("siteMenu"));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (const PageInfo& info : kPages)
        view->addAction(
            findChild<QAction*>(QStringLiteral("showPage-") + QString::fromLatin1(info.objectName)));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(QIcon(QStringLiteral(":/icons/about.svg")),
                                     tr("&About AVideo Live Doctor"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::showPage(Page page) {
    m_navigation->setCurrentRow(pages().indexOf(page));
}

MainWindow::Page MainWindow::currentPage() const {
    return kPages[m_stack->currentIndex()].page;
}

QWidget* MainWindow::pageWidget(Page page) const {
    return m_stack->widget(pages().indexOf(page));
}

void MainWindow::setPageWidget(Page page, QWidget* widget) {
    const int index = int(pages().indexOf(page));
    QWidget* old = m_stack->widget(index);
    const bool current = m_stack->currentIndex() == index;
    widget->setObjectName(old->objectName());
    m_stack->insertWidget(index, widget);
    m_stack->removeWidget(old);
    old->deleteLater();
    if (current)
        m_stack->setCurrentIndex(index);
}

void MainWindow::resetSitePages() {
    for (const PageInfo& info : kPages) {
        if (info.page == Page::Log || info.page == Page::Settings)
            continue;
        setPageWidget(info.page, new PlaceholderPage(tr(info.title), QString::fromLatin1(info.icon),
                                                     tr(info.description)));
    }
    setSiteName({});
}

void MainWindow::setSiteName(const QString& name) {
    m_siteLabel->setText(name.isEmpty() ? tr("No site configured") : tr("Site: %1").arg(name));
}

void MainWindow::showAbout() {
    AboutDialog dialog(this);
    dialog.exec();
}

} // namespace avld
