#pragma once

#include "historytypes.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace avld {

// The spans the encoder charts offer.
enum class HistoryWindow { LastHour, LastDay, LastWeek };

// What the history holds about one encoder over a chosen span (a report's 24 h and 7 d, a shift).
struct EncoderHistorySpan {
    QString encoderId{};
    QDateTime from{}; // UTC
    QDateTime to{};
    QList<HistoryPoint> points{};    // oldest first
    QList<StateChangeRow> changes{}; // oldest first
    UptimeStats uptime{};            // over the points

    static UptimeStats uptimeOf(const QList<HistoryPoint>& points);
};

// A chart series of one encoder over one window, oldest bucket first.
struct EncoderSeries {
    QString encoderId{};
    HistoryWindow window = HistoryWindow::LastHour;
    QDateTime from{}; // UTC
    QDateTime to{};
    QList<HistoryPoint> points{};
};

inline qint64 historyWindowMs(HistoryWindow window) {
    switch (window) {
    case HistoryWindow::LastHour:
        return 3600LL * 1000;
    case HistoryWindow::LastDay:
        return 24LL * 3600 * 1000;
    case HistoryWindow::LastWeek:
        return 7LL * 24 * 3600 * 1000;
    }
    return 3600LL * 1000;
}

// Buckets per window: minutes over an hour, quarter hours over a day, hours over a week.
inline int historyWindowPoints(HistoryWindow window) {
    switch (window) {
    case HistoryWindow::LastHour:
        return 60;
    case HistoryWindow::LastDay:
        return 96;
    case HistoryWindow::LastWeek:
        return 168;
    }
    return 60;
}

// "1 h", "24 h", "7 d".
inline QString historyWindowLabel(HistoryWindow window) {
    switch (window) {
    case HistoryWindow::LastHour:
        return QStringLiteral("1 h");
    case HistoryWindow::LastDay:
        return QStringLiteral("24 h");
    case HistoryWindow::LastWeek:
        return QStringLiteral("7 d");
    }
    return {};
}

} // namespace avld
