#pragma once

#include "diagnosis.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace avld {

class SiteWorkspace;

// Gathers what a diagnosis needs from a workspace that is open (signed in when it can be): a fresh check of
// the site and its lives, a fresh probe of every watched encoder, the stand-in's verification when it runs;
// then walks the checklist. Each step is bounded; cancel() ends the run at once with what was gathered.
class DiagnosisRun : public QObject {
    Q_OBJECT
public:
    enum class Step { Site, Encoders, Generator, History };
    Q_ENUM(Step)

    struct Options {
        int siteTimeoutMs = 180'000; // the check grabs every live: bounded by its own timeouts as well
        int encodersTimeoutMs = 30'000;
        int verifyTimeoutMs = 60'000;
        int historyTimeoutMs = 15'000;
        // The encoder watch goes on after the run (the window); a command's watch ends with it.
        bool watchOutlivesRun = true;
        QStringList alertChannels{}; // where this tool's alerts go, in words
    };

    DiagnosisRun(SiteWorkspace& workspace, Options options, QObject* parent = nullptr);
    ~DiagnosisRun() override;

    void start();
    void cancel();
    bool isRunning() const { return m_step.has_value(); }

    static QString stepTitle(Step step); // "Checking the site and its lives", …
    // What the workspace knows now, without asking anyone anything (the dashboard's score between runs).
    static DiagnosisInput inputFrom(SiteWorkspace& workspace, const Options& options);
    static QList<Step> steps() { return {Step::Site, Step::Encoders, Step::Generator, Step::History}; }

Q_SIGNALS:
    void stepStarted(avld::DiagnosisRun::Step step);
    // `outcome` in a few words: "3 lives checked", "2 encoders probed", "skipped: not running", "timed out".
    void stepFinished(avld::DiagnosisRun::Step step, const QString& outcome);
    void finished(const avld::Diagnosis& diagnosis);

private:
    void begin(Step step, int timeoutMs);
    void end(const QString& outcome);
    void checkSite();
    void siteStepDone();
    void probeEncoders();
    void verifyGenerator();
    void readHistory();
    bool encodersProbedSince() const;
    void finish(bool cancelled);
    void disconnectStep();

    SiteWorkspace& m_workspace;
    Options m_options;
    std::optional<Step> m_step;
    QDateTime m_startedAt;
    QDateTime m_probeAskedAt;
    QTimer m_timeout;
    QTimer m_firstSnapshots;
    QList<QMetaObject::Connection> m_connections;
    std::optional<StandinVerificationReport> m_verification;
    std::optional<Result<SiteStatus>> m_siteStatus;
    bool m_siteChecked = false;
    QString m_siteOutcome;
    int m_runs = 0; // which start() an answer belongs to
    QList<EncoderHistorySpan> m_lastDay;
    QList<EncoderHistorySpan> m_lastWeek;
    int m_historyPending = 0;
};

} // namespace avld
