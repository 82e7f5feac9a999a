#pragma once

#include "generator/standinstats.h"
#include "result.h"

#include <QGroupBox>
#include <QUrl>

class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;

namespace avld {

class RemoteStandInWatch;
class StandInCountersView;

// The Stand-in page's watch on a stand-in that runs elsewhere (the AVideo server, where the site can reach
// it): its Encoder URL, Watch/Stop, whether it answers (its run, uptime, last image) and its counters, read
// from its /healthz and /metrics every 2 s. The URL holds the secret prefix: it is shown only while edited.
class RemoteStandInPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit RemoteStandInPanel(QNetworkAccessManager& network, QWidget* parent = nullptr);
    ~RemoteStandInPanel() override;

    // Fills the field (e.g. from the keychain) without starting the watch.
    void setUrl(const QUrl& encoderUrl);
    QUrl url() const;
    bool isWatching() const;
    void startWatching();
    void stopWatching();

Q_SIGNALS:
    // The user started watching this URL (the window keeps it in the keychain for the next start).
    void watchStarted(const QUrl& encoderUrl);

private:
    void showSample(const StandInStats& stats);
    void showFailure(const Error& error);
    void updateButton();

    RemoteStandInWatch* m_watch;
    QLineEdit* m_url;
    QPushButton* m_watchButton;
    QLabel* m_status;
    StandInCountersView* m_counters;
};

} // namespace avld
