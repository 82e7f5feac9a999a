#include "generatorpage.h"

#include "encoderurlbox.h"
#include "generatorsettingsform.h"
#include "latencychartview.h"
#include "messagebar.h"
#include "palettecolours.h"
#include "remotestandinpanel.h"
#include "standincountersview.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace avld {

GeneratorPage::GeneratorPage(StandInController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_settings(new GeneratorSettingsForm(this))
    , m_left(new QVBoxLayout)
    , m_messages(new MessageBar(this))
    , m_startStop(new QPushButton(this))
    , m_state(new QLabel(this))
    , m_url(new EncoderUrlBox(this))
    , m_counters(new StandInCountersView(this))
    , m_chart(new LatencyChartView(this))
    , m_verify(new QPushButton(tr("Verify the site"), this))
    , m_verdict(new QLabel(this)) {
    setObjectName(QStringLiteral("generatorPage"));
    m_startStop->setObjectName(QStringLiteral("startStopButton"));
    m_startStop->setMinimumWidth(120);
    m_state->setObjectName(QStringLiteral("stateLabel"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    m_verify->setToolTip(tr("Asks the site's plugin/Live/getImage.php for every live and checks that the "
                            "picture is ours."));
    m_verdict->setObjectName(QStringLiteral("verificationLabel"));
    m_verdict->setWordWrap(true);

    auto* service = new QGroupBox(tr("Stand-in service"), this);
    service->setObjectName(QStringLiteral("serviceGroup"));
    auto* top = new QHBoxLayout;
    top->addWidget(m_startStop);
    top->addWidget(m_state, 1);
    auto* urlLabel = new QLabel(tr("Encoder URL for AVideo (Admin → Settings → Site Configurations):"), this);
    urlLabel->setWordWrap(true);
    auto* verifyRow = new QHBoxLayout;
    verifyRow->addWidget(m_verify);
    verifyRow->addWidget(m_verdict, 1);
    auto* serviceLayout = new QVBoxLayout(service);
    serviceLayout->addLayout(top);
    serviceLayout->addWidget(urlLabel);
    serviceLayout->addWidget(m_url);
    serviceLayout->addLayout(verifyRow);

    auto* traffic = new QGroupBox(tr("Traffic"), this);
    auto* trafficLayout = new QHBoxLayout(traffic);
    trafficLayout->addWidget(m_counters, 0);
    m_chart->setMinimumWidth(210); // below that its axis labels are cut
    trafficLayout->addWidget(m_chart, 1);

    auto* right = new QVBoxLayout;
    right->addWidget(service);
    right->addWidget(traffic, 1);
    m_left->addWidget(m_settings, 0);
    auto* columns = new QHBoxLayout;
    columns->addLayout(m_left, 0);
    columns->addLayout(right, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addLayout(columns, 1);

    connect(m_startStop, &QPushButton::clicked, this, [this] {
        if (m_controller.phase() == StandInController::Phase::Stopped) {
            m_messages->hide();
            m_controller.start(m_settings->config());
        } else if (!m_confirmStop || m_confirmStop()) {
            m_controller.stop();
        }
    });
    connect(m_verify, &QPushButton::clicked, this, [this] {
        m_verdict->setText(tr("Checking…"));
        m_verdict->setPalette(palette());
        Q_EMIT verifyRequested();
    });
    connect(m_url, &EncoderUrlBox::secretVisibleChanged, this, [this](bool visible) {
        m_settings->setSecretVisible(visible);
        updateStateLine();
    });
    connect(&m_controller, &StandInController::phaseChanged, this, &GeneratorPage::onPhase);
    connect(&m_controller, &StandInController::started, this, &GeneratorPage::onStarted);
    connect(&m_controller, &StandInController::failed, this, &GeneratorPage::onFailed);
    connect(&m_controller, &StandInController::statsUpdated, this, &GeneratorPage::onStats);
    onPhase(m_controller.phase());
    if (m_controller.isRunning())
        onStarted();
}

void GeneratorPage::setRemotePanel(RemoteStandInPanel* panel) {
    m_left->addWidget(panel, 1);
}

void GeneratorPage::setDefaults(const GeneratorConfig& config) {
    m_settings->setDefaults(config);
}

GeneratorConfig GeneratorPage::config() const {
    return m_settings->config();
}

QUrl GeneratorPage::encoderUrl() const {
    return m_url->url();
}

void GeneratorPage::showVerification(const QString& verdict, bool ok) {
    m_verdict->setText(verdict);
    setTextColour(m_verdict, ok ? goodTextColour(palette()) : badTextColour(palette()));
}

void GeneratorPage::showVerification(const StandinVerificationReport& report) {
    QStringList lines{report.summary()};
    if (!report.error) {
        for (const StandinCheckOutcome& check : report.checks()) {
            const QString mark = check.state == StandinCheckOutcome::State::Passed   ? QStringLiteral("✓")
                                 : check.state == StandinCheckOutcome::State::Failed ? QStringLiteral("✗")
                                                                                     : QStringLiteral("?");
            lines << QStringLiteral("%1 %2").arg(mark, check.text);
        }
    }
    showVerification(lines.join(QLatin1Char('\n')),
                     report.verdict() == StandinVerificationReport::Verdict::All);
    m_verdict->setToolTip(report.advice().join(QStringLiteral("\n\n")));
}

void GeneratorPage::onPhase(StandInController::Phase phase) {
    using Phase = StandInController::Phase;
    m_startStop->setText(phase == Phase::Running || phase == Phase::Stopping ? tr("Stop") : tr("Start"));
    m_startStop->setEnabled(phase == Phase::Stopped || phase == Phase::Running);
    m_settings->setEnabled(phase == Phase::Stopped);
    m_verify->setEnabled(phase == Phase::Running);
    if (phase == Phase::Stopped) {
        m_url->setUrl({});
        m_urlNote.clear();
    }
    updateStateLine();
}

void GeneratorPage::onStarted() {
    m_counters->clearStats();
    m_chart->clearSamples();
    const Result<QList<EncoderUrlChoice>> choices = m_controller.encoderUrlChoices();
    if (!choices || choices->isEmpty()) {
        m_url->setUrl({});
        m_urlNote = choices ? tr("no usable address") : choices.error().message;
    } else {
        const auto remote = std::find_if(choices->cbegin(), choices->cend(),
                                         [](const EncoderUrlChoice& choice) { return choice.remote; });
        const EncoderUrlChoice& choice = remote != choices->cend() ? *remote : choices->first();
        m_url->setUrl(choice.url);
        m_urlNote = choice.remote ? tr("AVideo can use it")
                                  : tr("only an AVideo on this same machine can use it (listen on 0.0.0.0 "
                                       "for another one)");
    }
    updateStateLine();
}

void GeneratorPage::onFailed(const Error& error) {
    m_messages->showError(tr("The stand-in could not start: %1").arg(error.message), error.hint);
}

void GeneratorPage::onStats(const StandInStats& stats) {
    m_counters->setStats(stats);
    m_chart->addSample(stats.uptimeMs, stats.p50Ms, stats.p99Ms);
}

void GeneratorPage::updateStateLine() {
    switch (m_controller.phase()) {
    case StandInController::Phase::Stopped:
        m_state->setText(tr("Stopped."));
        break;
    case StandInController::Phase::Starting:
        m_state->setText(tr("Starting…"));
        break;
    case StandInController::Phase::Stopping:
        m_state->setText(tr("Stopping: answering the waiting requests…"));
        break;
    case StandInController::Phase::Running: {
        const QString at = EncoderUrlBox::shown(m_controller.baseUrl(), m_url->secretVisible());
        m_state->setText(m_urlNote.isEmpty() ? tr("Running at %1").arg(at)
                                             : tr("Running at %1 — %2").arg(at, m_urlNote));
        break;
    }
    }
}

} // namespace avld
