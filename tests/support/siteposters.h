#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace avld::test {

// The streamers' uploaded posters of the simulated site, as the real AVideo keeps them: the file
// videos/userPhoto/Live/user_{users_id}_thumbs_{live_servers_id}.jpg, which Apache serves to anyone and which
// getImage.php serves as it is, for every format, when the encoder gives nothing (README of the real AVideo:
// "A poster is not a frame").
class SitePosters {
public:
    static QString path(int usersId, int liveServersId);

    void set(int usersId, int liveServersId, QByteArray jpeg);
    void remove(int usersId, int liveServersId);
    // The poster's bytes; empty when the user uploaded none.
    QByteArray poster(int usersId, int liveServersId) const;
    // The file at a site-relative path, for the static files; empty when there is none.
    QByteArray file(const QString& path) const { return m_files.value(path); }

private:
    QHash<QString, QByteArray> m_files; // site-relative path -> bytes
};

} // namespace avld::test
