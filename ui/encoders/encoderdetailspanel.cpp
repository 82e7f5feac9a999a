#include "encoderdetailspanel.h"

#include "encodercelltext.h"
#include "encoderhistorychart.h"
#include "encoders/encoderreachability.h"
#include "encoderstatestyle.h"
#include "maskedurl.h"
#include "palettecolours.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace avld {

namespace {

QString factsLine(const EncoderSnapshot& s) {
    QStringList facts;
    facts << EncoderDetailsPanel::tr("ms (DNS / connect / TLS / first byte / total): %1")
                 .arg(encoderLatencyText(s));
    if (s.last) {
        if (s.last->record.functionalMs >= 0)
            facts << EncoderDetailsPanel::tr("getImage %1 ms (%2)")
                         .arg(s.last->record.functionalMs)
                         .arg(s.last->record.frameClass);
        else if (!encoderFramesTested(s) && s.last->record.health != ProbeHealth::Failed)
            facts << EncoderDetailsPanel::tr("frames not tested (no live to ask for one)");
        if (!s.last->status.note.isEmpty())
            facts << EncoderDetailsPanel::tr("status: %1").arg(s.last->status.note);
        if (s.last->certificateDaysLeft)
            facts << EncoderDetailsPanel::tr("certificate: %1 days left").arg(*s.last->certificateDaysLeft);
    }
    if (s.uptime)
        facts << EncoderDetailsPanel::tr("uptime 1 h %1 · 24 h %2 · 7 d %3")
                     .arg(encoderUptimeText(s.uptime->lastHour), encoderUptimeText(s.uptime->lastDay),
                          encoderUptimeText(s.uptime->lastWeek));
    return facts.join(QStringLiteral("   ·   "));
}

} // namespace

EncoderDetailsPanel::EncoderDetailsPanel(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_reason(new QLabel(this))
    , m_facts(new QLabel(this))
    , m_recommendation(new QLabel(this))
    , m_window(new QComboBox(this))
    , m_chart(new EncoderHistoryChart(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto* header = new QHBoxLayout;
    m_title->setObjectName(QStringLiteral("encoderTitle"));
    m_title->setTextFormat(Qt::RichText);
    header->addWidget(m_title, 1);
    auto* windowLabel = new QLabel(tr("History:"), this);
    header->addWidget(windowLabel);
    m_window->setObjectName(QStringLiteral("windowSelector"));
    for (HistoryWindow w : {HistoryWindow::LastHour, HistoryWindow::LastDay, HistoryWindow::LastWeek})
        m_window->addItem(tr("last %1").arg(historyWindowText(w)), int(w));
    windowLabel->setBuddy(m_window);
    header->addWidget(m_window);
    layout->addLayout(header);

    m_reason->setObjectName(QStringLiteral("encoderReason"));
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_reason);
    m_facts->setObjectName(QStringLiteral("encoderFacts"));
    m_facts->setWordWrap(true);
    setTextColour(m_facts, mutedTextColour(palette()));
    layout->addWidget(m_facts);
    m_recommendation->setObjectName(QStringLiteral("encoderRecommendation"));
    m_recommendation->setWordWrap(true);
    m_recommendation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_recommendation->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff4d6; color: #3d2e00; border: 1px solid #e0b040; border-radius: 4px; "
        "padding: 6px; }"));
    m_recommendation->hide();
    layout->addWidget(m_recommendation);
    m_chart->setObjectName(QStringLiteral("historyChart"));
    layout->addWidget(m_chart, 1);

    connect(m_window, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT windowChanged(window()); });
    setSnapshot(std::nullopt);
}

HistoryWindow EncoderDetailsPanel::window() const {
    return HistoryWindow(m_window->currentData().toInt());
}

void EncoderDetailsPanel::setSnapshot(const std::optional<EncoderSnapshot>& snapshot) {
    if (!snapshot) {
        m_title->setText(tr("<b>No encoder selected</b>"));
        m_reason->setText(tr("Select an encoder in the table to see why it is in its state and "
                             "how it did over time."));
        m_facts->clear();
        return;
    }
    const EncoderSnapshot& s = *snapshot;
    m_title->setText(QStringLiteral("<b>%1</b> &nbsp; <span style=\"color:%2\"><b>%3</b></span> &nbsp; "
                                    "<span style=\"color:gray\">%4 · %5</span>")
                         .arg(s.target.name.toHtmlEscaped(), encoderSnapshotColor(s).darker(115).name(),
                              encoderSnapshotText(s).toUpper(), maskedUrl(s.target.url).toHtmlEscaped(),
                              encoderOriginText(s.target.origin).toHtmlEscaped()));
    m_reason->setText(s.reason.isEmpty() ? tr("Not probed yet.") : s.reason);
    m_facts->setText(factsLine(s));
}

void EncoderDetailsPanel::setRecommendation(const std::optional<EncoderRecommendation>& recommendation) {
    m_recommendation->setVisible(recommendation.has_value());
    m_recommendation->setText(recommendation ? recommendation->text : QString());
}

} // namespace avld
