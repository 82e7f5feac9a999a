#pragma once

#include <QMainWindow>

#include <functional>

class QComboBox;
class QLabel;
class QMenu;
class QListWidget;
class QStackedWidget;

namespace avld {

class Settings;

// The application's one main window: navigation on the left, one page at a time on the right.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Page { Dashboard, Diagnose, Lives, Encoders, Cache, Generator, Log, Settings };
    Q_ENUM(Page)

    explicit MainWindow(Settings& settings, QWidget* parent = nullptr);

    static QList<Page> pages();
    static QString pageTitle(Page page);

    void showPage(Page page);
    Page currentPage() const;
    QWidget* pageWidget(Page page) const;
    // Puts a page in place of the one shown now (at first, a placeholder saying what the page is for).
    void setPageWidget(Page page, QWidget* widget);

    // The site name shown in the status bar; empty means no site is configured.
    void setSiteName(const QString& name);
    // Puts the placeholders back on the pages that show one site (all but Log and Settings).
    void resetSitePages();

    // Above the navigation: which site the window shows; filled by whoever manages the sites.
    QComboBox* siteChooser() const { return m_siteChooser; }
    // The "Site" menu, empty until filled the same way.
    QMenu* siteMenu() const { return m_siteMenu; }

    // Asked before File → Quit quits and before closing the window quits (not when it goes to the tray);
    // false: stay. Whoever runs the sites sets it (a stand-in the site uses must not stop silently).
    void setQuitGuard(std::function<bool()> guard) { m_quitGuard = std::move(guard); }
    // What the quit guard says (true without one); for other ways out, such as the tray's Quit.
    bool mayQuit() const { return !m_quitGuard || m_quitGuard(); }

Q_SIGNALS:
    void currentPageChanged(avld::MainWindow::Page page);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildNavigation();
    void buildMenus();
    void showAbout();

    Settings& m_settings;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_siteLabel = nullptr;
    QComboBox* m_siteChooser = nullptr;
    QMenu* m_siteMenu = nullptr;
    std::function<bool()> m_quitGuard;
};

} // namespace avld
