// The stand-in's animated answers (webp, gif) for a stream it has not seen: AVideo asks `jpg` for its
// `poster` and `webp` for its `imgGif` at the same moment and caches whatever comes back for 15 minutes, so
// the first animated answer has to be a real clip within the budget. Real streams: nginx-rtmp + ffmpeg
// publishing a 720p test pattern with its frame number drawn in binary (FrameCounter).

#include "framecounter.h"
#include "generator/thumbnailservice.h"
#include "sanitizerslowdown.h"
#include "streamstack.h"
#include "tst_thumbnailservice_support.h"

#include <QBuffer>
#include <QImageReader>
#include <QTest>

#include <functional>
#include <memory>

using namespace avld;
using namespace avld::test;

namespace {

// The service's budget; stretched in the sanitized build (sanitizerslowdown.h).
constexpr int kBudgetMs = 1500 * kSanitizerSlowdown;
// Scheduling noise on a loaded 2-core machine; AVideo's own limit is 2000 ms.
constexpr int kSlackMs = 400;
constexpr int kStreamFps = 25;

QString describe(const Answer& a) {
    return QStringLiteral("HTTP %1, %2 bytes, %3 ms, cache %4, reason %5 %6")
        .arg(a.status)
        .arg(a.body.size())
        .arg(a.elapsedMs)
        .arg(QString::fromLatin1(a.header("X-Avld-Cache")), QString::fromLatin1(a.header("X-Avld-Reason")),
             a.error);
}

struct Decoded {
    QList<QImage> frames;
    QString error;
};

Decoded decodeAll(const QByteArray& body, const QByteArray& format) {
    Decoded out;
    QBuffer buffer;
    buffer.setData(body);
    QImageReader reader(&buffer, format);
    if (!reader.canRead()) {
        out.error = reader.errorString();
        return out;
    }
    const int count = reader.imageCount();
    for (int i = 0; i < count; ++i) {
        QImage frame = reader.read();
        if (frame.isNull()) {
            out.error = QStringLiteral("frame %1: %2").arg(i + 1).arg(reader.errorString());
            return out;
        }
        out.frames.append(frame);
    }
    return out;
}

} // namespace

class TestAnimatedAnswers : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    QNetworkAccessManager m_network;
    const QString m_live = QStringLiteral("counted");
    const QString m_other = QStringLiteral("other");

    std::unique_ptr<ThumbnailService> startService(const std::function<void(GeneratorConfig&)>& tweak = {}) {
        GeneratorConfig config;
        config.bindAddress = QHostAddress(QHostAddress::LocalHost);
        config.allowedHosts = {QStringLiteral("127.0.0.1")};
        config.maxWorkers = 2;
        config.budgetMs = kBudgetMs;
        if (tweak)
            tweak(config);
        auto service = std::make_unique<ThumbnailService>(config);
        if (const Status failed = service->start(); !failed.ok()) {
            qWarning() << "cannot start the service:" << failed.error().toString();
            return nullptr;
        }
        return service;
    }

    QUrl imageUrl(const ThumbnailService& service, const QString& key, const QByteArray& format) const {
        return QUrl::fromEncoded(service.baseUrl().toEncoded() + "objects/getImage.php?base64Url=" +
                                 m_stack.hlsUrl(key).toEncoded().toBase64().toPercentEncoding() +
                                 "&format=" + format);
    }

    static double grabs(const ThumbnailService& service) {
        return prometheusValue(service.metricsText(), QStringLiteral("avld_generator_grabs_total"));
    }

private Q_SLOTS:
    void initTestCase() {
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        // Two 2 s segments: more than a 3 s clip is published, as on a live that runs.
        const StreamSpec counted{.key = m_live, .fps = kStreamFps, .frameCounter = true};
        if (const Status failed = m_stack.publish(counted, 25000, 2); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        if (const Status failed =
                m_stack.publish(StreamSpec{.key = m_other, .size = QSize(640, 360)}, 25000, 2);
            !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
    }

    void cleanupTestCase() { m_stack.stop(); }

    // The very first request for an animated format of a stream the service has not seen answers a real
    // clip, not the empty body that would make AVideo show (and cache) its card.
    void firstAnimatedAnswerIsAClip_data() {
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QSize>("size");
        QTest::newRow("webp") << QByteArray("webp") << QByteArray("image/webp") << QSize(640, 360);
        QTest::newRow("gif") << QByteArray("gif") << QByteArray("image/gif") << QSize(320, 180);
    }

    void firstAnimatedAnswerIsAClip() {
        QFETCH(QByteArray, format);
        QFETCH(QByteArray, contentType);
        QFETCH(QSize, size);
        const auto service = startService(); // nothing cached, nothing grabbed before
        QVERIFY(service);
        const Answer first = fetch(m_network, imageUrl(*service, m_live, format));
        qInfo().noquote() << "first" << format << "answer:" << describe(first);
        QVERIFY2(first.isImage(), qPrintable(describe(first)));
        QVERIFY2(first.elapsedMs < kBudgetMs + kSlackMs, qPrintable(describe(first)));
        QCOMPARE(first.header("X-Avld-Cache"), QByteArray("grab"));
        QCOMPARE(first.header("Content-Type"), contentType);
        const Decoded decoded = decodeAll(first.body, format);
        QVERIFY2(decoded.error.isEmpty(), qPrintable(decoded.error));
        QVERIFY2(decoded.frames.size() >= 2, qPrintable(QString::number(decoded.frames.size())));
        QCOMPARE(decoded.frames.size(), 30); // 3 s at 10 fps: the published segments hold more than that
        for (const QImage& frame : decoded.frames)
            QCOMPARE(frame.size(), size);
    }

    // A live that has just started (its playlist lists one 2 s segment): the clip is what is published, at
    // once, rather than nothing.
    void justStartedLiveAnswersAShorterClip() {
        const QString key = QStringLiteral("fresh");
        if (const Status failed = m_stack.publish(StreamSpec{.key = key, .frameCounter = true}, 25000, 1);
            !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        const auto service = startService();
        QVERIFY(service);
        const QList<Answer> answers =
            fetchAll(m_network, {imageUrl(*service, key, "webp"), imageUrl(*service, key, "gif")}, 8000);
        m_stack.stopPublisher(key);
        const QList<QPair<QByteArray, QSize>> expected{{"webp", QSize(640, 360)}, {"gif", QSize(320, 180)}};
        for (qsizetype i = 0; i < answers.size(); ++i) {
            const QByteArray& format = expected[i].first;
            qInfo().noquote() << "just started," << format << describe(answers[i]);
            QVERIFY2(answers[i].isImage(), qPrintable(describe(answers[i])));
            const Decoded decoded = decodeAll(answers[i].body, format);
            QVERIFY2(decoded.error.isEmpty(), qPrintable(decoded.error));
            QVERIFY2(decoded.frames.size() >= 2, qPrintable(QString::number(decoded.frames.size())));
            for (const QImage& frame : decoded.frames) {
                QCOMPARE(frame.size(), expected[i].second);
                QVERIFY(FrameCounter::read(frame) >= 0);
            }
        }
    }

    // AVideo's gallery: jpg for the poster, webp 10 ms later for the hover image, both for a new stream.
    void jpgThenWebpBothAnswer() {
        const auto service = startService();
        QVERIFY(service);
        QList<Answer> answers(2);
        QEventLoop loop;
        int open = 2;
        QElapsedTimer clock;
        clock.start();
        const auto ask = [&](int index, const QByteArray& format) {
            QNetworkReply* reply = startGet(m_network, imageUrl(*service, m_live, format), 8000, false);
            connect(reply, &QNetworkReply::finished, &loop, [&, index, reply] {
                answers[index] = collect(reply, clock.elapsed());
                reply->deleteLater();
                if (--open == 0)
                    loop.quit();
            });
        };
        ask(0, "jpg");
        QTimer::singleShot(10, &loop, [&] { ask(1, "webp"); });
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        qInfo().noquote() << "jpg:" << describe(answers[0]) << "| webp:" << describe(answers[1]);
        QVERIFY2(answers[0].isImage(), qPrintable(describe(answers[0])));
        QVERIFY2(answers[1].isImage(), qPrintable(describe(answers[1])));
        QCOMPARE(answers[0].header("Content-Type"), QByteArray("image/jpeg"));
        QCOMPARE(answers[1].header("Content-Type"), QByteArray("image/webp"));
        // The webp was asked 10 ms after the jpg; its own time counts from then.
        QVERIFY2(answers[1].elapsedMs < 10 + kBudgetMs + kSlackMs, qPrintable(describe(answers[1])));
        QCOMPARE(decodeAll(answers[1].body, "webp").frames.size(), 30);
    }

    // The clip is 3 s of the live as it was published: frame numbers read from the pictures rise by what
    // 10 fps sampling of a 25 fps stream gives (2 or 3 frames), over about 3 s, and end near the live edge.
    void framesAreConsecutiveLiveFrames_data() {
        QTest::addColumn<QByteArray>("format");
        QTest::newRow("webp") << QByteArray("webp");
        QTest::newRow("gif") << QByteArray("gif");
    }

    void framesAreConsecutiveLiveFrames() {
        QFETCH(QByteArray, format);
        const auto service = startService();
        QVERIFY(service);
        const Answer clip = fetch(m_network, imageUrl(*service, m_live, format));
        QVERIFY2(clip.isImage(), qPrintable(describe(clip)));
        const Answer still = fetch(m_network, imageUrl(*service, m_live, "jpg"));
        QVERIFY2(still.isImage(), qPrintable(describe(still)));

        const Decoded decoded = decodeAll(clip.body, format);
        QVERIFY2(decoded.error.isEmpty(), qPrintable(decoded.error));
        QList<int> numbers;
        for (const QImage& frame : decoded.frames) {
            const int number = FrameCounter::read(frame);
            QVERIFY2(number >= 0, "a frame whose counter cannot be read");
            numbers.append(number);
        }
        qInfo() << format << "frame numbers:" << numbers;
        QCOMPARE(numbers.size(), 30);
        constexpr int wrap = 1 << FrameCounter::Bits;
        for (qsizetype i = 1; i < numbers.size(); ++i) {
            const int step = (numbers[i] - numbers[i - 1] + wrap) % wrap;
            QVERIFY2(step == 2 || step == 3, qPrintable(QStringLiteral("frame %1 -> %2: %3 -> %4")
                                                            .arg(i)
                                                            .arg(i + 1)
                                                            .arg(numbers[i - 1])
                                                            .arg(numbers[i])));
        }
        const int span = (numbers.last() - numbers.first() + wrap) % wrap;
        QVERIFY2(span >= 70 && span <= 75, qPrintable(QString::number(span))); // 29 steps of 2.5 frames

        // The jpg, grabbed just after, is the newest segment's first picture: the clip is no older than the
        // few seconds of segments before it.
        const int edge = FrameCounter::read(QImage::fromData(still.body, "jpeg"));
        QVERIFY(edge >= 0);
        const int behind = (edge - numbers.last() + wrap) % wrap;
        const int ahead = (numbers.last() - edge + wrap) % wrap;
        QVERIFY2(qMin(behind, ahead) <= 6 * kStreamFps,
                 qPrintable(QStringLiteral("clip ends at frame %1, the live edge is at %2")
                                .arg(numbers.last())
                                .arg(edge)));
    }

    // Once the site has asked for webp, a jpg request for another stream grabs that stream's webp too (on a
    // spare worker), so its first webp request is answered from the cache.
    void stillRequestPrefetchesAnimated() {
        const auto service = startService();
        QVERIFY(service);
        const Answer webp = fetch(m_network, imageUrl(*service, m_live, "webp"));
        QVERIFY2(webp.isImage(), qPrintable(describe(webp)));
        QCOMPARE(grabs(*service), 1.0);

        const Answer jpg = fetch(m_network, imageUrl(*service, m_other, "jpg"));
        QVERIFY2(jpg.isImage(), qPrintable(describe(jpg)));
        QTRY_COMPARE_WITH_TIMEOUT(grabs(*service), 3.0, 10000); // the jpg and the prefetched webp
        const Answer prefetched = fetch(m_network, imageUrl(*service, m_other, "webp"));
        QVERIFY2(prefetched.isImage(), qPrintable(describe(prefetched)));
        QCOMPARE(prefetched.header("X-Avld-Cache"), QByteArray("hit"));
        QCOMPARE(decodeAll(prefetched.body, "webp").frames.size(), 30);
        // Not for a format the site has not asked for.
        const Answer gif = fetch(m_network, imageUrl(*service, m_other, "gif"));
        QVERIFY2(gif.isImage(), qPrintable(describe(gif)));
        QCOMPARE(gif.header("X-Avld-Cache"), QByteArray("grab"));
        // Nor again while the webp's own next ask is not expected: AVideo keeps a webp three times as long as
        // a jpg, so most jpg asks come without one. The jpg is grabbed anew (older than 2 s), alone.
        QTRY_COMPARE_WITH_TIMEOUT(grabs(*service), 4.0, 10000);
        QTest::qWait(2100);
        const Answer again = fetch(m_network, imageUrl(*service, m_other, "jpg"));
        QCOMPARE(again.header("X-Avld-Cache"), QByteArray("grab"));
        QTest::qWait(1000);
        QCOMPARE(grabs(*service), 5.0);
    }

    // A site that never asks for an animated format costs no animated grabs.
    void noPrefetchWithoutAnimatedRequests() {
        const auto service = startService();
        QVERIFY(service);
        const Answer jpg = fetch(m_network, imageUrl(*service, m_other, "jpg"));
        QVERIFY2(jpg.isImage(), qPrintable(describe(jpg)));
        QTest::qWait(2000);
        QCOMPARE(grabs(*service), 1.0);
        QCOMPARE(service->state().grabsRunning + service->state().grabsQueued, 0);
        const Answer webp = fetch(m_network, imageUrl(*service, m_other, "webp"));
        QVERIFY2(webp.header("X-Avld-Cache") != "hit", qPrintable(describe(webp)));
    }
};

QTEST_GUILESS_MAIN(TestAnimatedAnswers)
#include "tst_animatedanswers.moc"
