#include "site/siteprofile.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace avld;

class TestSiteProfile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void normalizedSiteUrl_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::newRow("bare host") << QStringLiteral("site.example")
                                   << QStringLiteral("https://site.example/");
        QTest::newRow("http kept") << QStringLiteral("http://site.example")
                                   << QStringLiteral("http://site.example/");
        QTest::newRow("query and fragment dropped")
            << QStringLiteral("https://site.example/?a=1#x") << QStringLiteral("https://site.example/");
        QTest::newRow("subdirectory install") << QStringLiteral("https://host.example/AVideo")
                                              << QStringLiteral("https://host.example/AVideo/");
        QTest::newRow("a php page") << QStringLiteral("https://site.example/AVideo/index.php")
                                    << QStringLiteral("https://site.example/AVideo/");
        QTest::newRow("port") << QStringLiteral(" http://127.0.0.1:8081/ ")
                              << QStringLiteral("http://127.0.0.1:8081/");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("ftp") << QStringLiteral("ftp://site.example/") << QString();
        QTest::newRow("spaces inside") << QStringLiteral("https://si te.example/") << QString();
    }

    void normalizedSiteUrl() {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        const auto url = SiteProfile::normalizedSiteUrl(typed);
        if (expected.isEmpty()) {
            QVERIFY(!url.ok());
            QCOMPARE(url.error().code, QStringLiteral("bad-url"));
        } else {
            QVERIFY2(url.ok(), url.ok() ? "" : qPrintable(url.error().toString()));
            QCOMPARE(url->toString(), expected);
        }
    }

    // Nobody said where the media server is: nothing, never {site}:8080.
    void mediaIsNeverGuessed() {
        SiteProfile p;
        p.siteUrl = QUrl(QStringLiteral("https://site.example/"));
        QVERIFY(p.effectivePlayerServer().isEmpty());
        QVERIFY(p.effectiveStatUrl().isEmpty());
        p.statUrl = QUrl(QStringLiteral("http://media.example/stat"));
        QCOMPARE(p.effectiveStatUrl().toString(), QStringLiteral("http://media.example/stat"));
    }

    // What was found is kept with where it came from; the user's corrections separately.
    void storeKeepsWhatWasFound() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("p.ini")), QSettings::IniFormat);
        SiteProfile p;
        p.siteUrl = QUrl(QStringLiteral("https://site.example/"));
        p.statUrl = QUrl(QStringLiteral("http://mine.example/stat"));
        p.found.playerServer = QUrl(QStringLiteral("https://media.example/live"));
        p.found.playerServerFrom = MediaSource::Site;
        p.found.statUrl = QUrl(QStringLiteral("https://media.example/stat"));
        p.found.statFrom = MediaSource::Admin;
        SiteProfileStore(settings).save(p);
        const SiteProfile loaded = SiteProfileStore(settings).load().value(0);
        QCOMPARE(loaded.found.playerServer, p.found.playerServer);
        QCOMPARE(loaded.found.playerServerFrom, MediaSource::Site);
        QCOMPARE(loaded.found.statFrom, MediaSource::Admin);
        QVERIFY(loaded.playerServer.isEmpty());
        QCOMPARE(loaded.media().playerServerFrom, MediaSource::Site);
        QCOMPARE(loaded.media().statUrl, p.statUrl);
        QCOMPARE(loaded.media().statFrom, MediaSource::User);
    }

    void storeKeepsNoSecrets() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.ini"));
        QString id;
        {
            QSettings settings(path, QSettings::IniFormat);
            SiteProfileStore store(settings);
            SiteProfile p;
            p.displayName = QStringLiteral("Main");
            p.siteUrl = QUrl(QStringLiteral("https://site.example/"));
            p.userName = QStringLiteral("admin");
            p.acceptedCertificate = QStringLiteral("AB:CD");
            id = store.save(p);
            QVERIFY(!id.isEmpty());
        }
        QSettings settings(path, QSettings::IniFormat);
        const QList<SiteProfile> loaded = SiteProfileStore(settings).load();
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().id, id);
        QCOMPARE(loaded.first().userName, QStringLiteral("admin"));
        QCOMPARE(loaded.first().secretKey(QStringLiteral("passHash")),
                 QStringLiteral("site/%1/passHash").arg(id));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll().toLower();
        QVERIFY(!text.contains("pass"));
        QVERIFY(!text.contains("secret"));
        SiteProfileStore(settings).remove(id);
        QVERIFY(SiteProfileStore(settings).load().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSiteProfile)
#include "tst_siteprofile.moc"
