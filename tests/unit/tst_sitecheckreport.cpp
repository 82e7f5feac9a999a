#include "site/sitecheck.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace avld;

namespace {

LiveEntry live(const QString& title, std::optional<ThumbnailClass> cls) {
    LiveEntry e;
    e.key = title.toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
    SiteLive s;
    s.key = e.key;
    s.title = title;
    e.site = s;
    if (cls) {
        SiteThumbnail t;
        t.cls = *cls;
        t.url = QUrl(QStringLiteral("https://site.example/plugin/Live/getImage.php?u=x&format=jpg"));
        e.siteThumbnail = t;
    }
    return e;
}

} // namespace

// What `check` says overall: the findings' wording and the overall severity (its exit code).
class TestSiteCheckReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void noLiveIsSaidAsSuch() {
        SiteCheckReport report;
        QCOMPARE(report.overall(), Severity::Ok);
        QCOMPARE(report.findings(),
                 QStringList{QStringLiteral("OK: no live is running: there is nothing to check")});
        QVERIFY(!report.findings().join(QLatin1Char('\n')).contains(QStringLiteral("real frame")));
    }

    void everyThumbnailRealOnlyWhenTrue_data() {
        QTest::addColumn<QList<int>>("classes"); // -1: no thumbnail URL
        QTest::addColumn<int>("severity");
        QTest::addColumn<QString>("first");
        QTest::newRow("all real") << QList<int>{int(ThumbnailClass::RealFrame),
                                                int(ThumbnailClass::RealFrame)}
                                  << int(Severity::Ok)
                                  << QStringLiteral("OK: 2 lives, every thumbnail is a real frame");
        QTest::newRow("one without a thumbnail URL")
            << QList<int>{int(ThumbnailClass::RealFrame), -1} << int(Severity::Ok)
            << QStringLiteral("OK: 2 lives, 1 with a real frame, 1 without a thumbnail to check");
        QTest::newRow("getImage.php broken")
            << QList<int>{int(ThumbnailClass::RealFrame), int(ThumbnailClass::NotAnImage)}
            << int(Severity::Critical)
            << QStringLiteral("CRITICAL: Live 1: the site's getImage.php answered");
        QTest::newRow("not fetched is not OK")
            << QList<int>{int(ThumbnailClass::FetchFailed)} << int(Severity::Warning)
            << QStringLiteral("WARNING: Live 0: this computer could not fetch the site's thumbnail");
        QTest::newRow("static poster is not OK")
            << QList<int>{int(ThumbnailClass::StaticPoster)} << int(Severity::Warning)
            << QStringLiteral("WARNING: Live 0: the site shows a static poster, not a live frame");
    }

    void everyThumbnailRealOnlyWhenTrue() {
        QFETCH(QList<int>, classes);
        QFETCH(int, severity);
        QFETCH(QString, first);
        SiteCheckReport report;
        for (qsizetype i = 0; i < classes.size(); ++i)
            report.lives.append(live(
                QStringLiteral("Live %1").arg(i),
                classes[i] < 0 ? std::nullopt : std::optional<ThumbnailClass>(ThumbnailClass(classes[i]))));
        QCOMPARE(int(report.overall()), severity);
        const QStringList findings = report.findings();
        QVERIFY2(findings.first().startsWith(first), qPrintable(findings.join(QLatin1Char('\n'))));
        if (severity != int(Severity::Ok))
            QVERIFY(!findings.join(QLatin1Char('\n')).contains(QStringLiteral("every thumbnail")));
    }

    void jsonNamesTheNewClasses() {
        SiteCheckReport report;
        report.lives.append(live(QStringLiteral("Alice live"), ThumbnailClass::StaticPoster));
        report.lives.append(live(QStringLiteral("Bob live"), ThumbnailClass::NotAnImage));
        report.lives[1].siteThumbnail->httpStatus = 500;
        const QJsonObject json = report.toJson();
        const QJsonArray lives = json.value(QStringLiteral("lives")).toArray();
        QCOMPARE(lives.at(0)
                     .toObject()
                     .value(QStringLiteral("siteThumbnail"))
                     .toObject()
                     .value(QStringLiteral("class")),
                 QJsonValue(QStringLiteral("static poster")));
        QCOMPARE(lives.at(1)
                     .toObject()
                     .value(QStringLiteral("siteThumbnail"))
                     .toObject()
                     .value(QStringLiteral("class")),
                 QJsonValue(QStringLiteral("broken image")));
        QCOMPARE(lives.at(1)
                     .toObject()
                     .value(QStringLiteral("siteThumbnail"))
                     .toObject()
                     .value(QStringLiteral("httpStatus")),
                 QJsonValue(500));
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("CRITICAL"));
    }
};

QTEST_GUILESS_MAIN(TestSiteCheckReport)
#include "tst_sitecheckreport.moc"
