#include "media/imagemarker.h"
#include "scriptedhttpserver.h"
#include "streamstack.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {
struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// The program under test: avideo-live-doctor, or the one $AVLD_TEST_PROGRAM names (ctest's
// tst_grabcommand_nox runs these tests against avideo-live-doctor-nox).
QString program() {
    return qEnvironmentVariable("AVLD_TEST_PROGRAM", QStringLiteral(AVLD_PROGRAM));
}

Run runProgram(const QStringList& arguments, int timeoutMs = 30000) {
    QProcess process;
    process.start(program(), arguments);
    // Waits with the event loop running: a server of this test (ScriptedHttpServer) answers meanwhile.
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}
} // namespace

// The `grab` command as an admin runs it: real streams in, image files out, clear errors and exit codes.
class TestGrabCommand : public QObject {
    Q_OBJECT
private:
    StreamStack m_stack;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QFileInfo(program()).isExecutable(),
                 qPrintable(program() + QStringLiteral(" is not a program")));
        qInfo("program under test: %s", qPrintable(program()));
        if (const Status failed = m_stack.start(); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
        if (const Status failed = m_stack.publish({.key = QStringLiteral("cam")}, 20000, 3); !failed.ok())
            QFAIL(qPrintable(failed.error().toString()));
    }

    void writesEveryFormat_data() {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("readerFormat");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("frames");

        QTest::newRow("jpg") << QStringList() << QStringLiteral("a.jpg") << QByteArray("jpeg")
                             << QSize(640, 360) << 1;
        QTest::newRow("png") << QStringList() << QStringLiteral("a.png") << QByteArray("png")
                             << QSize(640, 360) << 1;
        QTest::newRow("webp still") << QStringList() << QStringLiteral("a.webp") << QByteArray("webp")
                                    << QSize(640, 360) << 1;
        QTest::newRow("gif") << QStringList() << QStringLiteral("a.gif") << QByteArray("gif")
                             << QSize(320, 180) << 30;
        QTest::newRow("webp animated")
            << QStringList{QStringLiteral("--animated")} << QStringLiteral("b.webp") << QByteArray("webp")
            << QSize(640, 360) << 30;
        QTest::newRow("format and size options")
            << QStringList{QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("--size"),
                           QStringLiteral("320x240")}
            << QStringLiteral("c.out") << QByteArray("png") << QSize(320, 240) << 1;
    }

    void writesEveryFormat() {
        QFETCH(QStringList, extra);
        QFETCH(QString, file);
        QFETCH(QByteArray, readerFormat);
        QFETCH(QSize, size);
        QFETCH(int, frames);

        const QString path = m_dir.filePath(file);
        const Run run =
            runProgram(QStringList{QStringLiteral("grab"), m_stack.hlsUrl(QStringLiteral("cam")).toString(),
                                   QStringLiteral("-o"), path} +
                       extra);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("behind the live edge")));
        QVERIFY(run.out.contains(QStringLiteral("bytes downloaded")));

        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray bytes = written.readAll();
        QBuffer buffer;
        buffer.setData(bytes);
        QImageReader reader(&buffer, readerFormat);
        QVERIFY2(reader.canRead(), qPrintable(reader.errorString()));
        QCOMPARE(reader.size(), size);
        if (frames > 1)
            QCOMPARE(reader.imageCount(), frames);
        const QImage first = reader.read();
        QCOMPARE(first.size(), size);
        if (readerFormat == "jpeg" || readerFormat == "png")
            QVERIFY(ImageMarker::carries(bytes));
    }

    // By default the newest picture of the newest segment; --first-keyframe, its first keyframe, a segment
    // (2 s here) older. The age is the stream time from the picture to the end of the segment.
    void newestPictureUnlessTheFirstKeyframeIsAsked() {
        const auto ageOf = [](const QString& out) {
            const QRegularExpressionMatch m =
                QRegularExpression(QStringLiteral("([0-9.]+) s behind the live edge")).match(out);
            return m.hasMatch() ? m.captured(1).toDouble() : -1.0;
        };
        const QString url = m_stack.hlsUrl(QStringLiteral("cam")).toString();
        const Run newest = runProgram({QStringLiteral("grab"), url, QStringLiteral("-o"),
                                       m_dir.filePath(QStringLiteral("newest.jpg"))});
        const Run first =
            runProgram({QStringLiteral("grab"), url, QStringLiteral("-o"),
                        m_dir.filePath(QStringLiteral("first.jpg")), QStringLiteral("--first-keyframe")});
        QVERIFY2(newest.exitCode == 0 && first.exitCode == 0, qPrintable(newest.err + first.err));
        QVERIFY2(ageOf(newest.out) >= 0 && ageOf(newest.out) <= 0.5, qPrintable(newest.out));
        QVERIFY2(ageOf(first.out) >= 1.5, qPrintable(first.out));
    }

    // --sound: one line about the sound of the segment the picture came from. The stack's publisher sends
    // lavfi's sine (440 Hz, amplitude 1/8: -18 dBFS peak, -21 dBFS RMS) without a pause; nginx-rtmp declares
    // an audio track in the segments of a publisher without audio, which has no packets.
    void soundOfTheSameSegment_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("pattern"); // the sound line
        QTest::newRow("HLS with audio")
            << QStringLiteral("HLS:cam")
            << QStringLiteral("^sound   peak (-[0-9.]+) dBFS, RMS (-[0-9.]+) dBFS, loudness (-[0-9.]+) LUFS "
                              "\\(momentary max\\)$");
        QTest::newRow("HLS without audio")
            << QStringLiteral("HLS:mute") << QStringLiteral("^sound   none \\(the stream has no audio\\)$");
        QTest::newRow("RTMP") << QStringLiteral("RTMP:cam")
                              << QStringLiteral("^sound   not measured \\(only from HLS segments read whole; "
                                                "this grab went via rtmp\\)$");
    }
    void soundOfTheSameSegment() {
        QFETCH(QString, source);
        QFETCH(QString, pattern);
        if (source == QStringLiteral("HLS:mute")) {
            const Status published = m_stack.publish(
                {.key = QStringLiteral("mute"), .size = QSize(320, 180), .audio = false}, 20000, 2);
            QVERIFY2(published.ok(), published.ok() ? "" : qPrintable(published.error().toString()));
        }
        const QString key = source.section(QLatin1Char(':'), 1);
        const QUrl url =
            source.startsWith(QStringLiteral("HLS:")) ? m_stack.hlsUrl(key) : m_stack.rtmpUrl(key);
        const Run run = runProgram({QStringLiteral("grab"), url.toString(), QStringLiteral("-o"),
                                    m_dir.filePath(QStringLiteral("sound.jpg")), QStringLiteral("--sound")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QRegularExpressionMatch line =
            QRegularExpression(pattern, QRegularExpression::MultilineOption).match(run.out);
        QVERIFY2(line.hasMatch(), qPrintable(run.out));
        if (line.lastCapturedIndex() == 3) {
            const double peak = line.captured(1).toDouble();
            const double rms = line.captured(2).toDouble();
            const double loudness = line.captured(3).toDouble();
            QVERIFY2(peak >= -18.6 && peak <= -16, qPrintable(run.out)); // the coder may ring at an onset
            QVERIFY2(rms >= -21.6 && rms <= -20.6, qPrintable(run.out));
            QVERIFY2(loudness >= -22.5 && loudness <= -21, qPrintable(run.out));
        }
        const Run without = runProgram({QStringLiteral("grab"), url.toString(), QStringLiteral("-o"),
                                        m_dir.filePath(QStringLiteral("plain.jpg"))});
        QVERIFY2(without.exitCode == 0, qPrintable(without.err));
        QVERIFY2(!QRegularExpression(QStringLiteral("^sound"), QRegularExpression::MultilineOption)
                      .match(without.out)
                      .hasMatch(),
                 qPrintable(without.out));
    }

    void rtmpSource() {
        const QString path = m_dir.filePath(QStringLiteral("rtmp.jpg"));
        const Run run = runProgram({QStringLiteral("grab"), m_stack.rtmpUrl(QStringLiteral("cam")).toString(),
                                    QStringLiteral("-o"), path});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("via rtmp")));
        QCOMPARE(QImage(path).size(), QSize(640, 360));
    }

    void failuresSayWhyAndWriteNothing_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrContains");

        QTest::newRow("no such stream")
            << QStringList{QStringLiteral("HLS:nobody")} << 1 << QStringLiteral("HTTP 404");
        QTest::newRow("unknown format")
            << QStringList{QStringLiteral("HLS:cam"), QStringLiteral("--format"), QStringLiteral("bmp")} << 64
            << QStringLiteral("unknown format");
        QTest::newRow("bad size") << QStringList{QStringLiteral("HLS:cam"), QStringLiteral("--size"),
                                                 QStringLiteral("big")}
                                  << 64 << QStringLiteral("--size");
        QTest::newRow("animated jpg") << QStringList{QStringLiteral("HLS:cam"), QStringLiteral("--animated")}
                                      << 64 << QStringLiteral("--animated goes with --format webp");
        QTest::newRow("bad timeout") << QStringList{QStringLiteral("HLS:cam"), QStringLiteral("--timeout"),
                                                    QStringLiteral("soon")}
                                     << 64 << QStringLiteral("--timeout");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("HLS:cam"), QStringLiteral("--colour")}
                                        << 64 << QStringLiteral("Unknown option 'colour'");
        // Issue 15, item 10: a missing file was called an unsupported URL.
        QTest::newRow("missing file") << QStringList{QStringLiteral("/nonexistent/cam.ts")} << 1
                                      << QStringLiteral("no such file: /nonexistent/cam.ts");
    }

    void failuresSayWhyAndWriteNothing() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrContains);
        const QString path = m_dir.filePath(QStringLiteral("never.jpg"));
        QStringList full{QStringLiteral("grab")};
        for (const QString& a : arguments)
            full << (a.startsWith(QStringLiteral("HLS:")) ? m_stack.hlsUrl(a.mid(4)).toString() : a);
        full << QStringLiteral("-o") << path;
        const Run run = runProgram(full);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(stderrContains), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QChar(0x1b)) && !run.err.contains(QChar(0x07)), qPrintable(run.err));
        QVERIFY(!QFile::exists(path));
    }

    // Issue 15, item 6: the first line of a server's answer is quoted in the error ("the server answered
    // …, not an HLS playlist"); a clear-screen, window title or colours in it must not reach the terminal.
    void remoteTextDoesNotReachTheTerminalRaw() {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.respond(QStringLiteral("/hostile.m3u8"), 200, "text/plain",
                       "\x1b]0;pwned\x07\x1b[2J\x1b[31mNot a playlist\x1b[0m\r\n");
        const Run run =
            runProgram({QStringLiteral("grab"), server.url(QStringLiteral("/hostile.m3u8")).toString(),
                        QStringLiteral("-o"), m_dir.filePath(QStringLiteral("never.jpg"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("answered \"Not a playlist\"")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QChar(0x1b)) && !run.err.contains(QChar(0x07)), qPrintable(run.err));
    }

    void helpListsTheOptions() {
        const Run run = runProgram({QStringLiteral("grab"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char* option :
             {"--output", "--format", "--size", "--timeout", "--referer", "--animated", "--sound"})
            QVERIFY2(run.out.contains(QString::fromLatin1(option)), option);
    }
};

QTEST_GUILESS_MAIN(TestGrabCommand)
#include "tst_grabcommand.moc"
