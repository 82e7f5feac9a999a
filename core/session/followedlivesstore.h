#pragma once

#include "result.h"
#include "site/livepicture.h"
#include "site/livesound.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QThreadPool>

#include <mutex>
#include <optional>

namespace avld {

struct SiteProfile;

// What the checks followed of each live, by key: its sound (SilenceTracker) and its picture (PictureTracker).
struct FollowedLives {
    QHash<QString, LiveSound> sounds{};
    QHash<QString, LivePicture> pictures{};

    bool isEmpty() const { return sounds.isEmpty() && pictures.isEmpty(); }
};

// Keeps FollowedLives for one site in a small JSON file, so that a silence, a still or a black picture is
// followed across runs: `diagnose` from cron, the window after a restart. The file holds the lives' keys, the
// states and times, the levels and a 64x36 thumbnail per live (LiveSound/LivePicture::stateJson): no
// password, hash or session. Written whole and atomically (QSaveFile), with a version.
class FollowedLivesStore {
public:
    static constexpr int kVersion = 1;
    // A live's saved state older than this when the file is read is dropped. The checks follow a silence (a
    // still, a black picture) only across the gaps they saw: between a cron's runs every few minutes it
    // holds; after a day without checks "silent for a day" would be a guess about hours nobody heard. Three
    // missed runs of a 5-minute cron, or a window closed for a quarter of an hour, start afresh.
    static constexpr qint64 kMaxAgeMs = 15 * 60 * 1000;

    explicit FollowedLivesStore(QString path);
    ~FollowedLivesStore(); // waits for a save under way
    FollowedLivesStore(const FollowedLivesStore&) = delete;
    FollowedLivesStore& operator=(const FollowedLivesStore&) = delete;

    // The site's file in the app's data directory, beside its encoder history (SiteProfile::siteKey(): one
    // for the window and the commands alike).
    static QString pathFor(const SiteProfile& profile);
    const QString& path() const { return m_path; }

    struct Loaded {
        FollowedLives lives{};
        int dropped = 0;              // lives whose state was older than kMaxAgeMs at `now`
        std::optional<Error> problem; // the file was there but could not be used: nothing was kept from it
    };
    // What was kept, without what is stale at `now`. Never fails: no file is nothing followed yet; a file
    // that cannot be read, is not JSON, or is another version is a warning in the log and nothing kept.
    Loaded load(const QDateTime& now) const;
    // Writes `lives` now, as saved at `savedAt`.
    Status save(const FollowedLives& lives, const QDateTime& savedAt) const;
    // The same on a thread of its own (a write may wait for the disk): saves follow one another, and one
    // asked for while another is written replaces any that still waits. A failure is a warning in the log.
    void saveInBackground(const FollowedLives& lives, const QDateTime& savedAt);
    // Until the saves asked for are written.
    void waitForSaved();

    static QJsonObject toJson(const FollowedLives& lives, const QDateTime& savedAt);
    static Result<FollowedLives> fromJson(const QJsonObject& json);
    // Drops the lives whose newest check (heardAt, seenAt) is older than kMaxAgeMs at `now`, and those never
    // measured (seen); returns how many lives lost a state older than kMaxAgeMs.
    static int dropStale(FollowedLives& lives, const QDateTime& now);

private:
    Status write(const QByteArray& bytes) const;
    void writePending();

    QString m_path;
    QThreadPool m_pool;
    std::mutex m_mutex;                  // guards what follows
    std::optional<QByteArray> m_pending; // the newest save not written yet
    bool m_writing = false;
    QString m_lastProblem; // the last failure logged, not to repeat it at every check
};

} // namespace avld
