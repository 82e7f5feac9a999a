#include "followedlivesstore.h"

#include "logging.h"
#include "site/siteprofile.h"
#include "site/statejson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

namespace avld {

FollowedLivesStore::FollowedLivesStore(QString path)
    : m_path(std::move(path)) {
    m_pool.setMaxThreadCount(1);
}

FollowedLivesStore::~FollowedLivesStore() {
    waitForSaved();
}

QString FollowedLivesStore::pathFor(const SiteProfile& profile) {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("followed-lives-%1.json").arg(profile.siteKey()));
}

QJsonObject FollowedLivesStore::toJson(const FollowedLives& lives, const QDateTime& savedAt) {
    QSet<QString> keys;
    for (auto it = lives.sounds.cbegin(); it != lives.sounds.cend(); ++it)
        keys.insert(it.key());
    for (auto it = lives.pictures.cbegin(); it != lives.pictures.cend(); ++it)
        keys.insert(it.key());
    QJsonObject byKey;
    for (const QString& key : keys) {
        QJsonObject live;
        if (const auto sound = lives.sounds.constFind(key); sound != lives.sounds.cend())
            live.insert(QStringLiteral("sound"), sound->stateJson());
        if (const auto picture = lives.pictures.constFind(key); picture != lives.pictures.cend())
            live.insert(QStringLiteral("picture"), picture->stateJson());
        byKey.insert(key, live);
    }
    return {{QStringLiteral("version"), kVersion},
            {QStringLiteral("savedAt"), stateJsonTime(savedAt)},
            {QStringLiteral("lives"), byKey}};
}

Result<FollowedLives> FollowedLivesStore::fromJson(const QJsonObject& json) {
    const int version = json.value(QStringLiteral("version")).toInt(-1);
    if (version != kVersion)
        return Error{
            QStringLiteral("bad-version"),
            QStringLiteral("version %1, where this build reads version %2").arg(version).arg(kVersion),
            {}};
    const QJsonValue lives = json.value(QStringLiteral("lives"));
    if (!lives.isObject())
        return Error{QStringLiteral("bad-state"), QStringLiteral("no \"lives\" object"), {}};
    FollowedLives followed;
    const QJsonObject byKey = lives.toObject();
    for (auto it = byKey.constBegin(); it != byKey.constEnd(); ++it) {
        const QJsonObject live = it.value().toObject();
        if (live.contains(QStringLiteral("sound"))) {
            Result<LiveSound> sound =
                LiveSound::fromStateJson(live.value(QStringLiteral("sound")).toObject());
            if (!sound)
                return Error{sound.error().code, it.key() + QStringLiteral(": ") + sound.error().message, {}};
            followed.sounds.insert(it.key(), std::move(sound).value());
        }
        if (live.contains(QStringLiteral("picture"))) {
            Result<LivePicture> picture =
                LivePicture::fromStateJson(live.value(QStringLiteral("picture")).toObject());
            if (!picture)
                return Error{
                    picture.error().code, it.key() + QStringLiteral(": ") + picture.error().message, {}};
            followed.pictures.insert(it.key(), std::move(picture).value());
        }
    }
    return followed;
}

int FollowedLivesStore::dropStale(FollowedLives& lives, const QDateTime& now) {
    QSet<QString> dropped;
    // A live never measured (never seen) has nothing to go on from: dropped without a word.
    const auto drop = [&](auto& byKey, auto timeOf) {
        for (auto it = byKey.begin(); it != byKey.end();) {
            const QDateTime at = timeOf(*it);
            if (at.isValid() && at.msecsTo(now) <= kMaxAgeMs) {
                ++it;
                continue;
            }
            if (at.isValid())
                dropped.insert(it.key());
            it = byKey.erase(it);
        }
    };
    drop(lives.sounds, [](const LiveSound& sound) { return sound.heardAt; });
    drop(lives.pictures, [](const LivePicture& picture) { return picture.seenAt; });
    return int(dropped.size());
}

FollowedLivesStore::Loaded FollowedLivesStore::load(const QDateTime& now) const {
    Loaded loaded;
    QFile file(m_path);
    if (!file.exists())
        return loaded;
    const auto unusable = [&](const QString& why) {
        loaded.problem = Error{QStringLiteral("unreadable"), why, {}};
        qCWarning(lcSite).noquote() << QStringLiteral(
                                           "the lives followed before cannot be read from %1 (%2): "
                                           "following them afresh")
                                           .arg(QDir::toNativeSeparators(m_path), why);
        return loaded;
    };
    if (!file.open(QIODevice::ReadOnly))
        return unusable(file.errorString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return unusable(
            QStringLiteral("not JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return unusable(QStringLiteral("not a JSON object"));
    Result<FollowedLives> followed = fromJson(document.object());
    if (!followed)
        return unusable(followed.error().message);
    loaded.lives = std::move(followed).value();
    loaded.dropped = dropStale(loaded.lives, now);
    if (loaded.dropped > 0)
        qCInfo(lcSite).noquote() << QStringLiteral(
                                        "%1 of the lives followed before were last checked more than "
                                        "%2 min ago: following them afresh")
                                        .arg(loaded.dropped)
                                        .arg(kMaxAgeMs / 60'000);
    return loaded;
}

Status FollowedLivesStore::write(const QByteArray& bytes) const {
    const auto failed = [&](const QString& what) -> Status {
        return Error{QStringLiteral("cannot-keep"),
                     QStringLiteral("cannot keep the lives followed in %1: %2")
                         .arg(QDir::toNativeSeparators(m_path), what),
                     {}};
    };
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return failed(QStringLiteral("the directory cannot be made"));
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());
    if (file.write(bytes) != bytes.size())
        return failed(file.errorString());
    if (!file.commit())
        return failed(file.errorString());
    return {};
}

Status FollowedLivesStore::save(const FollowedLives& lives, const QDateTime& savedAt) const {
    return write(QJsonDocument(toJson(lives, savedAt)).toJson(QJsonDocument::Compact));
}

void FollowedLivesStore::saveInBackground(const FollowedLives& lives, const QDateTime& savedAt) {
    QByteArray bytes = QJsonDocument(toJson(lives, savedAt)).toJson(QJsonDocument::Compact);
    std::lock_guard lock(m_mutex);
    m_pending = std::move(bytes);
    if (m_writing)
        return; // the writer takes the newest when it is done with the one before
    m_writing = true;
    m_pool.start([this] { writePending(); });
}

void FollowedLivesStore::writePending() {
    for (;;) {
        QByteArray bytes;
        {
            std::lock_guard lock(m_mutex);
            if (!m_pending) {
                m_writing = false;
                return;
            }
            bytes = std::move(*m_pending);
            m_pending.reset();
        }
        const Status written = write(bytes);
        std::lock_guard lock(m_mutex);
        const QString problem = written.ok() ? QString() : written.error().toString();
        if (!problem.isEmpty() && problem != m_lastProblem)
            qCWarning(lcSite).noquote() << problem;
        m_lastProblem = problem;
    }
}

void FollowedLivesStore::waitForSaved() {
    m_pool.waitForDone();
}

} // namespace avld
