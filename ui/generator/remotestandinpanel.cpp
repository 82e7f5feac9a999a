#include "remotestandinpanel.h"

#include "generator/remotestandinwatch.h"
#include "maskedurl.h"
#include "palettecolours.h"
#include "site/livesound.h"
#include "standincountersview.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTime>
#include <QVBoxLayout>

namespace avld {

RemoteStandInPanel::RemoteStandInPanel(QNetworkAccessManager& network, QWidget* parent)
    : QGroupBox(tr("Stand-in on another machine"), parent)
    , m_watch(new RemoteStandInWatch(network, this))
    , m_url(new QLineEdit(this))
    , m_watchButton(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_counters(new StandInCountersView(this)) {
    setObjectName(QStringLiteral("remoteStandInGroup"));
    m_url->setObjectName(QStringLiteral("remoteUrlField"));
    m_url->setPlaceholderText(tr("Its Encoder URL: http://server:8090/secret/"));
    m_url->setEchoMode(QLineEdit::PasswordEchoOnEdit); // the secret prefix shows only while typed
    m_url->setToolTip(tr("The URL `avideo-live-doctor-nox standin-url` prints on the machine the stand-in "
                         "runs on (its secret prefix included)."));
    m_watchButton->setObjectName(QStringLiteral("remoteWatchButton"));
    m_status->setObjectName(QStringLiteral("remoteStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setText(
        tr("A stand-in on the AVideo server (the package avideo-live-doctor-nox) can be watched "
           "from here: its health and counters."));
    m_counters->setObjectName(QStringLiteral("remoteCounters"));
    m_counters->hide();

    auto* row = new QHBoxLayout;
    row->addWidget(m_url, 1);
    row->addWidget(m_watchButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_status);
    layout->addWidget(m_counters, 1);
    layout->addStretch(0); // the room the counters take once shown; until then the text stays under the field

    connect(m_watchButton, &QPushButton::clicked, this, [this] {
        if (isWatching())
            stopWatching();
        else
            startWatching();
    });
    connect(m_url, &QLineEdit::returnPressed, this, [this] {
        if (!isWatching())
            startWatching();
    });
    connect(m_watch, &RemoteStandInWatch::sampled, this, &RemoteStandInPanel::showSample);
    connect(m_watch, &RemoteStandInWatch::failed, this, &RemoteStandInPanel::showFailure);
    updateButton();
}

RemoteStandInPanel::~RemoteStandInPanel() = default;

void RemoteStandInPanel::setUrl(const QUrl& encoderUrl) {
    m_url->setText(encoderUrl.toString());
}

QUrl RemoteStandInPanel::url() const {
    return QUrl::fromUserInput(m_url->text().trimmed());
}

bool RemoteStandInPanel::isWatching() const {
    return m_watch->isWatching();
}

void RemoteStandInPanel::startWatching() {
    const QUrl encoderUrl = url();
    if (const Status refused = m_watch->start(encoderUrl); !refused.ok()) {
        m_status->setText(tr("✗ %1").arg(refused.error().toString()));
        setTextColour(m_status, badTextColour(palette()));
        return;
    }
    m_status->setText(tr("Asking %1…").arg(maskedUrl(encoderUrl)));
    m_status->setPalette(palette());
    m_url->setEchoMode(QLineEdit::Password); // while watched, the secret prefix stays hidden
    m_url->setEnabled(false);
    updateButton();
    Q_EMIT watchStarted(encoderUrl);
}

void RemoteStandInPanel::stopWatching() {
    m_watch->stop();
    m_url->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_url->setEnabled(true);
    m_status->setText(tr("Not watching."));
    m_status->setPalette(palette());
    updateButton();
}

void RemoteStandInPanel::updateButton() {
    m_watchButton->setText(isWatching() ? tr("Stop watching") : tr("Watch"));
}

void RemoteStandInPanel::showSample(const StandInStats& stats) {
    const StandinPresence& run = stats.presence;
    const QString lastImage =
        run.lastImageAt.isValid()
            ? tr("last image %1 ago")
                  .arg(durationWords(run.lastImageAt.msecsTo(QDateTime::currentDateTimeUtc())))
            : tr("no image asked for yet");
    m_status->setText(
        tr("✓ %1 answers: run %2, up %3, %4.")
            .arg(maskedUrl(m_watch->encoderUrl()), run.instance, durationWords(stats.uptimeMs), lastImage));
    setTextColour(m_status, goodTextColour(palette()));
    m_counters->setStats(stats);
    m_counters->show();
}

void RemoteStandInPanel::showFailure(const Error& error) {
    m_status->setText(tr("✗ %1 (%2; asking again every 2 s)")
                          .arg(error.toString(), QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
    setTextColour(m_status, badTextColour(palette()));
}

} // namespace avld
