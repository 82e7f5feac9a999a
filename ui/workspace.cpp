#include "workspace.h"

#include "bitmapqt/qimagebridge.h"
#include "cachepage.h"
#include "dashboardpage.h"
#include "diagnosepage.h"
#include "diagnosis/diagnosisrun.h"
#include "diagnosis/shiftreport.h"
#include "diagnosis/sitefinding.h"
#include "encoders/encoderwatch.h"
#include "encoderspage.h"
#include "generator/standincontroller.h"
#include "generator/standinurl.h"
#include "generatorpage.h"
#include "livedetailwindow.h"
#include "livespage.h"
#include "logging.h"
#include "remotestandinpanel.h"
#include "session/livepreview.h"
#include "session/sitesession.h"
#include "settings.h"
#include "switchstepsdialog.h"

#include <QFutureWatcher>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QtConcurrent>

namespace avld {

Workspace::Workspace(MainWindow& window, Settings& settings, SiteProfile profile, SecretStore& secrets,
                     QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_site(settings, std::move(profile), secrets) {
    buildPages();

    connect(&m_site, &SiteWorkspace::checked, this, &Workspace::onChecked);
    connect(&m_site, &SiteWorkspace::overviewChanged, this, [this](const SiteOverview& overview) {
        m_dashboard->setOverview(overview);
        // The encoders' snapshots come a few times a second: the score follows at most every 2 s.
        if (overview.report && !m_healthThrottle.isActive())
            m_healthThrottle.start();
        Q_EMIT overviewChanged(overview);
    });
    m_healthThrottle.setSingleShot(true);
    m_healthThrottle.setInterval(kHealthEveryMs);
    connect(&m_healthThrottle, &QTimer::timeout, this, &Workspace::updateHealth);
    connect(&session(), &SiteSession::refreshStarted, this, [this] { m_lives->setBusy(true); });
    connect(&m_site, &SiteWorkspace::happened, this, &Workspace::remember);
    connect(&m_site, &SiteWorkspace::notice, this, &Workspace::notice);
    connect(&m_site, &SiteWorkspace::passwordNeeded, this, &Workspace::askPassword);
    connect(&m_site, &SiteWorkspace::signInFailed, this,
            [this](const Error& error) { m_lives->setError(tr("Not signed in: %1").arg(error.toString())); });
    connect(&m_site, &SiteWorkspace::switchedToStandIn, this, &Workspace::onSwitchedToStandIn);
    connect(&m_site, &SiteWorkspace::standInFailed, this,
            [this] { m_window.showPage(MainWindow::Page::Generator); });
    connect(&m_site, &SiteWorkspace::standinDefaultsChanged, m_generator, &GeneratorPage::setDefaults);

    m_window.setQuitGuard([this] { return confirmStandInStop(tr("Quitting")); });
}

Workspace::~Workspace() {
    m_window.setQuitGuard({});
    m_detail.reset();
    m_passwordDialog.reset();
    m_diagnosis.reset();
    // The pages show the site's objects: they go first, now rather than later.
    const QList<QPointer<QWidget>> pages = {m_dashboard,    m_diagnosePage, m_lives,
                                            m_encodersPage, m_cache,        m_generator};
    m_window.resetSitePages();
    for (const QPointer<QWidget>& page : pages)
        delete page.data();
    m_previews.reset();
}

// The stand-in on another machine (the AVideo server): its URL holds the secret prefix, so it is kept in the
// keychain per site, and the watch starts again with the window.
void Workspace::buildRemoteStandInPanel() {
    auto* panel = new RemoteStandInPanel(session().network(), m_generator);
    m_generator->setRemotePanel(panel);
    const QString key = QStringLiteral("remote-standin/%1/url").arg(session().profile().siteKey());
    connect(panel, &RemoteStandInPanel::watchStarted, this, [this, key](const QUrl& url) {
        m_secrets.write(key, url.toString(), [](const Status& kept) {
            if (!kept.ok())
                qCWarning(lcUi) << "the remote stand-in's URL was not kept:" << kept.error().message;
        });
    });
    m_secrets.read(key, [panel = QPointer<RemoteStandInPanel>(panel)](const Result<QString>& kept) {
        if (!panel || !kept || kept->isEmpty())
            return;
        panel->setUrl(QUrl(*kept));
        panel->startWatching();
    });
}

void Workspace::buildPages() {
    m_dashboard = new DashboardPage;
    m_lives = new LivesPage;
    m_encodersPage = new EncodersPage(encoders());
    m_cache = new CachePage(session());
    m_generator = new GeneratorPage(standIn());
    m_diagnosePage = new DiagnosePage;
    m_window.setPageWidget(MainWindow::Page::Dashboard, m_dashboard);
    m_window.setPageWidget(MainWindow::Page::Diagnose, m_diagnosePage);
    m_window.setPageWidget(MainWindow::Page::Lives, m_lives);
    m_window.setPageWidget(MainWindow::Page::Encoders, m_encodersPage);
    m_window.setPageWidget(MainWindow::Page::Cache, m_cache);
    m_window.setPageWidget(MainWindow::Page::Generator, m_generator);
    m_window.setSiteName(overview().siteName);

    m_lives->setRefreshInterval(m_settings.get(Setting::LivesRefreshSeconds));
    connect(m_lives, &LivesPage::refreshRequested, &session(), &SiteSession::refresh);
    connect(m_lives, &LivesPage::liveActivated, this, &Workspace::showLiveDetail);
    m_previews = std::make_unique<LivePreviewLoader>(session().network());
    connect(m_lives, &LivesPage::previewRequested, this, &Workspace::showPreview);
    connect(m_lives, &LivesPage::previewCancelled, m_previews.get(), &LivePreviewLoader::cancel);
    connect(m_previews.get(), &LivePreviewLoader::clipReady, m_lives,
            [this](const QString& key, const QList<Bitmap>& frames, int fps) {
                QList<QImage> images;
                images.reserve(frames.size());
                for (const Bitmap& frame : frames)
                    images.append(toQImage(frame));
                m_lives->showPreview(key, images, fps);
            });
    connect(m_previews.get(), &LivePreviewLoader::clipFailed, m_lives,
            [this](const QString& key, const Error& error) {
                m_lives->showPreviewFailure(key, error.toString());
            });
    connect(m_dashboard, &DashboardPage::actionRequested, this,
            [this](SiteFinding::Action action) { onAction(int(action)); });
    connect(
        m_encodersPage, &EncodersPage::switchRequested, this,
        [this](const EncoderTarget& target, const QString& caveat) { showSwitchSteps(target.url, caveat); });
    m_generator->setStopConfirmation([this] { return confirmStandInStop(tr("Stopping it")); });
    connect(m_generator, &GeneratorPage::verifyRequested, &m_site, &SiteWorkspace::verifyStandIn);
    connect(&standIn(), &StandInController::verified, m_generator,
            qOverload<const StandinVerificationReport&>(&GeneratorPage::showVerification));
    m_generator->setDefaults(m_site.standinDefaults());
    buildRemoteStandInPanel();

    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_diagnosisOptions.alertChannels << tr("desktop notifications");
    m_diagnosis = std::make_unique<DiagnosisRun>(m_site, m_diagnosisOptions);
    connect(m_diagnosePage, &DiagnosePage::diagnoseRequested, this, &Workspace::diagnose);
    connect(m_diagnosePage, &DiagnosePage::cancelRequested, m_diagnosis.get(), &DiagnosisRun::cancel);
    connect(m_diagnosis.get(), &DiagnosisRun::stepStarted, m_diagnosePage, &DiagnosePage::showStepStarted);
    connect(m_diagnosis.get(), &DiagnosisRun::stepFinished, m_diagnosePage, &DiagnosePage::showStepFinished);
    connect(m_diagnosis.get(), &DiagnosisRun::finished, m_diagnosePage, &DiagnosePage::showDiagnosis);
    connect(m_diagnosis.get(), &DiagnosisRun::finished, this, [this](const Diagnosis& d) {
        if (!d.cancelled)
            m_dashboard->setHealth(d.site);
    });
    connect(m_diagnosePage, &DiagnosePage::shiftReportRequested, this, &Workspace::writeShiftReport);
    connect(m_diagnosePage, &DiagnosePage::actionRequested, this,
            [this](FindingAction::Kind kind) { onFindingAction(int(kind)); });
}

void Workspace::writeShiftReport(const QDateTime& from, const QDateTime& to, const QString& path) {
    const int tag = kShiftReportTag + ++m_shiftReports;
    auto* scope = new QObject(this);
    connect(&encoders(), &EncoderWatch::historyReady, scope,
            [this, scope, tag, from, to, path](const QList<EncoderHistorySpan>& spans, int answered) {
                if (answered != tag)
                    return;
                scope->deleteLater();
                ShiftReport report{
                    overview().siteName,         session().profile().siteUrl, from.toUTC(), to.toUTC(), spans,
                    QDateTime::currentDateTime()};
                auto* watcher = new QFutureWatcher<Error>(this);
                connect(watcher, &QFutureWatcher<Error>::finished, this, [this, watcher, path] {
                    watcher->deleteLater();
                    if (m_diagnosePage)
                        m_diagnosePage->showShiftReportWritten(path, watcher->result());
                });
                watcher->setFuture(QtConcurrent::run([report, path] {
                    const Result<qint64> written = avld::writeShiftReport(report, path);
                    return written ? Error{} : written.error();
                }));
            });
    encoders().requestHistory(from.toUTC(), to.toUTC(), historyWindowPoints(HistoryWindow::LastDay), tag);
}

void Workspace::updateHealth() {
    // The checklist classifies every live's pictures: off the GUI thread, the newest check wins.
    const int generation = ++m_healthGeneration;
    auto* watcher = new QFutureWatcher<Diagnosis>(this);
    connect(watcher, &QFutureWatcher<Diagnosis>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_healthGeneration && m_dashboard)
            m_dashboard->setHealth(watcher->result().site);
    });
    watcher->setFuture(QtConcurrent::run(
        [input = DiagnosisRun::inputFrom(m_site, m_diagnosisOptions)] { return avld::diagnose(input); }));
}

void Workspace::diagnose() {
    if (m_diagnosis && !m_diagnosis->isRunning()) {
        qCInfo(lcUi) << "the admin asks for a diagnosis";
        m_diagnosis->start();
    }
}

void Workspace::onFindingAction(int kind) {
    switch (FindingAction::Kind(kind)) {
    case FindingAction::Kind::StartStandIn:
        return onAction(int(SiteFinding::Action::StartStandIn));
    case FindingAction::Kind::SwitchToStandIn:
        return onAction(int(SiteFinding::Action::SwitchToStandIn));
    case FindingAction::Kind::ClearCaches:
        return onAction(int(SiteFinding::Action::ClearCaches));
    case FindingAction::Kind::ProbeAgain:
        encoders().probeNow();
        return m_window.showPage(MainWindow::Page::Encoders);
    case FindingAction::Kind::CheckAgain:
        return diagnose();
    case FindingAction::Kind::OpenEncoders:
        return onAction(int(SiteFinding::Action::OpenEncoders));
    case FindingAction::Kind::FixStreams:
        return onAction(int(SiteFinding::Action::CheckStreams));
    case FindingAction::Kind::SignIn:
    case FindingAction::Kind::SetUpMonitoring:
    case FindingAction::Kind::None:
        return;
    }
}

void Workspace::remember(const QString& text) {
    if (m_dashboard)
        m_dashboard->addEvent(QDateTime::currentDateTime(), text);
}

void Workspace::onSwitchedToStandIn() {
    if (m_switchedNotice)
        return;
    auto* box =
        new QMessageBox(QMessageBox::Information, tr("%1 now asks this stand-in").arg(overview().siteName),
                        tr("%1's Encoder URL now points at the stand-in running here: AVideo asks it "
                           "for every live thumbnail.")
                            .arg(overview().siteName),
                        QMessageBox::NoButton, &m_window);
    box->setObjectName(QStringLiteral("switchedDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("AVideo still holds the pictures it cached from the old encoder (the ONLINE cards among them) for "
           "up to 5 minutes (jpg) or 15 minutes (webp, gif). Clear the site's live caches now so that "
           "visitors see the stand-in's frames at once?"));
    QPushButton* clear = box->addButton(tr("Clear the live caches"), QMessageBox::AcceptRole);
    clear->setObjectName(QStringLiteral("clearAfterSwitchButton"));
    QPushButton* later = box->addButton(tr("Not now"), QMessageBox::RejectRole);
    later->setObjectName(QStringLiteral("notNowButton"));
    box->setDefaultButton(clear);
    box->setEscapeButton(later);
    connect(box, &QMessageBox::buttonClicked, this, [this, clear](QAbstractButton* button) {
        if (button != clear)
            return;
        qCInfo(lcUi) << "the admin clears the live caches after the switch";
        onAction(int(SiteFinding::Action::ClearCaches));
    });
    m_switchedNotice = box;
    box->open();
}

void Workspace::askPassword() {
    if (m_passwordDialog)
        return;
    m_passwordDialog = std::make_unique<QInputDialog>(&m_window);
    QInputDialog* dialog = m_passwordDialog.get();
    dialog->setObjectName(QStringLiteral("passwordDialog"));
    dialog->setWindowTitle(tr("Sign in to %1").arg(overview().siteName));
    dialog->setLabelText(
        tr("Sign in to %1 (%2) as %3.\n\nNo kept sign-in works for this site (none was kept, or it is "
           "out of date). The password is sent to the site only; the tool keeps the hash the site "
           "returns, in the keychain.\n\nPassword:")
            .arg(overview().siteName, session().profile().siteUrl.toString(), m_site.user()));
    dialog->setTextEchoMode(QLineEdit::Password);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QInputDialog::finished, this, [this, dialog](int result) {
        const QString password = dialog->textValue();
        m_passwordDialog.release()->deleteLater();
        if (result != QDialog::Accepted) {
            m_lives->setError(tr("Not signed in: the password was not given. The site is read as a "
                                 "visitor sees it."));
            return;
        }
        m_site.signInWith(password);
    });
    dialog->open();
}

void Workspace::onChecked(const SiteCheckReport& report) {
    // Scaling and hashing 200 pictures takes ~150 ms: off the GUI thread; the newest report wins.
    const int generation = ++m_tileGeneration;
    auto* watcher = new QFutureWatcher<QList<LiveTile>>(this);
    connect(watcher, &QFutureWatcher<QList<LiveTile>>::finished, this, [this, watcher, generation, report] {
        watcher->deleteLater();
        if (generation != m_tileGeneration)
            return;
        m_tiles = watcher->result();
        m_lives->setBusy(false);
        m_lives->setError(report.livesError ? report.livesError->toString() : QString());
        m_lives->setTiles(m_tiles);
    });
    watcher->setFuture(liveTilesFromReportAsync(report, m_tiles));
    updateHealth();
    if (m_detail && m_detail->isVisible())
        showLiveDetail(m_detail->liveKey());
}

void Workspace::showPreview(const QString& key) {
    QUrl stream;
    if (overview().report) {
        for (const LiveEntry& live : overview().report->lives) {
            if (live.key == key)
                stream = live.hlsUrl;
        }
    }
    m_previews->setMaxFrameSize(m_lives->previewFrameSize());
    m_previews->request(key, stream, session().profile().siteUrl.toString());
}

void Workspace::showLiveDetail(const QString& key) {
    if (!overview().report)
        return;
    for (const LiveEntry& live : overview().report->lives) {
        if (live.key != key)
            continue;
        if (!m_detail)
            m_detail = std::make_unique<LiveDetailWindow>();
        m_detail->setReferer(session().profile().siteUrl.toString());
        m_detail->showLive(live, m_site.history().samples(key), m_site.silence().sound(key),
                           m_site.pictures().picture(key));
        m_detail->show();
        m_detail->raise();
        return;
    }
}

void Workspace::onAction(int action) {
    switch (SiteFinding::Action(action)) {
    case SiteFinding::Action::StartStandIn:
        startStandIn();
        break;
    case SiteFinding::Action::SwitchToStandIn:
        if (const Result<QUrl> url = standIn().encoderUrlFor())
            showSwitchSteps(*url);
        break;
    case SiteFinding::Action::ClearCaches:
        m_window.showPage(MainWindow::Page::Cache);
        session().clearCaches(CacheClearMode::Full, true);
        break;
    case SiteFinding::Action::CheckStreams:
        m_window.showPage(MainWindow::Page::Lives);
        break;
    case SiteFinding::Action::OpenEncoders:
        m_window.showPage(MainWindow::Page::Encoders);
        break;
    case SiteFinding::Action::Refresh:
        session().refresh();
        break;
    case SiteFinding::Action::None:
        break;
    }
}

bool Workspace::confirmStandInStop(const QString& action) {
    if (!siteUsesStandIn())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("%1 uses this stand-in").arg(overview().siteName),
                    tr("%1's Encoder URL points at the stand-in running here (%2).")
                        .arg(overview().siteName, StandinUrl::redacted(overview().siteEncoderUrl)),
                    QMessageBox::NoButton, &m_window);
    box.setObjectName(QStringLiteral("stopStandinDialog"));
    box.setInformativeText(
        tr("%1 stops it. Until it runs again, or the site's Encoder URL is changed, AVideo gets no live "
           "thumbnails: visitors see its ONLINE card, which AVideo then keeps for 5 minutes (jpg) to 15 "
           "minutes (webp, gif).")
            .arg(action));
    QPushButton* stop = box.addButton(tr("Stop the stand-in"), QMessageBox::DestructiveRole);
    stop->setObjectName(QStringLiteral("stopStandinButton"));
    QPushButton* keep = box.addButton(tr("Keep it running"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepStandinButton"));
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    const bool stopIt = box.clickedButton() == stop;
    qCInfo(lcUi).noquote() << (stopIt ? "the admin stops the stand-in the site uses:"
                                      : "the admin keeps the stand-in the site uses:")
                           << action;
    return stopIt;
}

void Workspace::startStandIn() {
    // The next step (the switch) appears where the admin is, on the dashboard; only a failure needs the
    // Stand-in page, which shows why.
    m_site.startStandIn(m_generator->config());
}

void Workspace::showSwitchSteps(const QUrl& encoderUrl, const QString& caveat) {
    if (m_switchSteps)
        m_switchSteps->close();
    auto* dialog =
        new SwitchStepsDialog(session().profile().siteUrl, overview().siteName, encoderUrl, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setCaveat(caveat);
    connect(dialog, &SwitchStepsDialog::checkNowRequested, this, [this] {
        qCInfo(lcUi) << "the admin changed the site's Encoder URL: checking now";
        session().rereadEncoderUrl(); // at once, even while a check of the lives is under way
        session().refresh();
    });
    m_switchSteps = dialog;
    dialog->open();
}

} // namespace avld
