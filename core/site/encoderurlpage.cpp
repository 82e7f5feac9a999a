#include "encoderurlpage.h"

#include <QRegularExpression>

namespace avld {

namespace {

// The value is printed through htmlspecialchars(); these are the entities it produces.
QString decodeHtmlEntities(QString text) {
    static const std::pair<const char*, const char*> entities[] = {
        {"&quot;", "\""}, {"&#039;", "'"}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};
    for (const auto& [entity, character] : entities)
        text.replace(QLatin1String(entity), QLatin1String(character));
    return text;
}

} // namespace

Result<QUrl> encoderUrlFromConfigurationsPage(const QByteArray& html) {
    // One tag and one attribute of a page AVideo renders itself: a pattern is enough here, and Qt has no
    // HTML parser outside WebEngine.
    static const QRegularExpression inputTag(
        QStringLiteral(R"re(<input\b[^>]*\bid\s*=\s*["']encoder_url["'][^>]*>)re"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression valueAttribute(QStringLiteral(R"re(\bvalue\s*=\s*(?:"([^"]*)"|'([^']*)'))re"),
                                                   QRegularExpression::CaseInsensitiveOption);
    const QString page = QString::fromUtf8(html);
    const QRegularExpressionMatch tag = inputTag.match(page);
    if (!tag.hasMatch())
        return Error{QStringLiteral("not-admin"),
                     QStringLiteral("the site's configuration page does not show the encoder URL"),
                     QStringLiteral("log in with an administrator account (or read it in Admin → Site "
                                    "Configurations → Encoder URL and enter it here)")};
    const QRegularExpressionMatch value = valueAttribute.match(tag.captured(0));
    const QString text =
        decodeHtmlEntities(value.hasMatch() ? value.captured(1) + value.captured(2) : QString()).trimmed();
    const QUrl url(text, QUrl::StrictMode);
    if (text.isEmpty() || !url.isValid() ||
        (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https")) ||
        url.host().isEmpty())
        return Error{
            QStringLiteral("bad-answer"),
            text.isEmpty()
                ? QStringLiteral("the site has no encoder URL configured")
                : QStringLiteral("the site's encoder URL \"%1\" is not an http(s) URL").arg(text.left(200)),
            QStringLiteral("set it in Admin → Site Configurations → Encoder URL")};
    return url;
}

} // namespace avld
