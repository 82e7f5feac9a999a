// The animated encoders' warm-up (warmUpAnimatedEncodersOnce): in the background, once per process, and an
// application that ends while it runs still ends, cleanly (a hang shows as this test's timeout).

#include "generator/thumbnailencoding.h"
#include "generator/thumbnailservice.h"

#include <QTest>

using namespace avld;

class TestEncoderWarmUp : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void startsInTheBackgroundAndTheApplicationStillEnds() {
        GeneratorConfig config;
        config.bindAddress = QHostAddress(QHostAddress::LocalHost);
        config.allowedHosts = {QStringLiteral("127.0.0.1")};
        ThumbnailService service(config); // starts the warm-up, as every stand-in does
        QVERIFY(service.start().ok());
        QVERIFY(!service.state().encodersWarm); // a few hundred ms of encoding, not on this thread
        QVERIFY(!warmUpAnimatedEncodersOnce().isFinished()); // the same one, still running
        // The test, and the application with it, ends here while the warm-up runs.
    }
};

QTEST_GUILESS_MAIN(TestEncoderWarmUp)
#include "tst_encoderwarmup.moc"
