#include "hlsplaylist.h"

#include <QRegularExpression>

#include <cmath>

namespace avld {

namespace {

constexpr double kMaxDurationSeconds = 24 * 3600;

// A duration the server wrote. One that is no plain number of seconds ("inf", "1e400", "-1e300") counts as
// unknown (0), like text that is no number at all: callers turn durations into milliseconds.
double durationSeconds(const QString& text) {
    const double value = text.toDouble();
    return std::isfinite(value) && std::abs(value) <= kMaxDurationSeconds ? value : 0;
}

// Attribute lists look like BANDWIDTH=800000,RESOLUTION=640x360,CODECS="avc1.4d401f,mp4a.40.2".
QString attribute(const QString& line, const QString& name) {
    static const QRegularExpression pattern(QStringLiteral("([A-Z0-9-]+)=(\"[^\"]*\"|[^,]*)"));
    auto it = pattern.globalMatch(line.mid(line.indexOf(QLatin1Char(':')) + 1));
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.captured(1) == name) {
            QString value = m.captured(2);
            if (value.startsWith(QLatin1Char('"')))
                value = value.mid(1, value.size() - 2);
            return value;
        }
    }
    return {};
}

QString describeNonPlaylist(const QByteArray& text) {
    const QByteArray head = text.left(512).trimmed();
    if (head.isEmpty())
        return QStringLiteral("the server answered with an empty body, not an HLS playlist");
    const QByteArray lower = head.toLower();
    if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.contains("<body"))
        return QStringLiteral(
            "the server answered with an HTML page, not an HLS playlist (a login or error page, "
            "or a wrong URL)");
    QString firstLine = QString::fromUtf8(head.split('\n').first()).trimmed();
    if (firstLine.size() > 80)
        firstLine = firstLine.left(80) + QStringLiteral("…");
    return QStringLiteral("the server answered \"%1\", not an HLS playlist").arg(firstLine);
}

} // namespace

Result<HlsPlaylist> HlsPlaylist::parse(const QByteArray& text, const QUrl& url) {
    QByteArray body = text;
    if (body.startsWith("\xEF\xBB\xBF"))
        body = body.mid(3);
    if (!body.trimmed().startsWith("#EXTM3U")) {
        return Error{
            QStringLiteral("not-a-playlist"), describeNonPlaylist(body),
            QStringLiteral("Check the stream URL; for AVideo's protected lives the key may be wrong or "
                           "the live not running.")};
    }

    HlsPlaylist playlist;
    double pendingDuration = -1;
    QString pendingVariantLine;
    const QList<QByteArray> lines = body.split('\n');
    for (const QByteArray& raw : lines) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith(QStringLiteral("#EXT-X-STREAM-INF"))) {
            playlist.isMaster = true;
            pendingVariantLine = line;
        } else if (line.startsWith(QStringLiteral("#EXTINF:"))) {
            pendingDuration = durationSeconds(line.mid(8).section(QLatin1Char(','), 0, 0));
        } else if (line.startsWith(QStringLiteral("#EXT-X-TARGETDURATION:"))) {
            playlist.targetDurationSeconds = durationSeconds(line.mid(22));
        } else if (line.startsWith(QStringLiteral("#EXT-X-MEDIA-SEQUENCE:"))) {
            playlist.mediaSequence = line.mid(22).toLongLong();
        } else if (line == QStringLiteral("#EXT-X-ENDLIST")) {
            playlist.endList = true;
        } else if (line.startsWith(QStringLiteral("#EXT-X-KEY:"))) {
            playlist.keyMethod = attribute(line, QStringLiteral("METHOD"));
        } else if (line.startsWith(QStringLiteral("#EXT-X-MAP:"))) {
            playlist.hasInitSection = true;
        } else if (!line.startsWith(QLatin1Char('#'))) {
            const QUrl resolved = url.resolved(QUrl(line));
            if (!pendingVariantLine.isEmpty()) {
                Variant v;
                v.url = resolved;
                v.bandwidth = attribute(pendingVariantLine, QStringLiteral("BANDWIDTH")).toLongLong();
                const QStringList wh =
                    attribute(pendingVariantLine, QStringLiteral("RESOLUTION")).split(QLatin1Char('x'));
                if (wh.size() == 2)
                    v.resolution = QSize(wh[0].toInt(), wh[1].toInt());
                v.codecs = attribute(pendingVariantLine, QStringLiteral("CODECS"));
                playlist.variants.append(v);
                pendingVariantLine.clear();
            } else if (pendingDuration >= 0) {
                playlist.segments.append({resolved, pendingDuration});
                pendingDuration = -1;
            }
        }
    }

    if (playlist.isMaster && playlist.variants.isEmpty()) {
        return Error{
            QStringLiteral("empty-playlist"), QStringLiteral("the master playlist lists no variants"), {}};
    }
    if (!playlist.isMaster && playlist.segments.isEmpty()) {
        return Error{
            QStringLiteral("empty-playlist"),
            QStringLiteral("the playlist lists no segments yet (a live that has just started, or stopped)"),
            QStringLiteral("Wait a few seconds and try again.")};
    }
    return playlist;
}

const HlsPlaylist::Variant* HlsPlaylist::bestVariant() const {
    const Variant* best = nullptr;
    for (const Variant& v : variants) {
        if (!best) {
            best = &v;
            continue;
        }
        const qint64 pixels = qint64(v.resolution.width()) * v.resolution.height();
        const qint64 bestPixels = qint64(best->resolution.width()) * best->resolution.height();
        if (pixels > bestPixels || (pixels == bestPixels && v.bandwidth > best->bandwidth))
            best = &v;
    }
    return best;
}

double HlsPlaylist::tailDurationSeconds(int count) const {
    double total = 0;
    for (qsizetype i = qMax<qsizetype>(0, segments.size() - count); i < segments.size(); ++i)
        total += segments[i].durationSeconds;
    return total;
}

std::optional<QUrl> HlsPlaylist::segmentBeingWritten() const {
    if (isMaster || endList || segments.isEmpty())
        return std::nullopt;
    const QUrl& newest = segments.last().url;
    const QString path = newest.path();
    static const QRegularExpression numbered(QStringLiteral("^(.*/)?([^/]*?)(\\d+)(\\.ts)$"));
    const QRegularExpressionMatch match = numbered.match(path);
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 number = match.captured(3).toLongLong(&ok);
    // Named by sequence only when the newest's number is its sequence number.
    if (!ok || number != mediaSequence + segments.size() - 1)
        return std::nullopt;
    QUrl next = newest;
    const QString digits = match.captured(3);
    const int width = digits.startsWith(QLatin1Char('0')) ? int(digits.size()) : 0; // zero-padded names
    next.setPath(match.captured(1) + match.captured(2) +
                 QStringLiteral("%1").arg(number + 1, width, 10, QLatin1Char('0')) + match.captured(4));
    return next;
}

} // namespace avld
