#include "keptstandin.h"

#include "commandline.h"
#include "keychainsecretstore.h"
#include "terminaltext.h"
#include "version.h"

#include <QEventLoop>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace avld {

namespace {
constexpr int kKeychainTimeoutMs = 30000; // a keyring may ask the user to unlock it
}

Result<StandinIdentity> keptStandinIdentity(const QUrl& site, bool renewPrefix) {
    QSettings settings;
    KeychainSecretStore secrets(QStringLiteral(AVLD_APP_NAME));
    StandinIdentityStore store(settings, secrets, StandinIdentityStore::defaultDirectory());
    std::optional<Result<StandinIdentity>> out;
    QEventLoop loop;
    store.load(site, renewPrefix, [&](Result<StandinIdentity> identity) {
        out = std::move(identity);
        loop.quit();
    });
    if (!out) {
        QTimer::singleShot(kKeychainTimeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!out)
        return Error{
            QStringLiteral("keychain-timeout"),
            QStringLiteral("the desktop keychain did not answer within %1 s").arg(kKeychainTimeoutMs / 1000),
            QStringLiteral("Unlock the keyring, or give the secret with --prefix.")};
    return *out;
}

void keepStandinListen(const QUrl& site, const QString& listen) {
    QSettings settings;
    KeychainSecretStore secrets(QStringLiteral(AVLD_APP_NAME));
    StandinIdentityStore(settings, secrets, StandinIdentityStore::defaultDirectory())
        .keepListen(site, listen);
}

void describeKeptStandin(const QString& command, const QUrl& site, const StandinIdentity& identity) {
    std::fprintf(stderr, "%s: the stand-in's secret prefix for %s is kept in %s\n", safePrintable(command),
                 safePrintable(site.toString()), safePrintable(identity.keptIn));
    if (identity.madeNow)
        std::fprintf(
            stderr,
            "%s: a new secret was made for this site: set the site's Encoder URL to the stand-in's URL "
            "(`%s standin-url --site %s` prints it); an Encoder URL with an earlier secret no longer "
            "reaches it\n",
            safePrintable(command), safePrintable(programName()), safePrintable(site.toString()));
}

} // namespace avld
