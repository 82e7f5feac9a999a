#include "watchpage.h"

#include <QRegularExpression>

namespace avld {

namespace {

// The entities AVideo's templates and PHP's htmlspecialchars() can put in an attribute. A bare "&" that
// starts no entity (protectLive's "&uuid=") stays as it is.
QString decodeAttribute(QString value) {
    static const QRegularExpression entity(
        QStringLiteral("&(#[0-9]+|#[xX][0-9a-fA-F]+|amp|quot|apos|lt|gt);"));
    QString out;
    qsizetype last = 0;
    for (auto it = entity.globalMatch(value); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(value).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        if (name == QStringLiteral("amp"))
            out += QLatin1Char('&');
        else if (name == QStringLiteral("quot"))
            out += QLatin1Char('"');
        else if (name == QStringLiteral("apos"))
            out += QLatin1Char('\'');
        else if (name == QStringLiteral("lt"))
            out += QLatin1Char('<');
        else if (name == QStringLiteral("gt"))
            out += QLatin1Char('>');
        else {
            const bool hex = name.startsWith(QStringLiteral("#x"), Qt::CaseInsensitive);
            bool ok = false;
            const uint code = name.mid(hex ? 2 : 1).toUInt(&ok, hex ? 16 : 10);
            const char32_t character = code;
            if (ok && code > 0 && code < 0x110000)
                out += QString::fromUcs4(&character, 1);
        }
        last = m.capturedEnd();
    }
    out += QStringView(value).mid(last);
    return out.trimmed();
}

QString attribute(const QString& tag, const QString& name) {
    const QRegularExpression re(
        QStringLiteral("\\s%1\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))").arg(name),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(tag);
    if (!m.hasMatch())
        return {};
    for (int i = 1; i <= 3; ++i)
        if (m.capturedStart(i) >= 0)
            return decodeAttribute(m.captured(i));
    return {};
}

bool namesPlaylist(const QString& url) {
    static const QRegularExpression playlist(QStringLiteral("(\\.m3u8|/m3u8\\.php)(\\?|#|$)"),
                                             QRegularExpression::CaseInsensitiveOption);
    return playlist.match(url).hasMatch();
}

bool isHlsType(const QString& type) {
    return type.contains(QStringLiteral("mpegurl"), Qt::CaseInsensitive);
}

Result<QUrl> usable(const QString& text, const QUrl& pageUrl) {
    const QUrl url = pageUrl.resolved(QUrl(text, QUrl::TolerantMode));
    if (!url.isValid() || (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https")))
        return Error{QStringLiteral("no-hls-url"),
                     QStringLiteral("the watch page %1 names a stream that is not an http(s) URL (%2)")
                         .arg(pageUrl.toString(), text.left(200)),
                     {}};
    return url;
}

} // namespace

Result<QUrl> WatchPage::hlsUrl(const QByteArray& html, const QUrl& pageUrl) {
    const QString page = QString::fromUtf8(html);
    static const QRegularExpression sourceTag(QStringLiteral("<source\\b[^>]*>"),
                                              QRegularExpression::CaseInsensitiveOption);
    for (auto it = sourceTag.globalMatch(page); it.hasNext();) {
        const QString tag = it.next().captured(0);
        const QString src = attribute(tag, QStringLiteral("src"));
        if (!src.isEmpty() && (isHlsType(attribute(tag, QStringLiteral("type"))) || namesPlaylist(src)))
            return usable(src, pageUrl);
    }
    // A player set up from a script: a quoted absolute URL naming a playlist (JSON escapes "/" as "\/").
    static const QRegularExpression quoted(QStringLiteral("[\"'](https?:(?:\\\\?/)[^\"'\\s<>]+)[\"']"),
                                           QRegularExpression::CaseInsensitiveOption);
    for (auto it = quoted.globalMatch(page); it.hasNext();) {
        QString candidate = it.next().captured(1);
        candidate.replace(QStringLiteral("\\/"), QStringLiteral("/"));
        candidate = decodeAttribute(candidate);
        if (namesPlaylist(candidate))
            return usable(candidate, pageUrl);
    }
    return Error{QStringLiteral("no-hls-url"),
                 QStringLiteral("the watch page %1 shows no HLS player").arg(pageUrl.toString()),
                 QStringLiteral("A login or \"forbidden\" page (a private live?), or a player this tool does "
                                "not know.")};
}

QUrl WatchPage::playerServerOf(const QUrl& hls, const QString& key) {
    if (isThroughSite(hls) || hls.hasQuery())
        return {};
    const QString path = hls.path();
    QStringList tails;
    if (!key.isEmpty())
        tails << QStringLiteral("/%1/index.m3u8").arg(key) << QStringLiteral("/%1.m3u8").arg(key);
    // The page may name the key in another form than the stats (with or without its -{live_index}).
    static const QRegularExpression anyKey(QStringLiteral("/[^/]+/index\\.m3u8$"));
    if (const QRegularExpressionMatch m = anyKey.match(path); m.hasMatch())
        tails << m.captured(0);
    for (const QString& tail : std::as_const(tails)) {
        if (path.endsWith(tail) && path.size() > tail.size()) {
            QUrl base = hls;
            base.setPath(path.left(path.size() - tail.size()));
            base.setFragment(QString());
            return base;
        }
    }
    return {};
}

bool WatchPage::isThroughSite(const QUrl& hls) {
    return hls.path().endsWith(QStringLiteral("/plugin/Live/m3u8.php"));
}

} // namespace avld
