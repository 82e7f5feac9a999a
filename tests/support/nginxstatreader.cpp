#include "nginxstatreader.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QXmlStreamReader>

#include <algorithm>

namespace avld::test {

const NginxStream* NginxSnapshot::find(const QString& key) const {
    for (const NginxStream& stream : streams) {
        if (stream.name == key)
            return &stream;
    }
    return nullptr;
}

QSet<QString> NginxSnapshot::publishingKeys() const {
    QSet<QString> keys;
    for (const NginxStream& stream : streams) {
        if (stream.publishing)
            keys.insert(stream.name);
    }
    return keys;
}

NginxStatReader::NginxStatReader(QNetworkAccessManager& network, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(&clock) {
    connect(&m_watchTimer, &QTimer::timeout, this, &NginxStatReader::watch);
}

void NginxStatReader::setUrl(const QUrl& url) {
    m_url = url;
    m_cache.reset();
}

void NginxStatReader::setWatchIntervalMs(int ms) {
    if (ms > 0)
        m_watchTimer.start(ms);
    else
        m_watchTimer.stop();
}

bool NginxStatReader::hasCache() const {
    return m_cache && m_clock->monotonicMs() - m_cache->fetchedAtMs < qint64(m_cacheSeconds) * 1000;
}

void NginxStatReader::snapshot(Done done) {
    if (hasCache()) {
        done(*m_cache);
        return;
    }
    m_waiting.append(std::move(done));
    if (m_fetching)
        return;
    m_fetching = true;
    fetch([this](const NginxSnapshot& fresh) {
        m_fetching = false;
        // A failed read is not kept: AVideo substitutes an empty XML for that request ("The RTMP Server is
        // Unavailable"); whether it caches the substitute is not written down, so the next request retries.
        if (fresh.reachable)
            m_cache = fresh;
        const QList<Done> waiting = std::exchange(m_waiting, {});
        for (const Done& callback : waiting)
            callback(fresh);
    });
}

void NginxStatReader::fetch(std::function<void(const NginxSnapshot&)> done) {
    ++m_fetchCount;
    if (!m_url.isValid() || m_url.isEmpty()) {
        NginxSnapshot failed;
        failed.error = QStringLiteral("no stats URL");
        failed.fetchedAtMs = m_clock->monotonicMs();
        done(failed);
        return;
    }
    QNetworkRequest request(m_url);
    // §3.4: requestStatsTimout (4 s). A total deadline, like PHP's curl timeout, not an idle timeout.
    QNetworkReply* reply = m_network.get(request);
    QPointer<QNetworkReply> guard(reply);
    QTimer::singleShot(m_timeoutMs, reply, [guard] {
        if (guard && guard->isRunning())
            guard->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        reply->deleteLater();
        NginxSnapshot result;
        if (reply->error() == QNetworkReply::NoError) {
            result = parse(reply->readAll());
        } else {
            result.error =
                QStringLiteral("RTMP Server (%1) is OFFLINE: %2").arg(m_url.toString(), reply->errorString());
        }
        result.fetchedAtMs = m_clock->monotonicMs();
        done(result);
    });
}

void NginxStatReader::watch() {
    if (m_watchFetching || !m_cache)
        return;
    m_watchFetching = true;
    fetch([this](const NginxSnapshot& fresh) {
        m_watchFetching = false;
        // §8: on_publish / on_publish_done call Live::deleteStatsCache(true); the next page load refetches.
        if (fresh.reachable && m_cache && fresh.publishingKeys() != m_cache->publishingKeys())
            m_cache = fresh;
    });
}

NginxSnapshot NginxStatReader::parse(const QByteArray& xml, const QStringList& applications) {
    NginxSnapshot out;
    QXmlStreamReader reader(xml);
    QStringList path;
    QString application;
    NginxStream stream;
    bool inStream = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            const QString name = reader.name().toString();
            path << name;
            const QString parent = path.size() >= 2 ? path.at(path.size() - 2) : QString();
            if (name == QStringLiteral("stream") && parent == QStringLiteral("live")) {
                inStream = true;
                stream = NginxStream();
            } else if (name == QStringLiteral("name") && parent == QStringLiteral("application")) {
                application = reader.readElementText();
                path.removeLast();
            } else if (inStream) {
                const QString where =
                    path.mid(path.lastIndexOf(QStringLiteral("stream")) + 1).join(QLatin1Char('/'));
                if (where == QStringLiteral("publishing")) {
                    stream.publishing = true;
                } else if (where == QStringLiteral("name") || where == QStringLiteral("nclients") ||
                           where == QStringLiteral("bw_in") ||
                           where.startsWith(QStringLiteral("meta/video/"))) {
                    const QString text = reader.readElementText();
                    path.removeLast();
                    if (where == QStringLiteral("name"))
                        stream.name = text;
                    else if (where == QStringLiteral("nclients"))
                        stream.nclients = text.toInt();
                    else if (where == QStringLiteral("bw_in"))
                        stream.bwIn = text.toLongLong();
                    else if (where == QStringLiteral("meta/video/width"))
                        stream.width = text.toInt();
                    else if (where == QStringLiteral("meta/video/height"))
                        stream.height = text.toInt();
                    else if (where == QStringLiteral("meta/video/codec"))
                        stream.videoCodec = text;
                    else if (where == QStringLiteral("meta/video/frame_rate"))
                        stream.frameRate = text.toDouble();
                }
            }
        } else if (reader.isEndElement()) {
            if (inStream && reader.name() == QStringLiteral("stream") && path.size() >= 2 &&
                path.at(path.size() - 2) == QStringLiteral("live")) {
                inStream = false;
                static const QStringList adaptiveSuffixes{QStringLiteral("_hi"), QStringLiteral("_low"),
                                                          QStringLiteral("_mid")};
                const bool adaptivePart =
                    std::any_of(adaptiveSuffixes.begin(), adaptiveSuffixes.end(),
                                [&](const QString& s) { return stream.name.endsWith(s); });
                if (applications.contains(application) && !stream.name.isEmpty() && !adaptivePart)
                    out.streams.append(stream);
            }
            if (!path.isEmpty())
                path.removeLast();
        }
    }
    out.reachable = !reader.hasError();
    if (reader.hasError())
        out.error = QStringLiteral("stat XML: %1").arg(reader.errorString());
    return out;
}

} // namespace avld::test
