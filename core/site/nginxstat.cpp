#include "nginxstat.h"

#include <QXmlStreamReader>

#include <cmath>

namespace avld {

namespace {

// The frame rate the publisher announced. Anything but a plausible rate ("inf", "3e9") counts as unknown (0):
// the live detail window rounds it to an int.
double frameRateOf(const QString& text) {
    const double rate = text.toDouble();
    return std::isfinite(rate) && rate > 0 && rate <= 1000 ? rate : 0;
}

} // namespace

const NginxStream* NginxStat::find(const QString& name) const {
    for (const NginxStream& s : streams) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

Result<NginxStat> NginxStat::parse(const QByteArray& xml) {
    NginxStat stat;
    QXmlStreamReader reader(xml);
    QStringList path;
    QString application;
    NginxStream* current = nullptr;
    bool sawRoot = false;

    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            const QString name = reader.name().toString();
            path << name;
            const QString where = path.join(QLatin1Char('/'));
            if (where == QStringLiteral("rtmp")) {
                sawRoot = true;
            } else if (where == QStringLiteral("rtmp/nginx_version")) {
                stat.nginxVersion = reader.readElementText();
                path.removeLast();
            } else if (where == QStringLiteral("rtmp/nginx_rtmp_version")) {
                stat.rtmpVersion = reader.readElementText();
                path.removeLast();
            } else if (where == QStringLiteral("rtmp/uptime")) {
                stat.uptimeSeconds = reader.readElementText().toLongLong();
                path.removeLast();
            } else if (where == QStringLiteral("rtmp/server/application/name")) {
                application = reader.readElementText();
                path.removeLast();
            } else if (where == QStringLiteral("rtmp/server/application/live/stream")) {
                stat.streams.append(NginxStream{});
                current = &stat.streams.last();
                current->application = application;
            } else if (current && where.startsWith(QStringLiteral("rtmp/server/application/live/stream/"))) {
                const QString field =
                    where.mid(QStringLiteral("rtmp/server/application/live/stream/").size());
                auto text = [&] {
                    const QString t = reader.readElementText();
                    path.removeLast();
                    return t;
                };
                if (field == QStringLiteral("name"))
                    current->name = text();
                else if (field == QStringLiteral("publishing"))
                    current->publishing = true;
                else if (field == QStringLiteral("nclients"))
                    current->clients = text().toInt();
                else if (field == QStringLiteral("bw_in"))
                    current->bitrateIn = text().toLongLong();
                else if (field == QStringLiteral("time"))
                    current->uptimeMs = text().toLongLong();
                else if (field == QStringLiteral("meta/video/codec"))
                    current->videoCodec = text();
                else if (field == QStringLiteral("meta/video/width"))
                    current->videoSize.setWidth(text().toInt());
                else if (field == QStringLiteral("meta/video/height"))
                    current->videoSize.setHeight(text().toInt());
                else if (field == QStringLiteral("meta/video/frame_rate"))
                    current->frameRate = frameRateOf(text());
                else if (field == QStringLiteral("meta/audio/codec"))
                    current->audioCodec = text();
            }
        } else if (reader.isEndElement()) {
            if (path.join(QLatin1Char('/')) == QStringLiteral("rtmp/server/application/live/stream"))
                current = nullptr;
            if (!path.isEmpty())
                path.removeLast();
        }
    }
    if (reader.hasError() || !sawRoot) {
        QString head = QString::fromUtf8(xml.left(80)).simplified();
        return Error{
            QStringLiteral("not-stat-xml"),
            QStringLiteral("the stat page is not nginx-rtmp's XML (%1)")
                .arg(reader.hasError() ? reader.errorString() : QStringLiteral("it starts \"%1\"").arg(head)),
            QStringLiteral("The nginx location needs `rtmp_stat all;`; AVideo's default is "
                           "http://HOST:8080/stat.")};
    }
    // Streams without a name (never seen in practice) cannot be matched to anything.
    stat.streams.removeIf([](const NginxStream& s) { return s.name.isEmpty(); });
    return stat;
}

} // namespace avld
