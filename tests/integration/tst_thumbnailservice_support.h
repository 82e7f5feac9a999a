#pragma once

// Helpers for tst_thumbnailservice: an HTTP client that keeps headers and timing, and a checker for the
// Prometheus text exposition format.

#include <QByteArray>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QTimer>

namespace avld::test {

struct Answer {
    int status = 0; // 0: no HTTP answer
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    qint64 elapsedMs = 0;
    QString error;

    QByteArray header(const char* name) const { return headers.value(QByteArray(name).toLower()); }
    bool isImage() const { return status == 200 && !body.isEmpty(); }
    bool isEmpty200() const { return status == 200 && body.isEmpty() && error.isEmpty(); }
};

inline QNetworkReply* startGet(QNetworkAccessManager& network, const QUrl& url, int timeoutMs,
                               bool ignoreTls) {
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply* reply = network.get(request);
    if (ignoreTls)
        reply->ignoreSslErrors();
    return reply;
}

inline Answer collect(QNetworkReply* reply, qint64 elapsedMs) {
    Answer answer;
    answer.elapsedMs = elapsedMs;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError && answer.status == 0)
        answer.error = reply->errorString();
    answer.body = reply->readAll();
    for (const auto& pair : reply->rawHeaderPairs())
        answer.headers.insert(pair.first.toLower(), pair.second);
    return answer;
}

// Sends all requests at once and waits for every answer.
inline QList<Answer> fetchAll(QNetworkAccessManager& network, const QList<QUrl>& urls, int timeoutMs = 8000,
                              bool ignoreTls = false) {
    QList<Answer> answers(urls.size());
    QList<qint64> finishedAt(urls.size(), -1);
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    int open = int(urls.size());
    QList<QNetworkReply*> replies;
    for (qsizetype i = 0; i < urls.size(); ++i) {
        QNetworkReply* reply = startGet(network, urls.at(i), timeoutMs, ignoreTls);
        replies.append(reply);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, i, reply] {
            answers[i] = collect(reply, clock.elapsed());
            if (--open == 0)
                loop.quit();
        });
    }
    QTimer::singleShot(timeoutMs + 1000, &loop, &QEventLoop::quit);
    if (open > 0)
        loop.exec();
    for (QNetworkReply* reply : replies) {
        if (!reply->isFinished())
            reply->abort();
        reply->deleteLater();
    }
    return answers;
}

inline Answer fetch(QNetworkAccessManager& network, const QUrl& url, int timeoutMs = 8000,
                    bool ignoreTls = false) {
    return fetchAll(network, {url}, timeoutMs, ignoreTls).first();
}

// Checks text against the Prometheus text exposition format 0.0.4; returns the problems found.
inline QStringList prometheusProblems(const QByteArray& text) {
    QStringList problems;
    if (!text.endsWith('\n'))
        problems << QStringLiteral("the text does not end with a newline");
    static const QRegularExpression metricName(QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*$"));
    static const QRegularExpression sampleLine(
        QStringLiteral("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? ([^ ]+)( -?[0-9]+)?$"));
    static const QRegularExpression labelPair(
        QStringLiteral("^([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)"));
    static const QSet<QString> types{QStringLiteral("counter"), QStringLiteral("gauge"),
                                     QStringLiteral("histogram"), QStringLiteral("summary"),
                                     QStringLiteral("untyped")};
    QHash<QString, QString> typeOf;
    QSet<QString> helped, finishedFamilies, seenSamples;
    QString currentFamily;
    QHash<QString, double> lastBucket;
    QHash<QString, double> infBucket;
    QHash<QString, double> counts;

    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString line = QString::fromUtf8(lines.at(n));
        const QString where = QStringLiteral("line %1: ").arg(n + 1);
        if (line.isEmpty())
            continue;
        if (line.startsWith(QLatin1Char('#'))) {
            const QStringList parts = line.split(QLatin1Char(' '));
            if (parts.size() >= 3 &&
                (parts[1] == QStringLiteral("HELP") || parts[1] == QStringLiteral("TYPE"))) {
                const QString& name = parts[2];
                if (!metricName.match(name).hasMatch())
                    problems << where + QStringLiteral("bad metric name ") + name;
                if (seenSamples.contains(name) || finishedFamilies.contains(name))
                    problems << where + parts[1] + QStringLiteral(" after samples of ") + name;
                if (parts[1] == QStringLiteral("HELP")) {
                    if (helped.contains(name))
                        problems << where + QStringLiteral("second HELP for ") + name;
                    helped.insert(name);
                } else {
                    if (parts.size() != 4 || !types.contains(parts[3]))
                        problems << where + QStringLiteral("bad TYPE line");
                    if (typeOf.contains(name))
                        problems << where + QStringLiteral("second TYPE for ") + name;
                    typeOf.insert(name, parts.value(3));
                }
            }
            continue;
        }
        const QRegularExpressionMatch sample = sampleLine.match(line);
        if (!sample.hasMatch()) {
            problems << where + QStringLiteral("not a sample: ") + line;
            continue;
        }
        const QString name = sample.captured(1);
        QString family = name;
        for (const char* suffix : {"_bucket", "_sum", "_count"}) {
            const QString s = QString::fromLatin1(suffix);
            const QString base = name.chopped(qMin(name.size(), s.size()));
            if (name.endsWith(s) && (typeOf.value(base) == QStringLiteral("histogram") ||
                                     typeOf.value(base) == QStringLiteral("summary")))
                family = base;
        }
        if (!typeOf.contains(family))
            problems << where + QStringLiteral("sample of %1 before its TYPE line").arg(family);
        if (!helped.contains(family))
            problems << where + QStringLiteral("sample of %1 without a HELP line").arg(family);
        if (family != currentFamily) {
            if (finishedFamilies.contains(family))
                problems << where + QStringLiteral("samples of %1 are not together").arg(family);
            if (!currentFamily.isEmpty())
                finishedFamilies.insert(currentFamily);
            currentFamily = family;
        }
        if (typeOf.value(family) == QStringLiteral("counter") && !family.endsWith(QStringLiteral("_total")))
            problems << where + QStringLiteral("counter %1 does not end in _total").arg(family);

        QString labels = sample.captured(3);
        QHash<QString, QString> labelValues;
        while (!labels.isEmpty()) {
            const QRegularExpressionMatch pair = labelPair.match(labels);
            if (!pair.hasMatch()) {
                problems << where + QStringLiteral("bad labels: ") + sample.captured(3);
                break;
            }
            if (labelValues.contains(pair.captured(1)))
                problems << where + QStringLiteral("label twice: ") + pair.captured(1);
            labelValues.insert(pair.captured(1), pair.captured(2));
            labels = labels.mid(pair.capturedLength(0));
        }
        const QString key = name + QLatin1Char('{') + sample.captured(3) + QLatin1Char('}');
        if (seenSamples.contains(key))
            problems << where + QStringLiteral("duplicate sample ") + key;
        seenSamples.insert(key);
        seenSamples.insert(name);

        const QString valueText = sample.captured(4);
        bool ok = false;
        double value = valueText.toDouble(&ok);
        if (valueText == QStringLiteral("+Inf") || valueText == QStringLiteral("-Inf") ||
            valueText == QStringLiteral("NaN"))
            ok = true;
        if (!ok)
            problems << where + QStringLiteral("bad value ") + valueText;

        if (typeOf.value(family) == QStringLiteral("histogram")) {
            if (name.endsWith(QStringLiteral("_bucket"))) {
                if (!labelValues.contains(QStringLiteral("le")))
                    problems << where + QStringLiteral("bucket without le");
                if (value < lastBucket.value(family, 0))
                    problems << where + QStringLiteral("buckets not cumulative");
                lastBucket[family] = value;
                if (labelValues.value(QStringLiteral("le")) == QStringLiteral("+Inf"))
                    infBucket[family] = value;
            } else if (name.endsWith(QStringLiteral("_count"))) {
                counts[family] = value;
            }
        }
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (!infBucket.contains(it.key()))
            problems << QStringLiteral("histogram %1 has no +Inf bucket").arg(it.key());
        else if (infBucket.value(it.key()) != it.value())
            problems << QStringLiteral("histogram %1: +Inf bucket differs from _count").arg(it.key());
    }
    return problems;
}

// The value of one sample, e.g. `avld_generator_cache_hits_total` or `x_total{a="b"}`; -1 when absent.
inline double prometheusValue(const QByteArray& text, const QString& sample) {
    for (const QByteArray& line : text.split('\n')) {
        const QString l = QString::fromUtf8(line);
        if (l.startsWith(sample + QLatin1Char(' ')))
            return l.mid(sample.size() + 1).toDouble();
    }
    return -1;
}

} // namespace avld::test
