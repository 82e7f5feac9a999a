#include "memorysecretstore.h"
#include "mockclock.h"
#include "site/sitesignin.h"
#include "sitesimulator.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace avld;
using namespace avld::test;

// Signing in without keeping the password: the hash AVideo returns goes to the secret store and is used
// next time (§5, encodedPass=1). Against the site simulator on loopback.
class SiteSignInTest : public QObject {
    Q_OBJECT
private:
    MockClock m_clock;
    std::unique_ptr<SiteSimulator> m_site;
    QNetworkAccessManager m_network;

    SiteProfile profile() const {
        SiteProfile p;
        p.id = QStringLiteral("signin-test");
        p.siteUrl = m_site->siteUrl();
        return p;
    }

    struct Attempt {
        Result<SiteSignIn::Outcome> outcome{Error{}};
        int asked = 0;
    };

    Attempt signIn(SiteClient& client, SecretStore& secrets, std::optional<QString> password,
                   const QString& typed = QStringLiteral("admin123")) {
        SiteSignIn signIn(client, secrets);
        Attempt attempt;
        bool finished = false;
        signIn.signIn(
            QStringLiteral("admin"), password,
            [&]() -> Result<QString> {
                ++attempt.asked;
                return typed;
            },
            [&](Result<SiteSignIn::Outcome> outcome) {
                attempt.outcome = std::move(outcome);
                finished = true;
            });
        if (!QTest::qWaitFor([&] { return finished; }, 15000))
            attempt.outcome = Error{QStringLiteral("test-timeout"), QStringLiteral("no answer"), {}};
        return attempt;
    }

private Q_SLOTS:
    void init() {
        SiteSimulator::Options options;
        options.clock = &m_clock;
        m_site = std::make_unique<SiteSimulator>(options);
        QVERIFY(m_site->listen());
    }

    void passwordLoginKeepsTheHashNotThePassword() {
        SiteClient client(m_network, profile(), m_clock);
        MemorySecretStore secrets;
        const Attempt first = signIn(client, secrets, QStringLiteral("admin123"));
        QVERIFY2(first.outcome.ok(), qPrintable(first.outcome.ok() ? "" : first.outcome.error().toString()));
        QCOMPARE(first.asked, 0);
        QVERIFY(!first.outcome->usedStoredHash);
        QVERIFY(first.outcome->storeProblem.ok());
        QCOMPARE(secrets.size(), 1);

        std::optional<QString> stored;
        secrets.read(SiteSignIn(client, secrets).hashKey(QStringLiteral("admin")),
                     [&](Result<QString> r) { stored = r.valueOr(QString()); });
        QTRY_VERIFY(stored.has_value());
        QCOMPARE(*stored, first.outcome->login.passwordHash);
        QVERIFY(*stored != QStringLiteral("admin123"));
    }

    void storedHashSignsInWithoutAsking() {
        SiteClient client(m_network, profile(), m_clock);
        MemorySecretStore secrets;
        QVERIFY(signIn(client, secrets, QStringLiteral("admin123")).outcome.ok());
        const Attempt second = signIn(client, secrets, std::nullopt);
        QVERIFY(second.outcome.ok());
        QCOMPARE(second.asked, 0);
        QVERIFY(second.outcome->usedStoredHash);
        QVERIFY(second.outcome->login.isAdmin);
    }

    void noStoredHashAsksOnce() {
        SiteClient client(m_network, profile(), m_clock);
        MemorySecretStore secrets;
        const Attempt attempt = signIn(client, secrets, std::nullopt);
        QVERIFY(attempt.outcome.ok());
        QCOMPARE(attempt.asked, 1);
        QCOMPARE(secrets.size(), 1);
    }

    void changedPasswordForgetsTheStaleHashAndAsks() {
        SiteClient client(m_network, profile(), m_clock);
        MemorySecretStore secrets;
        QVERIFY(signIn(client, secrets, QStringLiteral("admin123")).outcome.ok());
        SimulatedUser admin = *m_site->accounts().byName(QStringLiteral("admin"));
        admin.password = QStringLiteral("new-secret");
        m_site->addUser(admin);

        const Attempt attempt = signIn(client, secrets, std::nullopt, QStringLiteral("new-secret"));
        QVERIFY2(attempt.outcome.ok(),
                 qPrintable(attempt.outcome.ok() ? "" : attempt.outcome.error().toString()));
        QCOMPARE(attempt.asked, 1);
        QVERIFY(!attempt.outcome->usedStoredHash);
        QCOMPARE(secrets.size(), 1); // the new hash replaced the stale one
        QVERIFY(signIn(client, secrets, std::nullopt).outcome->usedStoredHash);
    }

    void wrongPasswordIsAClearErrorAndStoresNothing() {
        SiteClient client(m_network, profile(), m_clock);
        MemorySecretStore secrets;
        const Attempt attempt = signIn(client, secrets, QStringLiteral("wrong"));
        QVERIFY(!attempt.outcome.ok());
        QCOMPARE(attempt.outcome.error().code, QStringLiteral("wrong-credentials"));
        QCOMPARE(secrets.size(), 0);
    }

    void noKeychainStillSignsInAndSaysSo() {
        SiteClient client(m_network, profile(), m_clock);
        MemorySecretStore secrets;
        secrets.setUnavailable(true);
        const Attempt attempt = signIn(client, secrets, std::nullopt);
        QVERIFY(attempt.outcome.ok());
        QCOMPARE(attempt.asked, 1);
        QVERIFY(!attempt.outcome->storeProblem.ok());
    }

    void unreachableSiteDoesNotAskForThePassword() {
        SiteClient client(m_network, profile(), m_clock);
        MemorySecretStore secrets;
        QVERIFY(signIn(client, secrets, QStringLiteral("admin123")).outcome.ok());
        m_site->setFault(QStringLiteral("objects/login.json.php"), SiteSimulator::Fault::HtmlErrorPage);
        const Attempt attempt = signIn(client, secrets, std::nullopt);
        QVERIFY(!attempt.outcome.ok());
        QCOMPARE(attempt.asked, 0);
        QCOMPARE(secrets.size(), 1); // a site error is not a reason to forget the hash
    }

    void forgetRemovesTheHash() {
        SiteClient client(m_network, profile(), m_clock);
        MemorySecretStore secrets;
        QVERIFY(signIn(client, secrets, QStringLiteral("admin123")).outcome.ok());
        SiteSignIn signIn(client, secrets);
        std::optional<Status> forgotten;
        signIn.forget(QStringLiteral("admin"), [&](Status s) { forgotten = s; });
        QTRY_VERIFY(forgotten.has_value());
        QVERIFY(forgotten->ok());
        QCOMPARE(secrets.size(), 0);
    }
};

QTEST_GUILESS_MAIN(SiteSignInTest)
#include "tst_sitesignin.moc"
