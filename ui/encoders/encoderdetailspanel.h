#pragma once

#include "encoders/encoderrecommendation.h"
#include "encoders/encoderseries.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;

namespace avld {

class EncoderHistoryChart;

// Under the encoder table: the selected encoder's state and reason, what to do about the site's encoder
// (EncoderRecommendation), and its history chart with a 1 h / 24 h / 7 d selector.
class EncoderDetailsPanel : public QWidget {
    Q_OBJECT
public:
    explicit EncoderDetailsPanel(QWidget* parent = nullptr);

    void setSnapshot(const std::optional<EncoderSnapshot>& snapshot);
    void setRecommendation(const std::optional<EncoderRecommendation>& recommendation);
    HistoryWindow window() const;
    EncoderHistoryChart* chart() const { return m_chart; }

Q_SIGNALS:
    void windowChanged(avld::HistoryWindow window);

private:
    QLabel* m_title;
    QLabel* m_reason;
    QLabel* m_facts;
    QLabel* m_recommendation;
    QComboBox* m_window;
    EncoderHistoryChart* m_chart;
};

} // namespace avld
