#include "siteposters.h"

namespace avld::test {

QString SitePosters::path(int usersId, int liveServersId) {
    return QStringLiteral("videos/userPhoto/Live/user_%1_thumbs_%2.jpg").arg(usersId).arg(liveServersId);
}

void SitePosters::set(int usersId, int liveServersId, QByteArray jpeg) {
    m_files.insert(path(usersId, liveServersId), std::move(jpeg));
}

void SitePosters::remove(int usersId, int liveServersId) {
    m_files.remove(path(usersId, liveServersId));
}

QByteArray SitePosters::poster(int usersId, int liveServersId) const {
    return m_files.value(path(usersId, liveServersId));
}

} // namespace avld::test
