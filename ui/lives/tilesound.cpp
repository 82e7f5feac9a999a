#include "tilesound.h"

#include "tilebadgestyle.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace avld {

namespace {

// The meter's scale: silence (as silencedetect hears it) at the bottom, full scale at the top.
constexpr double kFloorDbfs = SoundLevels::kSilenceDbfs;
// Above this the peak is near full scale: amber (EBU R128 keeps true peaks at -1 dBFS at most).
constexpr double kHotDbfs = -6;
// Deep orange 900: white text on it has a contrast of 5.6 (WCAG), on any picture, in either palette.
const QColor kSilentFill(0xbf, 0x36, 0x0c);

QFont overlayFont(QFont font) {
    font.setPointSizeF(font.pointSizeF() > 0 ? font.pointSizeF() * 0.85 : 8);
    font.setBold(true);
    return font;
}

double fraction(double dbfs) {
    if (!std::isfinite(dbfs))
        return dbfs > 0 ? 1 : 0;
    return std::clamp((dbfs - kFloorDbfs) / -kFloorDbfs, 0.0, 1.0);
}

QString decibels(double value) {
    if (!std::isfinite(value))
        return value < 0 ? QStringLiteral("−∞") : QStringLiteral("∞");
    return QString::number(value, 'f', 1);
}

QColor meterColour(double peakDbfs) {
    if (peakDbfs >= SoundLevels::kFullScaleDbfs)
        return QColor(0xe5, 0x39, 0x35);
    if (peakDbfs >= kHotDbfs)
        return QColor(0xfb, 0x8c, 0x00);
    return QColor(0x43, 0xa0, 0x47);
}

// A loudspeaker with a cross beside it, in `box` (square).
void paintMutedSpeaker(QPainter* painter, const QRectF& box, const QColor& colour) {
    const double s = box.width();
    const auto at = [&](double x, double y) { return QPointF(box.left() + x * s, box.top() + y * s); };
    QPainterPath speaker;
    speaker.moveTo(at(0.00, 0.33));
    speaker.lineTo(at(0.20, 0.33));
    speaker.lineTo(at(0.48, 0.08));
    speaker.lineTo(at(0.48, 0.92));
    speaker.lineTo(at(0.20, 0.67));
    speaker.lineTo(at(0.00, 0.67));
    speaker.closeSubpath();
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPath(speaker);
    painter->setPen(QPen(colour, std::max(1.6, s / 7), Qt::SolidLine, Qt::RoundCap));
    painter->drawLine(at(0.64, 0.32), at(1.00, 0.68));
    painter->drawLine(at(0.64, 0.68), at(1.00, 0.32));
}

void paintMeter(QPainter* painter, const QRect& slot, const SoundLevels& levels) {
    const int width = std::max(5, slot.height() / 28);
    const int height = std::max(16, slot.height() * 9 / 20);
    // Clear of the picture's caption (bottom left) and of a playing preview's progress bar (bottom edge).
    const QRectF meter(slot.right() + 1 - 5 - width, slot.bottom() + 1 - 8 - height, width, height);
    painter->save();
    painter->setPen(QPen(QColor(255, 255, 255, 110), 1));
    painter->setBrush(QColor(0, 0, 0, 170));
    painter->drawRoundedRect(meter.adjusted(-1.5, -1.5, 1.5, 1.5), 2, 2);
    const QRectF inner = meter;
    const double rms = fraction(levels.rmsDbfs) * inner.height();
    painter->setPen(Qt::NoPen);
    painter->setBrush(meterColour(levels.peakDbfs));
    painter->drawRect(QRectF(inner.left(), inner.bottom() - rms, inner.width(), rms));
    if (std::isfinite(levels.peakDbfs)) {
        const double peak = inner.bottom() - fraction(levels.peakDbfs) * inner.height();
        painter->setBrush(Qt::white);
        painter->drawRect(QRectF(inner.left(), std::max(inner.top(), peak - 1), inner.width(), 2));
    }
    painter->restore();
}

} // namespace

QString TileSound::silentLabel(const LiveSound& sound) {
    return tr("silent %1").arg(shortAge(sound.silentForMs()));
}

QRect TileSound::silentOverlayRect(const QRect& slot, const QFont& font, const LiveSound& sound) {
    if (!sound.silent())
        return {};
    const QFontMetrics fm(overlayFont(font));
    const int mark = fm.height();
    return QRect(slot.left() + 4, slot.top() + 4, 6 + mark + 4 + fm.horizontalAdvance(silentLabel(sound)) + 8,
                 fm.height() + 6);
}

void TileSound::paint(QPainter* painter, const QRect& slot, const QFont& font, const LiveSound& sound) {
    if (slot.isEmpty() || !sound.levels || !sound.levels->hasAudio)
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    paintMeter(painter, slot, *sound.levels);
    if (const QRect pill = silentOverlayRect(slot, font, sound); !pill.isEmpty()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(kSilentFill);
        painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
        const QFontMetrics fm(overlayFont(font));
        const int mark = fm.height();
        paintMutedSpeaker(painter, QRectF(pill.left() + 6, pill.center().y() + 1 - mark / 2.0, mark, mark),
                          Qt::white);
        painter->setFont(overlayFont(font));
        painter->setPen(Qt::white);
        painter->drawText(pill.adjusted(6 + mark + 4, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                          silentLabel(sound));
    }
    painter->restore();
}

QString TileSound::infoText(const LiveSound& sound) {
    switch (sound.state) {
    case LiveSound::State::NotMeasured:
        return {};
    case LiveSound::State::NoAudio:
        return tr("no audio");
    case LiveSound::State::Silent:
        return silentLabel(sound);
    case LiveSound::State::Sound:
        break;
    }
    if (std::isfinite(sound.levels->momentaryMaxLufs))
        return tr("%1 LUFS").arg(QString::number(sound.levels->momentaryMaxLufs, 'f', 0));
    return tr("peak %1 dBFS").arg(decibels(sound.levels->peakDbfs));
}

QString TileSound::toolTip(const LiveSound& sound) {
    QString text;
    switch (sound.state) {
    case LiveSound::State::NotMeasured:
        return sound.unmeasured.isEmpty() ? QString() : tr("Sound: not measured (%1).").arg(sound.unmeasured);
    case LiveSound::State::NoAudio:
        text = tr("Sound: the stream carries no audio. Not a fault: many lives have none.");
        break;
    case LiveSound::State::Silent:
        text = tr("Sound: silent for %1 — nothing above %2 dBFS %3. Check the streamer's microphone or audio "
                  "source in OBS (muted, unplugged or the wrong device); the stream itself is running.")
                   .arg(shortAge(sound.silentForMs()))
                   .arg(SoundLevels::kSilenceDbfs)
                   .arg(sound.silenceOutlastsSegment()
                            ? tr("in any check since %1")
                                  .arg(sound.silentSince.toLocalTime().toString(QStringLiteral("HH:mm:ss")))
                            : tr("in the stream's newest segment (%1 s)")
                                  .arg(double(sound.levels->measuredMs) / 1000, 0, 'f', 1));
        break;
    case LiveSound::State::Sound: {
        const SoundLevels& levels = *sound.levels;
        text =
            tr("Sound: peak %1 dBFS, RMS %2 dBFS").arg(decibels(levels.peakDbfs), decibels(levels.rmsDbfs));
        if (std::isfinite(levels.momentaryMaxLufs))
            text += tr(", loudness %1 LUFS").arg(decibels(levels.momentaryMaxLufs));
        text += tr(" in the newest segment.");
        if (sound.clips())
            text += tr(" It reaches full scale and may distort: lower the gain in OBS.");
        if (sound.silentForMs() > 0)
            text += tr(" Silent for its last %1 s.").arg(double(sound.silentForMs()) / 1000, 0, 'f', 1);
        break;
    }
    }
    if (!sound.unmeasured.isEmpty())
        text += QLatin1Char('\n') + tr("The newest check did not measure it: %1.").arg(sound.unmeasured);
    return text;
}

} // namespace avld
