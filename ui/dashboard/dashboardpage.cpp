#include "dashboardpage.h"

#include "encoders/encoderreachability.h"
#include "palettecolours.h"
#include "severitycolour.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace avld {

DashboardPage::DashboardPage(QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(16);

    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("findingBanner"));
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::AlternateBase);
    m_banner->setFrameShape(QFrame::StyledPanel);
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(0, 0, 16, 0);
    bannerLayout->setSpacing(16);
    m_accent = new QFrame(m_banner);
    m_accent->setFixedWidth(6);
    bannerLayout->addWidget(m_accent);
    m_findingLabel = new QLabel(m_banner);
    m_findingLabel->setObjectName(QStringLiteral("findingLabel"));
    m_findingLabel->setWordWrap(true);
    m_findingLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont findingFont = m_findingLabel->font();
    findingFont.setPointSizeF(findingFont.pointSizeF() * 1.25);
    m_findingLabel->setFont(findingFont);
    m_actionButton = new QPushButton(m_banner);
    m_actionButton->setObjectName(QStringLiteral("findingAction"));
    m_actionButton->setDefault(true);
    m_actionButton->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_findingLabel->setContentsMargins(0, 14, 0, 14);
    bannerLayout->addWidget(m_findingLabel, 1);
    bannerLayout->addWidget(m_actionButton, 0, Qt::AlignVCenter);
    connect(m_actionButton, &QPushButton::clicked, this,
            [this] { Q_EMIT actionRequested(m_finding.action); });
    layout->addWidget(m_banner);

    auto* tiles = new QGridLayout;
    tiles->setSpacing(16);
    tiles->addWidget(makeTile(tr("Lives"), m_livesValue, m_livesDetail), 0, 0);
    tiles->addWidget(makeTile(tr("Encoders"), m_encodersValue, m_encodersDetail), 0, 1);
    tiles->addWidget(makeTile(tr("Stand-in"), m_standInValue, m_standInDetail), 0, 2);
    tiles->addWidget(makeTile(tr("Health"), m_healthValue, m_healthDetail), 0, 3);
    m_healthValue->setObjectName(QStringLiteral("healthValue"));
    m_healthValue->setText(QStringLiteral("—"));
    m_healthDetail->setText(tr("after the first check"));
    layout->addLayout(tiles);

    m_checkedLabel = new QLabel(this);
    m_checkedLabel->setObjectName(QStringLiteral("checkedLabel"));
    m_checkedLabel->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_checkedLabel);

    auto* timelineTitle = new QLabel(tr("What happened"), this);
    timelineTitle->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(timelineTitle);
    m_timeline = new QListWidget(this);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setSelectionMode(QAbstractItemView::NoSelection);
    m_timeline->setWordWrap(true);
    m_timeline->setFrameShape(QFrame::NoFrame);
    m_timeline->setBackgroundRole(QPalette::Window);
    layout->addWidget(m_timeline, 1);

    setOverview({});
}

void DashboardPage::addEvent(const QDateTime& at, const QString& text) {
    const QDateTime local = at.toLocalTime();
    const QString when = local.date() == QDate::currentDate() ? local.toString(QStringLiteral("HH:mm:ss"))
                                                              : local.toString(QStringLiteral("d MMM HH:mm"));
    auto* item = new QListWidgetItem(QStringLiteral("%1   %2").arg(when, text));
    item->setToolTip(text);
    m_timeline->insertItem(0, item);
    while (m_timeline->count() > MaxEvents)
        delete m_timeline->takeItem(m_timeline->count() - 1);
}

void DashboardPage::setHealth(const HealthScore& score) {
    m_healthValue->setText(QStringLiteral("%1/100").arg(score.value));
    const Severity shade = score.value >= 90   ? Severity::Ok
                           : score.value >= 60 ? Severity::Warning
                                               : Severity::Critical;
    setTextColour(m_healthValue, severityTextColour(shade, palette()));
    m_healthDetail->setText(score.costs.isEmpty() ? score.gradeText()
                                                  : tr("%1 · −%2: %3")
                                                        .arg(score.gradeText())
                                                        .arg(score.costs.first().points)
                                                        .arg(score.costs.first().reason));
    QStringList lines;
    for (const HealthScore::Cost& cost : score.costs)
        lines << QStringLiteral("−%1  %2").arg(cost.points).arg(cost.reason);
    m_healthDetail->setToolTip(lines.join(QLatin1Char('\n')));
}

QFrame* DashboardPage::makeTile(const QString& title, QLabel*& value, QLabel*& detail) {
    auto* tile = new QFrame(this);
    tile->setFrameShape(QFrame::StyledPanel);
    tile->setMinimumHeight(150);
    auto* box = new QVBoxLayout(tile);
    box->setContentsMargins(16, 12, 16, 12);
    auto* heading = new QLabel(title, tile);
    heading->setForegroundRole(QPalette::PlaceholderText);
    value = new QLabel(tile);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    value->setFont(big);
    detail = new QLabel(tile);
    detail->setWordWrap(true); // the tiles share a 1024 px window with the sidebar
    box->addWidget(heading);
    box->addWidget(value);
    box->addWidget(detail);
    box->addStretch(1);
    return tile;
}

void DashboardPage::setOverview(const SiteOverview& overview) {
    m_finding = topFinding(overview);
    m_findingLabel->setText(m_finding.sentence);
    // A style sheet on this leaf alone: palettes on child frames do not paint reliably under every style.
    m_accent->setStyleSheet(QStringLiteral("background: %1;").arg(severityColour(m_finding.severity).name()));
    m_actionButton->setText(m_finding.actionLabel);
    m_actionButton->setFixedSize(m_actionButton->sizeHint());
    m_actionButton->setVisible(m_finding.action != SiteFinding::Action::None);

    const OverviewCounts counts = countOverview(overview);
    m_livesValue->setObjectName(QStringLiteral("livesValue"));
    m_encodersValue->setObjectName(QStringLiteral("encodersValue"));
    m_standInValue->setObjectName(QStringLiteral("standInValue"));
    if (overview.report) {
        m_livesValue->setText(tr("%n live(s)", nullptr, counts.lives));
        m_livesDetail->setText(tr("%1 real thumbnails · %2 ONLINE cards\n%3 OFFLINE cards · %4 other "
                                  "placeholders")
                                   .arg(counts.realThumbnails)
                                   .arg(counts.onlineCards)
                                   .arg(counts.offlineCards)
                                   .arg(counts.otherPlaceholders));
        m_checkedLabel->setText(
            tr("Checked at %1 in %2 s")
                .arg(overview.report->startedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")))
                .arg(overview.report->elapsedMs / 1000.0, 0, 'f', 1));
    } else {
        m_livesValue->setText(QStringLiteral("…"));
        m_livesDetail->setText(tr("Reading the site…"));
        m_checkedLabel->clear();
    }
    const int watched = int(overview.encoders.size());
    const int reachable =
        int(std::count_if(overview.encoders.begin(), overview.encoders.end(),
                          [](const EncoderSnapshot& e) { return encoderOnlyReachable(e); }));
    const int online = counts.encodersOnline - reachable; // frames tested
    const bool onlyReachable = online == 0 && reachable > 0;
    m_encodersValue->setText(!watched        ? QStringLiteral("–")
                             : onlyReachable ? tr("%1 reachable").arg(reachable)
                                             : tr("%1 online").arg(online));
    const QString notTested = onlyReachable ? tr("frames not tested: no live to ask for one\n")
                              : reachable   ? tr("%1 reachable, frames not tested\n").arg(reachable)
                                            : QString();
    m_encodersDetail->setText(watched ? notTested + tr("%1 degraded, %2 offline, %3 pending")
                                                        .arg(counts.encodersDegraded)
                                                        .arg(counts.encodersOffline)
                                                        .arg(counts.encodersUnknown)
                                      : tr("No encoder watched yet."));
    m_standInValue->setText(overview.standInRunning ? tr("Running") : tr("Stopped"));
    m_standInDetail->setText(
        overview.standInRunning
            ? tr("AVideo can use it as its encoder:\nsee the Stand-in page for its URL.")
            : tr("Start it to give the site real\nthumbnails while its encoder is down."));
}

} // namespace avld
