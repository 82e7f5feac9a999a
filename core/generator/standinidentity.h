#pragma once

#include "result.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QSettings;

namespace avld {

class SecretStore;

// Who the stand-in is for one site: where it listens and its secret path prefix. AVideo stores the Encoder
// URL the admin typed once; a stand-in that came back on another port or with another secret would get 404s
// from then on, silently. So both are made once per site and kept, and every start for that site (the
// window, `serve --site`, `standin-url --site`) uses them.
struct StandinIdentity {
    QString listen;       // "ADDR:PORT" as `serve --listen` takes it; empty until a stand-in has been started
    QString prefix;       // the secret path segment, without slashes
    QString keptIn;       // where the prefix is kept, in words: "the desktop keychain" or the file's path
    bool madeNow = false; // the prefix did not exist before this load (a new Encoder URL for AVideo)

    // 32 hex digits from the system's random source: 128 bits, as a capability URL needs.
    static QString newPrefix();
};

// Keeps StandinIdentity per site, keyed by the site's normalised URL, so that the window's profiles and the
// headless commands find the same one. The listen address goes to QSettings (group "standin"). The prefix is
// a capability: it goes to the SecretStore where a keychain runs, otherwise to a file of its own that only
// its owner may read (mode 0600, in a 0700 directory) — a server that runs `serve` has no desktop keychain.
class StandinIdentityStore : public QObject {
    Q_OBJECT
public:
    // `fileDirectory` holds the prefix files where no keychain runs (defaultDirectory() in the app).
    StandinIdentityStore(QSettings& settings, SecretStore& secrets, QString fileDirectory,
                         QObject* parent = nullptr);

    // The identity kept for `siteUrl`; a prefix is made and kept when there is none, or a new one when
    // `renewPrefix`. `done` runs once, on this thread.
    void load(const QUrl& siteUrl, bool renewPrefix, std::function<void(Result<StandinIdentity>)> done);
    // Remembers where the stand-in for `siteUrl` listens ("ADDR:PORT").
    void keepListen(const QUrl& siteUrl, const QString& listen);
    // Keeps a prefix the admin chose (the window's settings) as the site's; `done` as for load().
    void keepPrefix(const QUrl& siteUrl, const QString& prefix,
                    std::function<void(Result<StandinIdentity>)> done);

    // <config dir>/standin, e.g. ~/.config/AVideoLiveDoctor/standin.
    static QString defaultDirectory();
    // The key of a site in the settings, the keychain and the file name: its URL hashed (no URL in a name).
    static QString siteKey(const QUrl& siteUrl);

private:
    QString filePath(const QString& key) const;
    Result<QString> readFile(const QString& key) const;
    Status writeFile(const QString& key, const QString& prefix) const;
    void keep(const QString& key, const QUrl& siteUrl, const QString& prefix,
              std::function<void(Result<StandinIdentity>)> done);
    StandinIdentity identityFor(const QString& key, const QString& prefix, const QString& keptIn) const;

    QSettings& m_settings;
    SecretStore& m_secrets;
    QString m_directory;
};

} // namespace avld
