#include "cheapstreams.h"

#include "imagefetch.h"
#include "streamstack.h"

#include <QDeadlineTimer>
#include <QThread>

#include <algorithm>

namespace avld::bench {

Result<CheapStreams> startCheapStreams(test::StreamStack& stack, int count) {
    if (const Status failed = stack.start(); !failed.ok())
        return Error{QStringLiteral("stack"),
                     QStringLiteral("the stream stack did not start: %1").arg(failed.error().toString()),
                     {}};
    CheapStreams streams;
    for (int i = 1; i <= count; ++i) {
        const QString key = QStringLiteral("s%1").arg(i, 2, 10, QLatin1Char('0'));
        // No segment wait here: the publishers start together and are awaited below.
        if (const Status failed =
                stack.publish({.key = key, .size = {320, 180}, .fps = 10, .audio = false}, 10000, 0);
            !failed.ok())
            return Error{QStringLiteral("publish"),
                         QStringLiteral("publisher %1: %2").arg(key, failed.error().toString()),
                         {}};
        streams.keys << key;
        streams.playlists << stack.hlsUrl(key);
    }
    const QDeadlineTimer deadline(60'000);
    const auto allHaveSegments = [&] {
        return std::all_of(streams.keys.cbegin(), streams.keys.cend(),
                           [&](const QString& k) { return stack.segmentCount(k) >= 2; });
    };
    while (!allHaveSegments() && !deadline.hasExpired())
        QThread::msleep(200);
    if (!allHaveSegments())
        return Error{
            QStringLiteral("segments"), QStringLiteral("not every stream had 2 HLS segments after 60 s"), {}};
    return streams;
}

QString imagePath(const QString& prefix, const QUrl& stream, const QString& format) {
    const QByteArray b64 = QUrl::toPercentEncoding(QString::fromLatin1(stream.toEncoded().toBase64()));
    return QStringLiteral("%1objects/getImage.php?base64Url=%2&format=%3")
        .arg(prefix, QString::fromLatin1(b64), format);
}

Status warmImages(QNetworkAccessManager& network, const QList<QUrl>& imageUrls) {
    QList<qsizetype> cold;
    for (qsizetype i = 0; i < imageUrls.size(); ++i)
        cold << i;
    const QDeadlineTimer deadline(60'000);
    while (!cold.isEmpty() && !deadline.hasExpired()) {
        QList<QUrl> urls;
        for (const qsizetype i : cold)
            urls << imageUrls.at(i);
        const QList<Answer> answers = fetchAll(network, urls, 5000);
        QList<qsizetype> still;
        for (qsizetype j = 0; j < answers.size(); ++j) {
            if (!answers.at(j).isImage())
                still << cold.at(j);
        }
        cold = still;
        if (!cold.isEmpty())
            QThread::msleep(250);
    }
    if (cold.isEmpty())
        return {};
    return Error{QStringLiteral("cold"),
                 QStringLiteral("%1 stream(s) still without an image after 60 s (first: %2)")
                     .arg(cold.size())
                     .arg(imageUrls.at(cold.first()).toString()),
                 {}};
}

} // namespace avld::bench
