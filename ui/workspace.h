#pragma once

#include "diagnosis/diagnosisrun.h"
#include "mainwindow.h"
#include "session/livetile.h"
#include "session/siteworkspace.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QInputDialog;
class QMessageBox;
class QSettings;

namespace avld {

class CachePage;
class DashboardPage;
class DiagnosePage;
class EncodersPage;
class GeneratorPage;
class LiveDetailWindow;
class LivePreviewLoader;
class LivesPage;
class SwitchStepsDialog;

// The window's view of one site: the pages, dialogs and questions that show a core SiteWorkspace and
// forward the admin's actions to it. What things mean and what happens to the site is in the core.
class Workspace : public QObject {
    Q_OBJECT
public:
    Workspace(MainWindow& window, Settings& settings, SiteProfile profile, SecretStore& secrets,
              QObject* parent = nullptr);
    ~Workspace() override;

    SiteWorkspace& site() { return m_site; }
    SiteSession& session() { return m_site.session(); }
    EncoderWatch& encoders() { return m_site.encoders(); }
    StandInController& standIn() { return m_site.standIn(); }
    const SiteOverview& overview() const { return m_site.overview(); }

    void keepEncodersIn(QSettings& storage) { m_site.keepEncodersIn(storage); }
    void keepStandinIn(QSettings& storage, const QString& fileDirectory) {
        m_site.keepStandinIn(storage, fileDirectory);
    }
    QString standinKeptIn() const { return m_site.standinKeptIn(); }
    void keepFollowedLivesIn(const QString& path) { m_site.keepFollowedLivesIn(path); }
    void open(const QString& user, std::optional<QString> password) {
        m_site.open(user, std::move(password));
    }
    bool siteUsesStandIn() const { return m_site.siteUsesStandIn(); }

    // Before something stops the stand-in (`action`: "Stopping it", "Switching to Site B", "Quitting"):
    // true when the site does not use it, else asks the admin (a modal question) and returns the answer.
    bool confirmStandInStop(const QString& action);

    // The dashboard's actions, also reachable from menus and tests.
    void startStandIn();
    // The switch in one place (SwitchStepsDialog): steps, Copy, the Site Configurations page, "I changed it
    // — check now" (re-reads the site's Encoder URL). `caveat`: what to know about that encoder first.
    void showSwitchSteps(const QUrl& encoderUrl, const QString& caveat = {});
    void showLiveDetail(const QString& key);
    // An animated preview of a live for its tile (asked for on hover or selection).
    void showPreview(const QString& key);
    // Runs the diagnosis (the Diagnose page shows it); does nothing while one runs.
    void diagnose();
    DiagnosisRun& diagnosisRun() { return *m_diagnosis; }

Q_SIGNALS:
    void overviewChanged(const avld::SiteOverview& overview);
    void notice(const QString& title, const QString& message);

private:
    void buildPages();
    void buildRemoteStandInPanel();
    void onChecked(const SiteCheckReport& report);
    void onAction(int action);
    void onFindingAction(int kind);
    void updateHealth();
    // Reads the encoders' history over [from, to] and writes the shift report there (off the GUI thread).
    void writeShiftReport(const QDateTime& from, const QDateTime& to, const QString& path);
    void askPassword();
    // A line in the dashboard's "What happened".
    void remember(const QString& text);
    // The site's Encoder URL was just seen pointing at the running stand-in: say so, offer the cache clear.
    void onSwitchedToStandIn();

    MainWindow& m_window;
    Settings& m_settings;
    SecretStore& m_secrets;
    SiteWorkspace m_site;
    std::unique_ptr<LivePreviewLoader> m_previews; // after the site: it uses the session's network
    QList<LiveTile> m_tiles;
    std::unique_ptr<LiveDetailWindow> m_detail;
    DashboardPage* m_dashboard = nullptr;
    LivesPage* m_lives = nullptr;
    EncodersPage* m_encodersPage = nullptr;
    CachePage* m_cache = nullptr;
    GeneratorPage* m_generator = nullptr;
    DiagnosePage* m_diagnosePage = nullptr;
    std::unique_ptr<DiagnosisRun> m_diagnosis;
    DiagnosisRun::Options m_diagnosisOptions;
    int m_healthGeneration = 0;
    static constexpr int kHealthEveryMs = 2000;
    QTimer m_healthThrottle;
    static constexpr int kShiftReportTag =
        1000; // historyReady tags of shift reports start above the diagnosis'
    int m_shiftReports = 0;
    int m_tileGeneration = 0;
    std::unique_ptr<QInputDialog> m_passwordDialog;
    QPointer<QMessageBox> m_switchedNotice;
    QPointer<SwitchStepsDialog> m_switchSteps;
};

} // namespace avld
