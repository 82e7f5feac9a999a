#include "terminaltext.h"

#include <cstdio>

namespace avld {

namespace {

constexpr char16_t kEscape = 0x1b;
constexpr char16_t kBell = 0x07;

bool isBidiControl(char16_t c) {
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f ||
           c == 0x061c;
}

bool isDropped(char16_t c) {
    if (c == u'\t' || c == u'\n')
        return false;
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c);
}

// Where the escape sequence starting at `i` (an ESC, or a C1 introducer) ends: the index after it.
qsizetype endOfSequence(const QString& text, qsizetype i) {
    const qsizetype n = text.size();
    char16_t kind = text.at(i).unicode();
    qsizetype j = i + 1;
    if (kind == kEscape) {
        if (j >= n)
            return j;
        kind = text.at(j).unicode();
        ++j;
        // ESC [ is CSI, ESC ] OSC, ESC P DCS, ESC X SOS, ESC ^ PM, ESC _ APC; anything else is a
        // two-character sequence (with intermediate bytes 0x20-0x2f before its final byte).
        switch (kind) {
        case u'[':
            kind = 0x9b;
            break;
        case u']':
            kind = 0x9d;
            break;
        case u'P':
        case u'X':
        case u'^':
        case u'_':
            kind = 0x90;
            break;
        default:
            if (kind < 0x20 || kind > 0x2f)
                return j; // ESC and its final byte: ESC c, ESC 7…
            while (j < n && text.at(j).unicode() >= 0x20 && text.at(j).unicode() <= 0x2f)
                ++j;
            return qMin(n, j + 1);
        }
    }
    if (kind == 0x9b) { // CSI: parameter and intermediate bytes, then one final byte 0x40-0x7e
        while (j < n && text.at(j).unicode() >= 0x20 && text.at(j).unicode() <= 0x3f)
            ++j;
        return qMin(n, j + 1);
    }
    if (kind == 0x9d || kind == 0x90 || kind == 0x98 || kind == 0x9e || kind == 0x9f) {
        // String sequences end at BEL or ST (ESC \ or 0x9c); unterminated ones run to the end of the text.
        for (; j < n; ++j) {
            const char16_t c = text.at(j).unicode();
            if (c == kBell || c == 0x9c)
                return j + 1;
            if (c == kEscape && j + 1 < n && text.at(j + 1) == u'\\')
                return j + 2;
        }
        return n;
    }
    return j;
}

void safeMessageHandler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    const QString line = qFormatLogMessage(type, context, terminalSafe(message));
    std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
    std::fflush(stderr);
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

QString terminalSafe(const QString& text) {
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n && !isDropped(text.at(i).unicode()))
        ++i;
    if (i == n)
        return text; // the usual case: nothing to do, no copy
    QString out = text.left(i);
    while (i < n) {
        const char16_t c = text.at(i).unicode();
        if (c == kEscape || c == 0x9b || c == 0x9d || c == 0x90 || c == 0x98 || c == 0x9e || c == 0x9f) {
            i = endOfSequence(text, i);
            continue;
        }
        if (!isDropped(c))
            out += text.at(i);
        ++i;
    }
    return out;
}

void installTerminalSafeLogging() {
    qInstallMessageHandler(safeMessageHandler);
}

} // namespace avld
