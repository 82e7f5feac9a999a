#include "encoders/encodertargetstore.h"
#include "site/siteprofile.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace avld;

// The encoders an admin added for a site survive a restart, with the site's profile, and go with it.
class TestEncoderTargetStore : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static EncoderTarget target(const QString& id, EncoderOrigin origin, int intervalMs = 60'000) {
        EncoderTarget t;
        t.id = id;
        t.name = id + QStringLiteral(" name");
        t.url = QUrl(QStringLiteral("https://%1.example/").arg(id));
        t.origin = origin;
        t.intervalMs = intervalMs;
        t.statusPassword = QStringLiteral("never kept");
        return t;
    }

private Q_SLOTS:
    void keepsTheAddedOnesAcrossARestart() {
        const QString path = m_dir.filePath(QStringLiteral("a.ini"));
        {
            QSettings settings(path, QSettings::IniFormat);
            EncoderTargetStore store(settings, QStringLiteral("site-1"));
            QVERIFY(store.save({target(QStringLiteral("site"), EncoderOrigin::SiteConfigured),
                                target(QStringLiteral("backup"), EncoderOrigin::AdminAdded, 30'000),
                                target(QStringLiteral("public1"), EncoderOrigin::Public),
                                target(QStringLiteral("standin"), EncoderOrigin::LocalStandIn)}));
            QVERIFY(!store.save(store.load())); // unchanged: no write
        }
        QSettings settings(path, QSettings::IniFormat);
        const QList<EncoderTarget> kept = EncoderTargetStore(settings, QStringLiteral("site-1")).load();
        QCOMPARE(kept.size(), 2);
        QCOMPARE(kept.at(0).id, QStringLiteral("backup"));
        QCOMPARE(kept.at(0).name, QStringLiteral("backup name"));
        QCOMPARE(kept.at(0).url, QUrl(QStringLiteral("https://backup.example/")));
        QCOMPARE(kept.at(0).intervalMs, 30'000);
        QCOMPARE(kept.at(1).origin, EncoderOrigin::Public);
        QVERIFY(EncoderTargetStore(settings, QStringLiteral("site-2")).load().isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("never kept"));
    }

    void removingAnEncoderAndTheProfile() {
        QSettings settings(m_dir.filePath(QStringLiteral("b.ini")), QSettings::IniFormat);
        SiteProfile profile;
        profile.siteUrl = QUrl(QStringLiteral("https://videos.example/"));
        profile.id = SiteProfileStore(settings).save(profile);
        EncoderTargetStore store(settings, profile.id);
        QVERIFY(store.save({target(QStringLiteral("a"), EncoderOrigin::AdminAdded),
                            target(QStringLiteral("b"), EncoderOrigin::AdminAdded)}));
        QVERIFY(store.save({target(QStringLiteral("b"), EncoderOrigin::AdminAdded)}));
        QCOMPARE(store.load().size(), 1);
        QCOMPARE(SiteProfileStore(settings).load().size(), 1); // the encoders are no profile of their own
        SiteProfileStore(settings).remove(profile.id);
        QVERIFY(store.load().isEmpty());
    }

    void damagedEntriesAreSkipped() {
        QSettings settings(m_dir.filePath(QStringLiteral("c.ini")), QSettings::IniFormat);
        settings.beginWriteArray(QStringLiteral("sites/x/encoders"), 3);
        settings.setArrayIndex(0);
        settings.setValue(QStringLiteral("id"), QStringLiteral("ok"));
        settings.setValue(QStringLiteral("url"), QUrl(QStringLiteral("http://ok.example/")));
        settings.setValue(QStringLiteral("intervalMs"), -5);
        settings.setArrayIndex(1);
        settings.setValue(QStringLiteral("url"), QUrl(QStringLiteral("http://noid.example/")));
        settings.setArrayIndex(2);
        settings.setValue(QStringLiteral("id"), QStringLiteral("nourl"));
        settings.setValue(QStringLiteral("url"), QStringLiteral("not a url"));
        settings.endArray();
        const QList<EncoderTarget> kept = EncoderTargetStore(settings, QStringLiteral("x")).load();
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.first().intervalMs, 1000); // bounded
    }
};

QTEST_GUILESS_MAIN(TestEncoderTargetStore)
#include "tst_encodertargetstore.moc"
