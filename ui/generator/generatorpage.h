#pragma once

#include "generator/generatorconfig.h"
#include "generator/standincontroller.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace avld {

class EncoderUrlBox;
class GeneratorSettingsForm;
class LatencyChartView;
class MessageBar;
class RemoteStandInPanel;
class StandInCountersView;

// The Generator page (issue #7): runs the stand-in for AVideo's encoder from the GUI. Settings, Start/Stop,
// the Encoder URL to give AVideo (secret masked, Copy), live counters and a latency chart, and a button to
// have the app verify that the site now serves our frames.
class GeneratorPage : public QWidget {
    Q_OBJECT
public:
    GeneratorPage(StandInController& controller, QWidget* parent = nullptr);

    // Prefills the form (e.g. from the app's settings).
    void setDefaults(const GeneratorConfig& config);
    // The configuration the form holds now.
    GeneratorConfig config() const;
    // The Encoder URL to give AVideo; empty while the service is not running.
    QUrl encoderUrl() const;
    // Puts the watch on a stand-in that runs elsewhere under the settings (the page does not own the
    // network).
    void setRemotePanel(RemoteStandInPanel* panel);
    // Asked before Stop stops the service; false keeps it running.
    void setStopConfirmation(std::function<bool()> confirm) { m_confirmStop = std::move(confirm); }

Q_SIGNALS:
    // The user wants the site checked (the app knows the site and its session: StandInController::verify).
    void verifyRequested();

public Q_SLOTS:
    void showVerification(const QString& verdict, bool ok);
    // The verdict with its three checks (Encoder URL, requests reaching this run, this run's marker).
    void showVerification(const avld::StandinVerificationReport& report);

private:
    void onPhase(StandInController::Phase phase);
    void onStarted();
    void onFailed(const Error& error);
    void onStats(const StandInStats& stats);
    void updateStateLine();

    StandInController& m_controller;
    std::function<bool()> m_confirmStop;
    GeneratorSettingsForm* m_settings;
    QVBoxLayout* m_left;
    MessageBar* m_messages;
    QPushButton* m_startStop;
    QLabel* m_state;
    EncoderUrlBox* m_url;
    StandInCountersView* m_counters;
    LatencyChartView* m_chart;
    QPushButton* m_verify;
    QLabel* m_verdict;
    QString m_urlNote; // what to know about the URL (only this machine can use it, …)
};

} // namespace avld
