#pragma once

#include "traynotifier.h"

namespace avld {

class AlertLifecycle;
struct AlertMessage;

// The tray shows what the alert lifecycle sends the channels, so snooze, quiet hours, reminders and the
// damping of a flapping encoder hold on the desktop too (the encoder watch's raw state changes go to the
// Log).
void showAlertsInTray(AlertLifecycle& lifecycle, TrayNotifier& tray);

// The tray's title and severity for one lifecycle message.
QString trayTitle(const AlertMessage& message);
TrayNotifier::Severity traySeverity(const AlertMessage& message);

} // namespace avld
