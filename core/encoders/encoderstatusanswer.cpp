#include "encoderstatusanswer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <cctype>
#include <cmath>
#include <limits>

namespace avld {

namespace {

// A whole number the encoder wrote; -1 (unknown) for one that no qint64 holds ("1e400", NaN), which would
// make the conversion undefined behaviour.
qint64 jsonInteger(const QJsonValue& value) {
    if (value.isDouble()) {
        const double number = value.toDouble();
        constexpr double kExactLimit = 9.0e15; // beyond it a double is no longer an exact integer
        return std::isfinite(number) && std::abs(number) <= kExactLimit ? qint64(number) : -1;
    }
    bool ok = false;
    const qint64 parsed = value.toString().toLongLong(&ok);
    return ok ? parsed : -1;
}

// A count the encoder wrote (queue size, concurrent jobs); -1 when it is none an int holds.
int jsonCount(const QJsonValue& value) {
    const qint64 number = jsonInteger(value);
    return number >= 0 && number <= std::numeric_limits<int>::max() ? int(number) : -1;
}

QString gibibytes(qint64 bytes) {
    return QStringLiteral("%1 GiB").arg(double(bytes) / (1024.0 * 1024 * 1024), 0, 'f', 1);
}

} // namespace

QString describeEncoderOwnState(const EncoderStatusInfo& info) {
    if (!info.readable)
        return {};
    QStringList parts;
    if (!info.version.isEmpty())
        parts << QStringLiteral("version %1").arg(info.version);
    if (info.queueSize >= 0)
        parts << (info.queueSize == 1 ? QStringLiteral("1 video waiting")
                                      : QStringLiteral("%1 videos waiting").arg(info.queueSize));
    if (info.concurrent > 0)
        parts << QStringLiteral("%1 at a time").arg(info.concurrent);
    if (info.encoding)
        parts << (*info.encoding ? QStringLiteral("encoding now") : QStringLiteral("not encoding"));
    // What `free` calls free: the page cache is not counted, so a small figure alone is no alarm.
    if (info.memFreeBytes >= 0 && info.memTotalBytes > 0)
        parts << QStringLiteral("%1 of %2 memory free")
                     .arg(gibibytes(info.memFreeBytes), gibibytes(info.memTotalBytes));
    return parts.join(QStringLiteral(", "));
}

QString describeEncoderBody(const QByteArray& contentType, const QByteArray& body) {
    const QByteArray type = contentType.toLower();
    const QByteArray start = body.left(512).trimmed().toLower();
    if (type.startsWith("text/html") || start.startsWith("<!doctype html") || start.startsWith("<html"))
        return QStringLiteral("an HTML page");
    if (body.trimmed().isEmpty())
        return QStringLiteral("an empty answer");
    QString shown; // the media type, kept to the characters a media type has: it is remote text
    for (const char c : type.left(64).split(';').first().trimmed()) {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '+' || c == '.' || c == '-')
            shown += QLatin1Char(c);
    }
    return shown.isEmpty() ? QStringLiteral("an answer of no declared type") : shown;
}

EncoderStatusInfo readEncoderStatusAnswer(int httpStatus, const QByteArray& contentType,
                                          const QByteArray& body, bool withCredentials) {
    EncoderStatusInfo info;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject json = document.object();
    const bool isJsonObject = parseError.error == QJsonParseError::NoError && document.isObject();
    if ((httpStatus == 200 || httpStatus == 403) && !isJsonObject) {
        // The encoder's status.php answers JSON either way (§2.5).
        info.malformed = true;
        info.note = QStringLiteral("status answered HTTP %1 with %2 (%3 bytes), not the encoder's JSON")
                        .arg(httpStatus)
                        .arg(describeEncoderBody(contentType, body))
                        .arg(body.size());
    } else if (httpStatus == 403) {
        info.alive = true;
        info.note = withCredentials ? QStringLiteral("alive, status credentials refused")
                                    : QStringLiteral("alive, no credentials for status");
    } else if (httpStatus == 200 && json.contains(QStringLiteral("queue_size"))) {
        info.alive = true;
        info.readable = true;
        info.version = json.value(QStringLiteral("version")).toVariant().toString();
        info.queueSize = jsonCount(json.value(QStringLiteral("queue_size")));
        info.concurrent = jsonCount(json.value(QStringLiteral("concurrent")));
        const QJsonObject memory = json.value(QStringLiteral("memory")).toObject();
        info.memFreeBytes = jsonInteger(memory.value(QStringLiteral("memFreeBytes")));
        info.memTotalBytes = jsonInteger(memory.value(QStringLiteral("memTotalBytes")));
        const QJsonValue encoding = json.value(QStringLiteral("is_encoding"));
        if (encoding.isBool())
            info.encoding = encoding.toBool();
        else if (encoding.isDouble() || encoding.isString())
            info.encoding = jsonInteger(encoding) > 0;
        info.note = QStringLiteral("version %1, %2 in queue").arg(info.version).arg(info.queueSize);
    } else {
        info.malformed = httpStatus == 200;
        info.note = httpStatus == 200
                        ? QStringLiteral("its status page is not the encoder's (no version, no queue)")
                        : QStringLiteral("no status page (HTTP %1)").arg(httpStatus);
    }
    return info;
}

} // namespace avld
