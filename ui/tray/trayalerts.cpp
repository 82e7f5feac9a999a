#include "trayalerts.h"

#include "alerts/alert.h"
#include "alerts/alertlifecycle.h"

#include <QCoreApplication>

namespace avld {

QString trayTitle(const AlertMessage& message) {
    switch (message.event) {
    case AlertEvent::Reminder:
        return QCoreApplication::translate("TrayAlerts", "Still: %1").arg(message.alert.title);
    case AlertEvent::Resolved:
        return QCoreApplication::translate("TrayAlerts", "Resolved: %1").arg(message.alert.title);
    case AlertEvent::Raised:
    case AlertEvent::Summary:
    case AlertEvent::Test:
        break;
    }
    return message.alert.title;
}

TrayNotifier::Severity traySeverity(const AlertMessage& message) {
    switch (message.event) {
    case AlertEvent::Raised:
    case AlertEvent::Reminder:
        return message.alert.severity == AlertSeverity::Critical ? TrayNotifier::Severity::Critical
                                                                 : TrayNotifier::Severity::Warning;
    case AlertEvent::Resolved:
    case AlertEvent::Summary:
    case AlertEvent::Test:
        break;
    }
    return TrayNotifier::Severity::Information;
}

void showAlertsInTray(AlertLifecycle& lifecycle, TrayNotifier& tray) {
    QObject::connect(&lifecycle, &AlertLifecycle::message, &tray, [&tray](const AlertMessage& message) {
        if (message.event == AlertEvent::Test)
            return; // a test goes to the channel it tests
        tray.notify(trayTitle(message), message.body(), traySeverity(message));
    });
}

} // namespace avld
