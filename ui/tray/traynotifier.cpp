#include "traynotifier.h"

#include "settings.h"

#include <QApplication>
#include <QCloseEvent>
#include <QMainWindow>
#include <QMenu>

namespace avld {

namespace {

constexpr int kMessageMs = 8000;

QSystemTrayIcon::MessageIcon messageIcon(TrayNotifier::Severity severity) {
    switch (severity) {
    case TrayNotifier::Severity::Information:
        return QSystemTrayIcon::Information;
    case TrayNotifier::Severity::Warning:
        return QSystemTrayIcon::Warning;
    case TrayNotifier::Severity::Critical:
        return QSystemTrayIcon::Critical;
    }
    return QSystemTrayIcon::Information;
}

} // namespace

TrayNotifier::TrayNotifier(QMainWindow* window, Settings& settings, bool trayAvailable)
    : QObject(window)
    , m_window(window)
    , m_settings(settings) {
    if (trayAvailable)
        createTray();
    if (m_window)
        m_window->installEventFilter(this);
}

TrayNotifier::~TrayNotifier() {
    delete m_menu; // a QMenu without a parent widget: the tray icon does not own it
}

void TrayNotifier::createTray() {
    m_menu = new QMenu();
    m_toggle = m_menu->addAction(tr("&Hide window"), this, &TrayNotifier::toggleWindow);
    m_toggle->setObjectName(QStringLiteral("trayToggleAction"));
    m_menu->addSeparator();
    QAction* quitAction = m_menu->addAction(tr("&Quit"), this, &TrayNotifier::quit);
    quitAction->setObjectName(QStringLiteral("trayQuitAction"));
    connect(m_menu, &QMenu::aboutToShow, this, &TrayNotifier::updateToggleText);

    QIcon icon = m_window ? m_window->windowIcon() : QIcon();
    if (icon.isNull())
        icon = QIcon(QStringLiteral(":/icons/app.svg"));
    m_tray = new QSystemTrayIcon(icon, this);
    m_tray->setToolTip(QApplication::applicationDisplayName());
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            toggleWindow();
    });
    m_tray->show();
}

void TrayNotifier::notify(const QString& title, const QString& message, Severity severity) {
    if (!m_tray)
        return;
    m_tray->showMessage(title, message, messageIcon(severity), kMessageMs);
    Q_EMIT notified(title, message, severity);
}

void TrayNotifier::toggleWindow() {
    if (!m_window)
        return;
    if (m_window->isVisible() && !m_window->isMinimized()) {
        m_window->hide();
    } else {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    }
    updateToggleText();
}

void TrayNotifier::quit() {
    if (m_quitGuard && !m_quitGuard())
        return;
    m_quitting = true;
    QApplication::quit();
}

void TrayNotifier::updateToggleText() {
    if (m_toggle && m_window)
        m_toggle->setText(m_window->isVisible() ? tr("&Hide window") : tr("&Show window"));
}

bool TrayNotifier::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::Close && m_tray && !m_quitting &&
        m_settings.get(Setting::CloseToTray)) {
        event->ignore();
        m_window->hide();
        updateToggleText();
        if (!m_toldStillRunning) {
            m_toldStillRunning = true;
            notify(tr("AVideo Live Doctor"),
                   tr("Still monitoring in the tray. Use the tray menu's Quit to stop."));
        }
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace avld
