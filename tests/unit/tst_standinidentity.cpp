// The stand-in keeps its address and secret per site: made once, found again by a new store (a restart), in
// the keychain where one runs and otherwise in an owner-only file; a new secret only when asked for.

#include "generator/standinidentity.h"
#include "memorysecretstore.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace avld;
using avld::test::MemorySecretStore;

namespace {

const QUrl kSite(QStringLiteral("https://tv.example/"));

// Read and write for the owner, nothing for group and others.
bool ownerOnly(const QString& path) {
    const QFileDevice::Permissions permissions = QFile::permissions(path);
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteOther | QFileDevice::ExeOther;
    return (permissions & others) == 0 && (permissions & QFileDevice::ReadOwner) &&
           (permissions & QFileDevice::WriteOwner);
}

Result<StandinIdentity> loadNow(StandinIdentityStore& store, const QUrl& site, bool renew = false) {
    std::optional<Result<StandinIdentity>> out;
    store.load(site, renew, [&out](Result<StandinIdentity> identity) { out = std::move(identity); });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, 5000))
        return Error{QStringLiteral("timeout"), QStringLiteral("load() never answered"), {}};
    return *out;
}

} // namespace

class TestStandinIdentity : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    MemorySecretStore m_secrets;

    QString fileDirectory() const { return m_dir.filePath(QStringLiteral("standin")); }
    std::unique_ptr<StandinIdentityStore> newStore() {
        return std::make_unique<StandinIdentityStore>(*m_settings, m_secrets, fileDirectory());
    }

private Q_SLOTS:
    void init() {
        QDir(fileDirectory()).removeRecursively();
        m_settings =
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_settings->clear();
        m_secrets.setUnavailable(false);
    }

    void keptAcrossRestarts_data() {
        QTest::addColumn<bool>("keychain");
        QTest::newRow("keychain") << true;
        QTest::newRow("no keychain: owner-only file") << false;
    }

    void keptAcrossRestarts() {
        QFETCH(bool, keychain);
        m_secrets.setUnavailable(!keychain);
        const QUrl site(keychain ? QStringLiteral("https://one.example/")
                                 : QStringLiteral("https://two.example/"));
        const Result<StandinIdentity> first = loadNow(*newStore(), site);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
        QVERIFY(first->madeNow);
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(first->prefix).hasMatch(),
                 qPrintable(first->prefix));
        QVERIFY(first->listen.isEmpty());
        const QString file = QDir(fileDirectory()).filePath(StandinIdentityStore::siteKey(site) + ".prefix");
        if (keychain) {
            QCOMPARE(first->keptIn, QStringLiteral("the memory (tests)"));
            QVERIFY(!QFile::exists(file));
        } else {
            QCOMPARE(first->keptIn, file);
            QVERIFY(ownerOnly(file));
            QVERIFY(
                !(QFile::permissions(fileDirectory()) & (QFileDevice::ReadOther | QFileDevice::ReadGroup)));
        }
        newStore()->keepListen(site, QStringLiteral("0.0.0.0:8091"));

        // A restart: a new store over the same settings and secrets finds the same identity.
        const Result<StandinIdentity> again = loadNow(*newStore(), site);
        QVERIFY(again);
        QCOMPARE(again->prefix, first->prefix);
        QVERIFY(!again->madeNow);
        QCOMPARE(again->listen, QStringLiteral("0.0.0.0:8091"));
        QCOMPARE(again->keptIn, first->keptIn);

        // Another site has its own.
        const Result<StandinIdentity> other =
            loadNow(*newStore(), QUrl(QStringLiteral("https://other.example/")));
        QVERIFY(other);
        QVERIFY(other->prefix != first->prefix);
        QVERIFY(other->listen.isEmpty());

        // A new secret only on request; it is kept in its turn.
        const Result<StandinIdentity> renewed = loadNow(*newStore(), site, true);
        QVERIFY(renewed);
        QVERIFY(renewed->madeNow);
        QVERIFY(renewed->prefix != first->prefix);
        QCOMPARE(renewed->listen, QStringLiteral("0.0.0.0:8091"));
        const Result<StandinIdentity> afterRenew = loadNow(*newStore(), site);
        QVERIFY(afterRenew);
        QCOMPARE(afterRenew->prefix, renewed->prefix);
    }

    // A keychain that appears later does not change the secret kept in the file meanwhile.
    void fileKeptWhenKeychainAppears() {
        m_secrets.setUnavailable(true);
        const Result<StandinIdentity> first = loadNow(*newStore(), kSite);
        QVERIFY(first);
        m_secrets.setUnavailable(false);
        const Result<StandinIdentity> later = loadNow(*newStore(), kSite);
        QVERIFY(later);
        QCOMPARE(later->prefix, first->prefix);
        QVERIFY(!later->madeNow);
    }

    void widenedFileIsTightened() {
        m_secrets.setUnavailable(true);
        const Result<StandinIdentity> first = loadNow(*newStore(), kSite);
        QVERIFY(first);
        QFile::setPermissions(first->keptIn, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                 QFileDevice::ReadGroup | QFileDevice::ReadOther);
        QVERIFY(!ownerOnly(first->keptIn));
        const Result<StandinIdentity> again = loadNow(*newStore(), kSite);
        QVERIFY(again);
        QCOMPARE(again->prefix, first->prefix);
        QVERIFY(ownerOnly(first->keptIn));
    }

    void corruptFileIsAnErrorNotANewSecret() {
        m_secrets.setUnavailable(true);
        const Result<StandinIdentity> first = loadNow(*newStore(), kSite);
        QVERIFY(first);
        QFile file(first->keptIn);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("not a/secret\n");
        file.close();
        const Result<StandinIdentity> broken = loadNow(*newStore(), kSite);
        QVERIFY(!broken);
        QCOMPARE(broken.error().code, QStringLiteral("corrupt"));
        QVERIFY2(broken.error().message.contains(first->keptIn), qPrintable(broken.error().message));
        QVERIFY(!broken.error().hint.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStandinIdentity)
#include "tst_standinidentity.moc"
