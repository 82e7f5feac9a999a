#include "htmlentities.h"

#include <algorithm>
#include <libxml/HTMLparser.h>

namespace avld {

namespace {

// Longer than any HTML 4 entity name ("thetasym"): what lies past it is not a reference.
constexpr qsizetype kMaxNameLength = 10;
constexpr char32_t kReplacement = 0xFFFD;

bool isAsciiAlnum(QChar c) {
    return c.unicode() < 0x80 && c.isLetterOrNumber();
}

char32_t namedCharacter(const QString& name) {
    if (name == QLatin1String("apos")) // XML's, not HTML 4's, and common in pages written for both
        return U'\'';
    const QByteArray ascii = name.toLatin1();
    const htmlEntityDesc* found = htmlEntityLookup(reinterpret_cast<const xmlChar*>(ascii.constData()));
    return found ? char32_t(found->value) : 0;
}

char32_t numericCharacter(const QString& digits, bool hex) {
    bool ok = false;
    const qulonglong value = digits.toULongLong(&ok, hex ? 16 : 10); // not ok past 64 bits: too large
    if (!ok || value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return kReplacement;
    return char32_t(value);
}

} // namespace

QString decodeHtmlEntities(const QString& html) {
    if (!html.contains(QLatin1Char('&')))
        return html;
    QString out;
    out.reserve(html.size());
    qsizetype i = 0;
    while (i < html.size()) {
        const qsizetype amp = html.indexOf(QLatin1Char('&'), i);
        if (amp < 0) {
            out += QStringView(html).mid(i);
            break;
        }
        out += QStringView(html).mid(i, amp - i);
        const bool numeric = amp + 1 < html.size() && html.at(amp + 1) == QLatin1Char('#');
        const bool hex = numeric && amp + 2 < html.size() && (html.at(amp + 2).toLower() == QLatin1Char('x'));
        const qsizetype nameStart = amp + 1 + (numeric ? 1 : 0) + (hex ? 1 : 0);
        qsizetype end = nameStart;
        while (end < html.size() && (numeric || end - nameStart <= kMaxNameLength) &&
               isAsciiAlnum(html.at(end)))
            ++end;
        char32_t decoded = 0;
        if (end > nameStart && end < html.size() && html.at(end) == QLatin1Char(';')) {
            const QString name = html.mid(nameStart, end - nameStart);
            const auto isDigit = [hex](QChar c) {
                const char16_t u = c.unicode();
                return (u >= u'0' && u <= u'9') ||
                       (hex && ((u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F')));
            };
            const bool digitsOnly = std::all_of(name.cbegin(), name.cend(), isDigit);
            if (numeric)
                decoded = digitsOnly ? numericCharacter(name, hex) : 0;
            else
                decoded = namedCharacter(name);
        }
        if (decoded == 0) { // not a reference: the '&' is a character
            out += QLatin1Char('&');
            i = amp + 1;
            continue;
        }
        out += QString::fromUcs4(&decoded, 1);
        i = end + 1;
    }
    return out;
}

} // namespace avld
