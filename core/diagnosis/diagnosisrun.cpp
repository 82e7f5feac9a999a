#include "diagnosisrun.h"

#include "clock.h"
#include "encoders/encoderwatch.h"
#include "generator/standincontroller.h"
#include "logging.h"
#include "session/sitesession.h"
#include "session/siteworkspace.h"

#include <QPointer>

namespace avld {

namespace {
// A probe's record is stamped when its round starts, which may be a moment before probeNow() returns.
constexpr qint64 kProbeStampSlackMs = 1000;
// The watch sends snapshots about four times a second once it runs.
constexpr int kFirstSnapshotsMs = 3000;
} // namespace

DiagnosisRun::DiagnosisRun(SiteWorkspace& workspace, Options options, QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_options(std::move(options)) {
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { end(tr("timed out")); });
    m_firstSnapshots.setSingleShot(true);
    m_firstSnapshots.setInterval(kFirstSnapshotsMs);
    connect(&m_firstSnapshots, &QTimer::timeout, this, [this] {
        if (m_step == Step::Encoders && m_workspace.encoders().snapshots().isEmpty())
            end(tr("no encoder is watched"));
    });
}

DiagnosisRun::~DiagnosisRun() {
    disconnectStep();
}

QString DiagnosisRun::stepTitle(Step step) {
    switch (step) {
    case Step::Site:
        return tr("Checking the site and its lives");
    case Step::Encoders:
        return tr("Probing the encoders");
    case Step::Generator:
        return tr("Verifying the local stand-in");
    case Step::History:
        return tr("Reading the encoders' history");
    }
    return {};
}

void DiagnosisRun::start() {
    if (isRunning())
        return;
    m_startedAt = Clock::system().now();
    m_verification.reset();
    m_lastDay.clear();
    m_lastWeek.clear();
    qCInfo(lcSite).noquote() << "diagnosis started";
    checkSite();
}

void DiagnosisRun::cancel() {
    if (!isRunning())
        return;
    qCInfo(lcSite).noquote() << "diagnosis cancelled during" << stepTitle(*m_step);
    const Step step = *m_step;
    disconnectStep();
    m_timeout.stop();
    m_firstSnapshots.stop();
    Q_EMIT stepFinished(step, tr("cancelled"));
    finish(true);
}

void DiagnosisRun::begin(Step step, int timeoutMs) {
    m_step = step;
    m_timeout.start(timeoutMs);
    Q_EMIT stepStarted(step);
}

void DiagnosisRun::end(const QString& outcome) {
    if (!m_step)
        return;
    const Step step = *m_step;
    disconnectStep();
    m_timeout.stop();
    m_firstSnapshots.stop();
    Q_EMIT stepFinished(step, outcome);
    switch (step) {
    case Step::Site:
        return probeEncoders();
    case Step::Encoders:
        return verifyGenerator();
    case Step::Generator:
        return readHistory();
    case Step::History:
        return finish(false);
    }
}

void DiagnosisRun::disconnectStep() {
    for (const QMetaObject::Connection& c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
}

void DiagnosisRun::checkSite() {
    begin(Step::Site, m_options.siteTimeoutMs);
    m_siteChecked = false;
    m_siteStatus.reset();
    // A check that started before this run answers for an older moment: wait for the one asked for now.
    m_connections << connect(
        &m_workspace, &SiteWorkspace::checked, this, [this](const SiteCheckReport& report) {
            if (report.startedAt < m_startedAt)
                return;
            // Shown by the window only, which always loads a translation (English's holds the plural forms),
            // so the outcomes count with %n.
            m_siteOutcome = report.livesError ? tr("the lives could not be read")
                                              : tr("%n live(s) checked", nullptr, int(report.lives.size()));
            m_siteChecked = true;
            siteStepDone();
        });
    const int run = ++m_runs;
    m_workspace.session().client().fetchStatus(
        [this, self = QPointer<DiagnosisRun>(this), run](Result<SiteStatus> status) {
            if (!self || run != m_runs || m_step != Step::Site)
                return;
            m_siteStatus = std::move(status);
            siteStepDone();
        });
    m_workspace.session().refresh();
}

void DiagnosisRun::siteStepDone() {
    if (m_siteChecked && m_siteStatus)
        end(m_siteStatus->ok() ? tr("AVideo %1, %2").arg(m_siteStatus->value().version, m_siteOutcome)
                               : m_siteOutcome);
}

bool DiagnosisRun::encodersProbedSince() const {
    const QDateTime since = m_probeAskedAt.addMSecs(-kProbeStampSlackMs);
    for (const EncoderSnapshot& s : m_workspace.encoders().snapshots())
        if (!s.last || s.last->record.at < since)
            return false;
    return true;
}

void DiagnosisRun::probeEncoders() {
    begin(Step::Encoders, m_options.encodersTimeoutMs);
    EncoderWatch& watch = m_workspace.encoders();
    if (!watch.isRunning())
        return end(tr("no encoder is watched"));
    m_probeAskedAt = Clock::system().now();
    m_connections << connect(&watch, &EncoderWatch::snapshotsChanged, this,
                             [this](const QList<EncoderSnapshot>& all) {
                                 if (!all.isEmpty() && encodersProbedSince())
                                     end(tr("%n encoder(s) probed", nullptr, int(all.size())));
                             });
    // A watch that has just started has not sent its first snapshots yet: a moment before saying it has none.
    m_firstSnapshots.start();
    watch.probeNow();
}

void DiagnosisRun::verifyGenerator() {
    begin(Step::Generator, m_options.verifyTimeoutMs);
    StandInController& standIn = m_workspace.standIn();
    if (!standIn.isRunning())
        return end(tr("skipped: the stand-in is not running"));
    if (!m_workspace.siteUsesStandIn())
        return end(tr("skipped: the site does not use the stand-in"));
    m_connections << connect(&standIn, &StandInController::verified, this,
                             [this](const StandinVerificationReport& report) {
                                 m_verification = report;
                                 end(report.summary());
                             });
    m_workspace.verifyStandIn();
}

void DiagnosisRun::readHistory() {
    begin(Step::History, m_options.historyTimeoutMs);
    EncoderWatch& watch = m_workspace.encoders();
    if (!watch.isRunning())
        return end(tr("skipped: no history is kept"));
    enum Tag { Day = 1, Week = 2 };
    m_historyPending = 2;
    m_connections << connect(&watch, &EncoderWatch::historyReady, this,
                             [this](const QList<EncoderHistorySpan>& spans, int tag) {
                                 if (tag != Day && tag != Week)
                                     return;
                                 (tag == Day ? m_lastDay : m_lastWeek) = spans;
                                 if (--m_historyPending == 0)
                                     end(tr("%n encoder(s) in the history", nullptr, int(spans.size())));
                             });
    const QDateTime now = Clock::system().now();
    watch.requestHistory(now.addDays(-1), now, historyWindowPoints(HistoryWindow::LastDay), Day);
    watch.requestHistory(now.addDays(-7), now, historyWindowPoints(HistoryWindow::LastWeek), Week);
}

DiagnosisInput DiagnosisRun::inputFrom(SiteWorkspace& workspace, const Options& options) {
    DiagnosisInput input;
    input.overview = workspace.overview();
    input.siteUrl = workspace.session().profile().siteUrl;
    input.login = workspace.session().login();
    input.signInProblem = workspace.signInProblem();
    input.encoderUrlProblem = workspace.encoderUrlProblem();
    if (workspace.standIn().isRunning())
        input.standInStats = workspace.standIn().lastStats();
    input.lastCacheClear = workspace.lastCacheClear();
    input.watchRunning = options.watchOutlivesRun && workspace.encoders().isRunning();
    input.alertChannels = options.alertChannels;
    input.events = workspace.events();
    input.sounds = workspace.silence().sounds();
    input.pictures = workspace.pictures().pictures();
    input.now = Clock::system().now();
    return input;
}

void DiagnosisRun::finish(bool cancelled) {
    m_step.reset();
    DiagnosisInput input = inputFrom(m_workspace, m_options);
    input.verification = m_verification;
    input.siteStatus = m_siteStatus;
    input.lastDay = m_lastDay;
    input.lastWeek = m_lastWeek;
    Diagnosis diagnosis = diagnose(input);
    diagnosis.cancelled = cancelled;
    qCInfo(lcSite).noquote() << "diagnosis" << (cancelled ? "cancelled:" : "finished:")
                             << severityName(diagnosis.overall()) << "score" << diagnosis.site.value;
    Q_EMIT finished(diagnosis);
}

} // namespace avld
