#include "livesound.h"

#include "statejson.h"

#include <QJsonValue>

#include <cmath>

namespace avld {

namespace {

QString decibels(double value) {
    return QString::number(value, 'f', 1);
}

// JSON has no infinity nor NaN: a level that is not a number is null.
QJsonValue level(double value) {
    return std::isfinite(value) ? QJsonValue(std::round(value * 10) / 10) : QJsonValue();
}

} // namespace

QString soundStateName(LiveSound::State state) {
    switch (state) {
    case LiveSound::State::NotMeasured:
        return QStringLiteral("not-measured");
    case LiveSound::State::NoAudio:
        return QStringLiteral("no-audio");
    case LiveSound::State::Sound:
        return QStringLiteral("sound");
    case LiveSound::State::Silent:
        return QStringLiteral("silent");
    }
    return {};
}

QString durationWords(qint64 ms) {
    ms = std::max<qint64>(0, ms);
    if (ms < 10'000)
        return QStringLiteral("%1 s").arg(double(ms) / 1000, 0, 'f', 1);
    const qint64 seconds = ms / 1000;
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return QStringLiteral("%1 min").arg(minutes);
    if (minutes % 60 == 0)
        return QStringLiteral("%1 h").arg(minutes / 60);
    return QStringLiteral("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

qint64 LiveSound::silentForMs() const {
    if (!silentSince.isValid() || !heardAt.isValid())
        return 0;
    return std::max<qint64>(0, silentSince.msecsTo(heardAt));
}

bool LiveSound::silenceOutlastsSegment() const {
    return silent() && levels && silentForMs() > levels->measuredMs;
}

bool LiveSound::clips() const {
    return state == State::Sound && levels && levels->reachesFullScale();
}

QString LiveSound::shortText() const {
    switch (state) {
    case State::NotMeasured:
        return QStringLiteral("not measured");
    case State::NoAudio:
        return QStringLiteral("no audio");
    case State::Silent:
        return QStringLiteral("silent ") + durationWords(silentForMs());
    case State::Sound:
        break;
    }
    QString text = QStringLiteral("peak %1 dBFS").arg(decibels(levels->peakDbfs));
    if (std::isfinite(levels->momentaryMaxLufs))
        text += QStringLiteral(", %1 LUFS").arg(decibels(levels->momentaryMaxLufs));
    if (clips())
        text += QStringLiteral(", clips");
    if (silentForMs() > 0)
        text += QStringLiteral(", silent last %1").arg(durationWords(silentForMs()));
    return text;
}

QString LiveSound::evidence() const {
    QString text;
    switch (state) {
    case State::NotMeasured:
        return unmeasured.isEmpty() ? QStringLiteral("not measured")
                                    : QStringLiteral("not measured: ") + unmeasured;
    case State::NoAudio:
    case State::Sound:
        text = levels->summary();
        break;
    case State::Silent:
        text =
            silenceOutlastsSegment()
                ? QStringLiteral("silent for %1 (since %2); newest segment: %3")
                      .arg(durationWords(silentForMs()),
                           silentSince.toLocalTime().toString(QStringLiteral("HH:mm:ss")), levels->summary())
                : QStringLiteral("newest segment: ") + levels->summary();
        break;
    }
    if (!unmeasured.isEmpty())
        text += QStringLiteral("; the newest check measured nothing: ") + unmeasured;
    return text;
}

QJsonObject LiveSound::toJson() const {
    QJsonObject json{{QStringLiteral("state"), soundStateName(state)}, {QStringLiteral("text"), shortText()}};
    if (levels && levels->hasAudio) {
        json.insert(QStringLiteral("peakDbfs"), level(levels->peakDbfs));
        json.insert(QStringLiteral("rmsDbfs"), level(levels->rmsDbfs));
        json.insert(QStringLiteral("momentaryMaxLufs"), level(levels->momentaryMaxLufs));
        json.insert(QStringLiteral("integratedLufs"), level(levels->integratedLufs));
        json.insert(QStringLiteral("silentTailMs"), levels->silentTailMs);
        json.insert(QStringLiteral("measuredMs"), levels->measuredMs);
        json.insert(QStringLiteral("clips"), clips());
    }
    if (silentForMs() > 0) {
        json.insert(QStringLiteral("silentForMs"), silentForMs());
        json.insert(QStringLiteral("silentSince"), silentSince.toString(Qt::ISODateWithMs));
    }
    if (!unmeasured.isEmpty())
        json.insert(QStringLiteral("notMeasured"), unmeasured);
    return json;
}

QJsonObject LiveSound::stateJson() const {
    QJsonObject json{{QStringLiteral("state"), soundStateName(state)}};
    if (heardAt.isValid())
        json.insert(QStringLiteral("heardAt"), stateJsonTime(heardAt));
    if (silentSince.isValid())
        json.insert(QStringLiteral("silentSince"), stateJsonTime(silentSince));
    if (levels) {
        json.insert(
            QStringLiteral("levels"),
            QJsonObject{{QStringLiteral("hasAudio"), levels->hasAudio},
                        {QStringLiteral("peakDbfs"), stateJsonNumber(levels->peakDbfs)},
                        {QStringLiteral("rmsDbfs"), stateJsonNumber(levels->rmsDbfs)},
                        {QStringLiteral("momentaryMaxLufs"), stateJsonNumber(levels->momentaryMaxLufs)},
                        {QStringLiteral("integratedLufs"), stateJsonNumber(levels->integratedLufs)},
                        {QStringLiteral("silentTailMs"), levels->silentTailMs},
                        {QStringLiteral("measuredMs"), levels->measuredMs}});
    }
    if (!unmeasured.isEmpty())
        json.insert(QStringLiteral("unmeasured"), unmeasured);
    return json;
}

Result<LiveSound> LiveSound::fromStateJson(const QJsonObject& json) {
    const auto bad = [](const QString& what) {
        return Error{QStringLiteral("bad-state"), QStringLiteral("a live's saved sound: ") + what, {}};
    };
    LiveSound sound;
    const QString stateName = json.value(QStringLiteral("state")).toString();
    bool known = false;
    for (const State s : {State::NotMeasured, State::NoAudio, State::Sound, State::Silent})
        if (soundStateName(s) == stateName) {
            sound.state = s;
            known = true;
        }
    if (!known)
        return bad(QStringLiteral("unknown state \"%1\"").arg(stateName));
    for (const auto& [name, time] : {std::pair{QStringLiteral("heardAt"), &sound.heardAt},
                                     std::pair{QStringLiteral("silentSince"), &sound.silentSince}}) {
        if (!json.contains(name))
            continue;
        const std::optional<QDateTime> at = stateJsonTimeFrom(json.value(name));
        if (!at)
            return bad(QStringLiteral("%1 is not a time").arg(name));
        *time = *at;
    }
    if (json.contains(QStringLiteral("levels"))) {
        const QJsonObject l = json.value(QStringLiteral("levels")).toObject();
        SoundLevels levels;
        levels.hasAudio = l.value(QStringLiteral("hasAudio")).toBool();
        for (const auto& [name, value] :
             {std::pair{QStringLiteral("peakDbfs"), &levels.peakDbfs},
              std::pair{QStringLiteral("rmsDbfs"), &levels.rmsDbfs},
              std::pair{QStringLiteral("momentaryMaxLufs"), &levels.momentaryMaxLufs},
              std::pair{QStringLiteral("integratedLufs"), &levels.integratedLufs}}) {
            const std::optional<double> number = stateJsonNumberFrom(l.value(name));
            if (!number)
                return bad(QStringLiteral("%1 is not a level").arg(name));
            *value = *number;
        }
        levels.silentTailMs = l.value(QStringLiteral("silentTailMs")).toInteger(-1);
        levels.measuredMs = l.value(QStringLiteral("measuredMs")).toInteger(-1);
        if (levels.silentTailMs < 0 || levels.measuredMs < 0)
            return bad(QStringLiteral("its durations are not whole milliseconds"));
        sound.levels = levels;
    }
    // The states that show figures need them: a saved Sound or Silent without levels is not one.
    if ((sound.state == State::Sound || sound.state == State::Silent || sound.state == State::NoAudio) &&
        (!sound.levels || !sound.heardAt.isValid()))
        return bad(QStringLiteral("a measured state without its levels or time"));
    sound.unmeasured = json.value(QStringLiteral("unmeasured")).toString();
    return sound;
}

LiveSound LiveSound::follow(const LiveSound& before, const SoundLevels& levels, const QDateTime& at) {
    LiveSound next;
    next.levels = levels;
    next.heardAt = at;
    if (!levels.hasAudio) {
        next.state = State::NoAudio;
        return next;
    }
    // A measure older than the one before (clocks, a report out of order) follows nothing.
    const bool continues = before.silentSince.isValid() && before.heardAt.isValid() && before.heardAt <= at &&
                           (before.state == State::Silent || before.state == State::Sound);
    if (levels.silent()) {
        next.state = State::Silent;
        // The silence began in an earlier segment's tail, or at this segment's start at the latest.
        next.silentSince = continues ? before.silentSince : at.addMSecs(-levels.measuredMs);
        return next;
    }
    next.state = State::Sound;
    if (levels.silentTailMs > 0)
        next.silentSince = at.addMSecs(-levels.silentTailMs);
    return next;
}

LiveSound LiveSound::unmeasuredAfter(const LiveSound& before, const QString& why) {
    LiveSound next = before;
    next.unmeasured = why.isEmpty() ? QStringLiteral("no reason given") : why;
    return next;
}

LiveSound LiveSound::follow(const LiveSound& before, const LiveEntry& live, const QDateTime& at) {
    if (!live.ourGrab)
        return unmeasuredAfter(before, QStringLiteral("the stream was not grabbed"));
    if (!live.ourGrab->ok())
        return unmeasuredAfter(
            before, QStringLiteral("the stream could not be read (%1)").arg(live.ourGrab->error().message));
    const GrabReport& report = live.ourGrab->value().report;
    if (!report.sound)
        return unmeasuredAfter(
            before, QStringLiteral("only HLS segments read whole are measured; this grab went via %1")
                        .arg(report.method.isEmpty() ? QStringLiteral("another way") : report.method));
    if (!report.sound->ok())
        return unmeasuredAfter(before, report.sound->error().message);
    return follow(before, report.sound->value(), at);
}

} // namespace avld
