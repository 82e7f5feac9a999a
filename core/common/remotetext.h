#pragma once

#include <QString>

namespace avld {

// Text that came from a remote site (live titles, user names, server messages) made safe and readable for a
// person, on a terminal or in the window: AVideo decorates titles with HTML (a leading invisible "&zwnj;",
// icons, entities), and anything a site sends may hold control characters or terminal escape sequences
// (clear the screen, set the window title, recolour the output).
class RemoteText {
public:
    // Longer input is cut before it is cleaned: a title is never this long, and the cleaning stays cheap.
    static constexpr qsizetype kMaxInput = 16 * 1024;

    // Tags removed (the text of <script> and <style> too) and HTML entities decoded, when the text has any;
    // terminal escape sequences (CSI, OSC, DCS, …, 7-bit and 8-bit) removed whole; other C0/C1 control
    // characters and invisible format characters (zero-width spaces and joiners, bidi overrides, the BOM,
    // soft hyphens) removed; whitespace runs collapsed to one space; trimmed.
    static QString clean(const QString& remote);
    static QString clean(const QByteArray& utf8) { return clean(QString::fromUtf8(utf8)); }

private:
    static QString withoutEscapes(const QString& text);
    static QString decodedHtml(const QString& text);
};

} // namespace avld
