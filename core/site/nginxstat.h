#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QSize>
#include <QString>

namespace avld {

// nginx-rtmp's /stat page (§3.4): what the media server is really receiving.
struct NginxStream {
    QString application{}; // "live", "adaptive"
    QString name{};        // the stream key
    bool publishing = false;
    int clients = 0;
    qint64 bitrateIn = 0; // bits per second
    qint64 uptimeMs = 0;
    QString videoCodec{};
    QSize videoSize{};
    double frameRate = 0;
    QString audioCodec{};
};

struct NginxStat {
    QString nginxVersion;
    QString rtmpVersion;
    qint64 uptimeSeconds = 0;
    QList<NginxStream> streams;

    const NginxStream* find(const QString& name) const;
    // Fails with "not-stat-xml" when the page is not nginx-rtmp's stat XML (an HTML page, a 404 text, …).
    static Result<NginxStat> parse(const QByteArray& xml);
};

} // namespace avld
