#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace avld {

// Critical alerts may pass quiet hours (AlertPolicy::criticalDuringQuietHours); warnings wait for their end.
enum class AlertSeverity { Warning, Critical };

// A condition worth telling an admin about, as its source sees it now.
struct Alert {
    QString key{}; // stable for one condition of one thing: "encoder:https://enc.example/:unhealthy"
    AlertSeverity severity = AlertSeverity::Critical;
    QString title{};          // one line: "encoder1.example is offline"
    QString text{};           // why, in plain words
    QByteArray picture{};     // the picture that goes with it (JPEG or PNG bytes); empty: none
    QString pictureName{};    // "encoder1.example.jpg"
    QByteArray pictureType{}; // "image/jpeg"
    QJsonObject details{};    // machine-readable facts, sent as they are by the webhook
};

// What the lifecycle says about an alert.
enum class AlertEvent { Raised, Reminder, Resolved, Summary, Test };

// One message to the channels.
struct AlertMessage {
    AlertEvent event = AlertEvent::Raised;
    Alert alert{};
    QDateTime at{};    // when the lifecycle made it (UTC)
    QDateTime since{}; // when the condition was first raised; invalid for a summary or a test

    // "[FIRING] encoder1.example is offline": the line every channel leads with.
    QString subject() const;
    // The text under it: the reason and, for reminders and resolutions, for how long.
    QString body() const;
    bool hasPicture() const { return !alert.picture.isEmpty(); }

    // What "Send test alert" and --test-alert send: a test message with a small picture, so that one can
    // see where pictures arrive.
    static AlertMessage test(const QDateTime& now);
};

// "raised", "reminder", "resolved", "summary", "test": stable, used in JSON and logs.
QString alertEventName(AlertEvent event);
QString alertSeverityName(AlertSeverity severity);
// "3 h 5 min", "12 min", "40 s".
QString alertDuration(qint64 ms);

} // namespace avld
