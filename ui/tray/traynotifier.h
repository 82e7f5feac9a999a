#pragma once

#include <QObject>
#include <QPointer>
#include <QSystemTrayIcon>

#include <functional>

class QAction;
class QMainWindow;
class QMenu;

namespace avld {

class Settings;

// The tray icon: a menu (Show/Hide window, Quit), desktop notifications, and close-to-tray — with the
// CloseToTray setting on and a tray present, closing the window hides it and monitoring goes on.
// Without a system tray, notify() does nothing and closing the window closes it.
class TrayNotifier : public QObject {
    Q_OBJECT
public:
    enum class Severity { Information, Warning, Critical };
    Q_ENUM(Severity)

    // `trayAvailable` is for tests (the offscreen platform has no tray); the default asks the desktop.
    TrayNotifier(QMainWindow* window, Settings& settings,
                 bool trayAvailable = QSystemTrayIcon::isSystemTrayAvailable());
    ~TrayNotifier() override;

    bool isAvailable() const { return m_tray != nullptr; }
    QSystemTrayIcon* trayIcon() const { return m_tray; }
    QMenu* menu() const { return m_menu; }

    // Asked before the tray menu's Quit quits (MainWindow::mayQuit()); false: stay.
    void setQuitGuard(std::function<bool()> guard) { m_quitGuard = std::move(guard); }

    // Shows a tray message; nothing without a tray.
    void notify(const QString& title, const QString& message, Severity severity = Severity::Information);

public Q_SLOTS:
    void toggleWindow();
    // Quits the application for real, even with close-to-tray on (after the quit guard agrees).
    void quit();

Q_SIGNALS:
    // A message was handed to the tray (tests listen here: the offscreen platform shows nothing).
    void notified(const QString& title, const QString& message, avld::TrayNotifier::Severity severity);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createTray();
    void updateToggleText();

    QPointer<QMainWindow> m_window;
    Settings& m_settings;
    QSystemTrayIcon* m_tray = nullptr;
    QMenu* m_menu = nullptr;
    QAction* m_toggle = nullptr;
    std::function<bool()> m_quitGuard;
    bool m_quitting = false;
    bool m_toldStillRunning = false;
};

} // namespace avld
