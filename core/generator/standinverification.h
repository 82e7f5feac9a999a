#pragma once

#include "site/siteclient.h"
#include "standinpresence.h"

#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>
#include <optional>

namespace avld {

// What the site's getImage.php serves for a live once its Encoder URL points at the stand-in.
enum class StandinServing {
    Ours,       // a picture carrying our marker (this run's, when the run is known): the stand-in made it
    EarlierRun, // our marker, but another run's: a picture AVideo cached from an earlier start of the
                // stand-in
    NotOurs,    // a real picture without it: a frame AVideo cached before the switch, or another encoder's
    Card,       // a card or placeholder (AVideo 11/12 cache their own card 5/15 minutes, like a frame)
    Failed,     // no picture: the request failed or the bytes are not an image
};

QString standinServingName(StandinServing serving);

struct LiveStandinCheck {
    QString key{};
    QString title{};
    QUrl posterUrl{};
    StandinServing serving = StandinServing::Failed;
    ThumbnailClass cls = ThumbnailClass::FetchFailed;
    qint64 bytes = 0;
    QString detail{};         // why, in words
    QString markerInstance{}; // the run named in our marker (empty: none named)
};

// One of the three things a verification establishes, and how it came out, in words.
struct StandinCheckOutcome {
    enum class State { Passed, Failed, Unknown };
    State state = State::Unknown;
    QString text{};
};

struct StandinVerificationReport {
    enum class Verdict { All, Some, None, Unknown };

    QList<LiveStandinCheck> lives{};
    QUrl siteUrl{};
    std::optional<Error> error{}; // nothing could be checked (the lives could not be read)
    QUrl expectedEncoderUrl{};    // the stand-in's URL, when the caller knows it
    // configurations.encoderURL, when it was read (needs an admin session), or why it could not be.
    std::optional<Result<QUrl>> configuredEncoderUrl{};
    // The stand-in run's identity and last image (read after the pictures, so requests the verification
    // caused count), or why it could not be read; unset when the caller has no way to read it.
    std::optional<Result<StandinPresence>> presence{};
    QDateTime switchedAt{}; // requests before it do not count; invalid: since the run started
    qint64 elapsedMs = 0;

    int count(StandinServing serving) const;
    Verdict verdict() const;
    // 0 every live serves our frames, 1 some, 2 none, 3 could not check (no lives counts as that too).
    int exitCode() const;
    // "the site now serves our frames for N of M lives"
    QString summary() const;
    // The three checks that together cannot be fooled by a cached picture: the site's Encoder URL is ours
    // (read as an admin), requests from the site reached this run since the switch, and the pictures carry
    // this run's identity.
    StandinCheckOutcome encoderUrlCheck() const;
    StandinCheckOutcome requestsCheck() const;
    StandinCheckOutcome identityCheck() const;
    QList<StandinCheckOutcome> checks() const {
        return {encoderUrlCheck(), requestsCheck(), identityCheck()};
    }
    // What to make of it and what to do, one line each; never holds the secret prefix.
    QStringList advice() const;
    // True when the configured encoder URL was read and is not the expected one.
    bool encoderUrlDiffers() const;
};

struct StandinVerificationOptions {
    QUrl expectedEncoderUrl{};             // empty: not compared
    bool readConfiguredEncoderUrl = false; // the caller signed in as an admin
    int concurrency = 4;                   // thumbnails fetched at once
    // Reads the stand-in run's presence (in process, or from its healthz) once the pictures are in; empty:
    // the run cannot be known, so any of our markers counts and the identity check stays unknown.
    std::function<void(std::function<void(Result<StandinPresence>)>)> readPresence{};
    QDateTime switchedAt{}; // when the site was seen switching to the stand-in, if it was
};

// Asks the site's plugin/Live/getImage.php for every live, as a visitor's browser does, and tells whether
// the picture is the stand-in's (ImageMarker), a card, or something else (avideo-protocol.md §1.2, §1.3).
class StandinVerification : public QObject {
    Q_OBJECT
public:
    StandinVerification(SiteClient& site, StandinVerificationOptions options = {},
                        const Clock& clock = Clock::system(), QObject* parent = nullptr);

    void run(std::function<void(StandinVerificationReport)> done);

    // Sorts one answer of getImage.php.
    static LiveStandinCheck judge(const SiteLive& live, const QByteArray& body, const QDateTime& fetchedAt);

private:
    void onLives(Result<QList<SiteLive>> lives);
    void pump();
    void finish();
    void conclude();

    SiteClient& m_site;
    StandinVerificationOptions m_options;
    const Clock& m_clock;
    std::function<void(StandinVerificationReport)> m_done;
    StandinVerificationReport m_report;
    qint64 m_startedMs = 0;
    int m_pendingSteps = 0; // the listing and, when asked, the encoder URL
    std::deque<std::function<void()>> m_jobs;
    int m_running = 0;
};

} // namespace avld
