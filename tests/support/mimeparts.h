#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>

namespace avld::test {

// One part of a multipart body (multipart/form-data from HTTP, multipart/mixed from e-mail), as a
// receiver reads it: headers (names in lower case), the name and file name of its Content-Disposition,
// and its content, base64 and quoted-printable already decoded.
struct MimePart {
    QHash<QByteArray, QByteArray> headers;
    QByteArray name;
    QByteArray fileName;
    QByteArray contentType;
    QByteArray data;
};

// The boundary is read from the Content-Type value given ("multipart/form-data; boundary=…").
QList<MimePart> mimeParts(const QByteArray& contentType, const QByteArray& body);
// Splits "Name: value" lines up to the first blank line (folded lines joined); the rest goes to `rest`.
QHash<QByteArray, QByteArray> mimeHeaders(const QByteArray& text, QByteArray* rest = nullptr);

} // namespace avld::test
