#include "httpget.h"
#include "streamstack.h"

#include <QTest>
#include <QXmlStreamReader>

#include <cerrno>
#include <csignal>

using namespace avld;
using namespace avld::test;

namespace {

bool processExists(qint64 pid) {
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno != ESRCH);
}

struct StatStream {
    bool found = false;
    bool publishing = false;
    QString videoCodec;
    int width = 0;
    int height = 0;
    QString audioCodec;
};

// Reads rtmp/server/application[name=live]/live/stream[name=key] from nginx-rtmp's stat XML.
StatStream findStream(const QByteArray& xml, const QString& key) {
    StatStream out;
    QXmlStreamReader reader(xml);
    QStringList path;
    bool inOurStream = false;
    QString pendingName;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            path << reader.name().toString();
            const QString where = path.join(QLatin1Char('/'));
            if (where.endsWith(QStringLiteral("live/stream/name")))
                inOurStream = reader.readElementText() == key, path.removeLast();
            else if (inOurStream && where.endsWith(QStringLiteral("stream/publishing")))
                out.publishing = true;
            else if (inOurStream && where.endsWith(QStringLiteral("meta/video/codec")))
                out.videoCodec = reader.readElementText(), path.removeLast();
            else if (inOurStream && where.endsWith(QStringLiteral("meta/video/width")))
                out.width = reader.readElementText().toInt(), path.removeLast();
            else if (inOurStream && where.endsWith(QStringLiteral("meta/video/height")))
                out.height = reader.readElementText().toInt(), path.removeLast();
            else if (inOurStream && where.endsWith(QStringLiteral("meta/audio/codec")))
                out.audioCodec = reader.readElementText(), path.removeLast();
            if (inOurStream)
                out.found = true;
        } else if (reader.isEndElement()) {
            if (reader.name() == QStringLiteral("stream"))
                inOurStream = false;
            path.removeLast();
        }
    }
    return out;
}

} // namespace

class TestStreamStack : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void publishesHlsAndStat() {
        StreamStack stack;
        if (const avld::Status failed = stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        if (const Status failed = stack.publish({.key = QStringLiteral("cam1")}, 20000, 2); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));

        const HttpReply playlist = httpGet(stack.hlsUrl(QStringLiteral("cam1")));
        QCOMPARE(playlist.status, 200);
        QVERIFY2(playlist.body.startsWith("#EXTM3U"), playlist.body.constData());
        QVERIFY(playlist.body.contains("#EXT-X-TARGETDURATION"));
        QVERIFY(playlist.body.count("#EXTINF") >= 2);
        QVERIFY(playlist.contentType.contains("mpegurl"));

        // The first segment the playlist names is served as MPEG-TS (sync byte 0x47 every 188 bytes).
        QByteArray segmentName;
        for (const QByteArray& line : playlist.body.split('\n')) {
            if (line.endsWith(".ts"))
                segmentName = line.trimmed();
        }
        QVERIFY(!segmentName.isEmpty());
        const HttpReply segment =
            httpGet(stack.hlsUrl(QStringLiteral("cam1")).resolved(QUrl(QString::fromLatin1(segmentName))));
        QCOMPARE(segment.status, 200);
        QVERIFY(segment.body.size() > 188 * 10);
        QCOMPARE(quint8(segment.body.at(0)), quint8(0x47));
        QCOMPARE(quint8(segment.body.at(188)), quint8(0x47));

        const HttpReply stat = httpGet(stack.statUrl());
        QCOMPARE(stat.status, 200);
        QVERIFY(stat.body.contains("<rtmp>"));
        const StatStream cam = findStream(stat.body, QStringLiteral("cam1"));
        QVERIFY2(cam.found, stat.body.left(2000).constData());
        QVERIFY(cam.publishing);
        QCOMPARE(cam.videoCodec, QStringLiteral("H264"));
        QCOMPARE(cam.width, 1280);
        QCOMPARE(cam.height, 720);
        QCOMPARE(cam.audioCodec, QStringLiteral("AAC"));
    }

    void stoppingThePublisherEndsTheStreamNotTheServer() {
        StreamStack stack;
        QVERIFY(stack.start().ok());
        QVERIFY(stack.publish({.key = QStringLiteral("a"), .size = QSize(640, 360)}).ok());
        QVERIFY(stack.publish({.key = QStringLiteral("b"), .size = QSize(360, 640)}).ok());
        const qint64 publisherA = stack.publisherPid(QStringLiteral("a"));
        stack.stopPublisher(QStringLiteral("a"));
        QVERIFY(!processExists(publisherA));

        QTRY_VERIFY_WITH_TIMEOUT(!findStream(httpGet(stack.statUrl()).body, QStringLiteral("a")).publishing,
                                 5000);
        const StatStream b = findStream(httpGet(stack.statUrl()).body, QStringLiteral("b"));
        QVERIFY(b.publishing);
        QCOMPARE(b.width, 360);
        QCOMPARE(b.height, 640);
        // The stale playlist of the stopped stream is still served, as nginx-rtmp does for real.
        QCOMPARE(httpGet(stack.hlsUrl(QStringLiteral("a"))).status, 200);
    }

    void stopLeavesNoProcessBehind() {
        StreamStack stack;
        QVERIFY(stack.start().ok());
        QVERIFY(stack.publish({.key = QStringLiteral("x"), .size = QSize(320, 180)}).ok());
        const qint64 nginx = stack.nginxPid();
        const qint64 publisher = stack.publisherPid(QStringLiteral("x"));
        QVERIFY(processExists(nginx));
        QVERIFY(processExists(publisher));
        stack.stop();
        QVERIFY(!processExists(publisher));
        QVERIFY(!processExists(nginx));
        QCOMPARE(httpGet(stack.statUrl(), 1000).status, 0);
        stack.stop(); // twice is harmless
    }

    void audioOnlyStreamHasNoVideo() {
        StreamStack stack;
        QVERIFY(stack.start().ok());
        QVERIFY(stack.publish({.key = QStringLiteral("radio"), .video = false}).ok());
        const StatStream radio = findStream(httpGet(stack.statUrl()).body, QStringLiteral("radio"));
        QVERIFY(radio.publishing);
        QVERIFY(radio.videoCodec.isEmpty());
        QCOMPARE(radio.audioCodec, QStringLiteral("AAC"));
    }

    void publishingBeforeStartIsAClearError() {
        StreamStack stack;
        const Status failed = stack.publish({.key = QStringLiteral("early")});
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, QStringLiteral("not-started"));
    }
};

QTEST_GUILESS_MAIN(TestStreamStack)
#include "tst_streamstack.moc"
