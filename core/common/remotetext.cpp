#include "remotetext.h"

#include "htmlentities.h"

#include <QRegularExpression>

namespace avld {

namespace {

constexpr char16_t kEsc = 0x1b;
constexpr char16_t kBel = 0x07;
constexpr char16_t kCsi8 = 0x9b;       // 8-bit CSI
constexpr char16_t kSt8 = 0x9c;        // 8-bit string terminator
constexpr char16_t kSoftHyphen = 0xad; // category Cf, but shown by some terminals

// 8-bit introducers of control strings: DCS, SOS, OSC, PM, APC.
bool isStringIntroducer8(char16_t c) {
    return c == 0x90 || c == 0x98 || c == 0x9d || c == 0x9e || c == 0x9f;
}

// 7-bit: ESC P (DCS), ESC X (SOS), ESC ] (OSC), ESC ^ (PM), ESC _ (APC).
bool isStringIntroducer7(char16_t c) {
    return c == u'P' || c == u'X' || c == u']' || c == u'^' || c == u'_';
}

// Index just past a control string starting at `i` (its body): ended by BEL, ST (8-bit) or ESC \.
qsizetype skipControlString(const QString& s, qsizetype i) {
    while (i < s.size()) {
        const char16_t c = s.at(i).unicode();
        if (c == kBel || c == kSt8)
            return i + 1;
        if (c == kEsc)
            return (i + 1 < s.size() && s.at(i + 1) == u'\\') ? i + 2 : i + 1;
        ++i;
    }
    return i;
}

// Index just past a CSI body: parameter and intermediate bytes, then one final byte (0x40-0x7e).
qsizetype skipCsi(const QString& s, qsizetype i) {
    while (i < s.size()) {
        const char16_t c = s.at(i).unicode();
        if (c >= 0x40 && c <= 0x7e)
            return i + 1;
        if (c < 0x20 || c > 0x7e)
            return i; // malformed: stop, the rest is handled as text
        ++i;
    }
    return i;
}

bool isWhitespaceControl(char16_t c) {
    return c == u'\t' || c == u'\n' || c == u'\r' || c == 0x0b || c == 0x0c || c == 0x85;
}

bool isInvisible(char32_t u) {
    if (u == kSoftHyphen)
        return true;
    if (u < 0x20 || (u >= 0x7f && u <= 0x9f))
        return true;
    return QChar::category(u) == QChar::Other_Format;
}

} // namespace

QString RemoteText::withoutEscapes(const QString& text) {
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const char16_t c = text.at(i).unicode();
        if (c == kEsc) {
            const char16_t next = i + 1 < text.size() ? text.at(i + 1).unicode() : 0;
            if (next == u'[')
                i = skipCsi(text, i + 2);
            else if (isStringIntroducer7(next))
                i = skipControlString(text, i + 2);
            else
                i += next ? 2 : 1; // a two-character sequence (ESC c, ESC 7, …)
            continue;
        }
        if (c == kCsi8) {
            i = skipCsi(text, i + 1);
            continue;
        }
        if (isStringIntroducer8(c)) {
            i = skipControlString(text, i + 1);
            continue;
        }
        if (isWhitespaceControl(c)) {
            out += QLatin1Char(' ');
            ++i;
            continue;
        }
        // Whole code points, so that format characters past U+FFFF (tags, U+E0001…) are seen too.
        const bool pair = QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
        const char32_t point = pair ? QChar::surrogateToUcs4(c, text.at(i + 1).unicode()) : char32_t(c);
        const qsizetype width = pair ? 2 : 1;
        if (!isInvisible(point))
            out += text.mid(i, width);
        i += width;
    }
    return out;
}

QString RemoteText::decodedHtml(const QString& text) {
    if (!text.contains(QLatin1Char('<')) && !text.contains(QLatin1Char('&')))
        return text;
    static const QRegularExpression scripts(QStringLiteral("<(script|style)\\b[^>]*>.*?(</\\1\\s*>|$)"),
                                            QRegularExpression::CaseInsensitiveOption |
                                                QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression comments(QStringLiteral("<!--.*?(-->|$)"),
                                             QRegularExpression::DotMatchesEverythingOption);
    // Tags that break a line, to a space ("a<br>b" reads "a b"); the others, to nothing ("<b>Big</b>").
    static const QRegularExpression breaking(
        QStringLiteral("<\\s*/?\\s*(br|p|div|li|tr|td|th|h[1-6]|table|ul|ol|dd|dt|hr|blockquote)\\b[^>]*>"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(QStringLiteral("<[/!?]?[A-Za-z][^>]*>"));
    QString html = text;
    html.remove(scripts);
    html.remove(comments);
    html.replace(breaking, QStringLiteral(" "));
    html.remove(tags);
    // A '<' left is a character.
    return decodeHtmlEntities(html);
}

QString RemoteText::clean(const QString& remote) {
    // Escapes first so that the HTML reader never sees them, and again after decoding: "&#27;[2J" is one.
    const QString decoded = decodedHtml(withoutEscapes(remote.left(kMaxInput)));
    return withoutEscapes(decoded).simplified();
}

} // namespace avld
