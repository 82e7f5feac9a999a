#include "mimeparts.h"

#include <QRegularExpression>

namespace avld::test {

namespace {
QByteArray parameter(const QByteArray& header, const QByteArray& name) {
    const QRegularExpression pattern(
        QStringLiteral("(?:^|;)\\s*%1=\"?([^\";]*)\"?").arg(QString::fromLatin1(name)),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(QString::fromUtf8(header)).captured(1).toUtf8();
}

QByteArray quotedPrintable(const QByteArray& text) {
    QByteArray out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '=' && i + 2 < text.size() + 0 && (text[i + 1] == '\r' || text[i + 1] == '\n')) {
            i += text[i + 1] == '\r' ? 2 : 1; // soft line break
            continue;
        }
        if (text[i] == '=' && i + 2 < text.size()) {
            const QByteArray byte = QByteArray::fromHex(text.mid(i + 1, 2));
            out += byte.isEmpty() ? '?' : byte.at(0);
            i += 2;
            continue;
        }
        out += text[i];
    }
    return out;
}
} // namespace

QHash<QByteArray, QByteArray> mimeHeaders(const QByteArray& text, QByteArray* rest) {
    QHash<QByteArray, QByteArray> headers;
    qsizetype end = text.indexOf("\r\n\r\n");
    const qsizetype skip = end < 0 ? 0 : 4;
    if (end < 0)
        end = text.size();
    QByteArray last;
    for (const QByteArray& line : text.left(end).split('\n')) {
        const QByteArray l = line.endsWith('\r') ? line.chopped(1) : line;
        if ((l.startsWith(' ') || l.startsWith('\t')) && !last.isEmpty()) {
            headers[last] += ' ' + l.trimmed();
            continue;
        }
        const qsizetype colon = l.indexOf(':');
        if (colon <= 0)
            continue;
        last = l.left(colon).trimmed().toLower();
        headers.insert(last, l.mid(colon + 1).trimmed());
    }
    if (rest)
        *rest = text.mid(end + skip);
    return headers;
}

QList<MimePart> mimeParts(const QByteArray& contentType, const QByteArray& body) {
    const QByteArray boundary = "--" + parameter(contentType, "boundary");
    QList<MimePart> parts;
    if (boundary.size() <= 2)
        return parts;
    qsizetype at = body.indexOf(boundary);
    while (at >= 0) {
        at += boundary.size();
        if (body.mid(at, 2) == "--")
            break;
        at = body.indexOf('\n', at) + 1;
        const qsizetype next = body.indexOf("\r\n" + boundary, at);
        if (at <= 0 || next < 0)
            break;
        MimePart part;
        QByteArray content;
        part.headers = mimeHeaders(body.mid(at, next - at), &content);
        const QByteArray disposition = part.headers.value("content-disposition");
        part.name = parameter(disposition, "name");
        part.fileName = parameter(disposition, "filename");
        part.contentType = part.headers.value("content-type");
        const QByteArray encoding = part.headers.value("content-transfer-encoding").toLower();
        part.data = encoding == "base64"             ? QByteArray::fromBase64(content)
                    : encoding == "quoted-printable" ? quotedPrintable(content)
                                                     : content;
        parts.append(part);
        at = next + 2;
    }
    return parts;
}

} // namespace avld::test
