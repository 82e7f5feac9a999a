#include "livepicture.h"

#include "bitmap/bitmapcodec.h"
#include "bitmap/pictureformat.h"
#include "livesound.h"
#include "media/framechecks.h"
#include "statejson.h"

namespace avld {

namespace {

QString clockTime(const QDateTime& at) {
    return at.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
}

qint64 spanMs(const QDateTime& since, const QDateTime& at) {
    if (!since.isValid() || !at.isValid())
        return 0;
    return std::max<qint64>(0, since.msecsTo(at));
}

} // namespace

QString pictureStateName(LivePicture::State state) {
    switch (state) {
    case LivePicture::State::NotSeen:
        return QStringLiteral("not-seen");
    case LivePicture::State::Moving:
        return QStringLiteral("moving");
    case LivePicture::State::Still:
        return QStringLiteral("still");
    case LivePicture::State::Black:
        return QStringLiteral("black");
    }
    return {};
}

qint64 LivePicture::stillForMs() const {
    return spanMs(stillSince, seenAt);
}

qint64 LivePicture::blackForMs() const {
    return spanMs(blackSince, seenAt);
}

bool LivePicture::outlastsSegment() const {
    if (still())
        return stillForMs() > std::max<qint64>(0, segmentStillMs);
    if (black())
        return blackForMs() > std::max<qint64>(0, segmentBlackMs);
    return false;
}

QString LivePicture::shortText() const {
    switch (state) {
    case State::NotSeen:
        return QStringLiteral("not seen");
    case State::Moving:
        return QStringLiteral("moving");
    case State::Still:
        return QStringLiteral("still ") + durationWords(stillForMs());
    case State::Black:
        return blackForMs() > 0 ? QStringLiteral("black ") + durationWords(blackForMs())
                                : QStringLiteral("black");
    }
    return {};
}

QString LivePicture::evidence() const {
    QString text;
    switch (state) {
    case State::NotSeen:
        return unmeasured.isEmpty() ? QStringLiteral("not seen") : QStringLiteral("not seen: ") + unmeasured;
    case State::Moving:
        text = QStringLiteral("the picture moves");
        if (segmentStillMs == 0)
            text += QStringLiteral(" (it changed within the newest segment)");
        else if (stillForMs() > 0)
            text += QStringLiteral(" (the same for the last %1 only)").arg(durationWords(stillForMs()));
        break;
    case State::Still:
        text = outlastsSegment() ? QStringLiteral("the same picture for %1 (since %2)")
                                       .arg(durationWords(stillForMs()), clockTime(stillSince))
                                 : QStringLiteral("the same picture for %1 within the newest segment")
                                       .arg(durationWords(stillForMs()));
        if (outlastsSegment() && segmentStillMs > 0)
            text += QStringLiteral("; newest segment: the same picture for %1")
                        .arg(durationWords(segmentStillMs));
        break;
    case State::Black:
        if (blackForMs() == 0)
            text = QStringLiteral("the newest picture is black");
        else if (outlastsSegment())
            text = QStringLiteral("black for %1 (since %2)")
                       .arg(durationWords(blackForMs()), clockTime(blackSince));
        else
            text = QStringLiteral("black for %1 within the newest segment").arg(durationWords(blackForMs()));
        break;
    }
    if (!unmeasured.isEmpty())
        text += QStringLiteral("; the newest check saw no picture: ") + unmeasured;
    return text;
}

QJsonObject LivePicture::toJson() const {
    QJsonObject json{{QStringLiteral("state"), pictureStateName(state)},
                     {QStringLiteral("text"), shortText()}};
    if (stillForMs() > 0) {
        json.insert(QStringLiteral("stillForMs"), stillForMs());
        json.insert(QStringLiteral("stillSince"), stillSince.toString(Qt::ISODateWithMs));
    }
    if (black()) {
        json.insert(QStringLiteral("blackForMs"), blackForMs());
        json.insert(QStringLiteral("blackSince"), blackSince.toString(Qt::ISODateWithMs));
    }
    if (segmentStillMs >= 0)
        json.insert(QStringLiteral("segmentStillMs"), segmentStillMs);
    if (segmentBlackMs >= 0)
        json.insert(QStringLiteral("segmentBlackMs"), segmentBlackMs);
    if (!unmeasured.isEmpty())
        json.insert(QStringLiteral("notMeasured"), unmeasured);
    return json;
}

QJsonObject LivePicture::stateJson() const {
    QJsonObject json{{QStringLiteral("state"), pictureStateName(state)},
                     {QStringLiteral("segmentStillMs"), segmentStillMs},
                     {QStringLiteral("segmentBlackMs"), segmentBlackMs}};
    if (seenAt.isValid())
        json.insert(QStringLiteral("seenAt"), stateJsonTime(seenAt));
    if (stillSince.isValid())
        json.insert(QStringLiteral("stillSince"), stateJsonTime(stillSince));
    if (blackSince.isValid())
        json.insert(QStringLiteral("blackSince"), stateJsonTime(blackSince));
    if (!sample.isNull()) {
        // A 64x36 picture: PNG cannot fail on it but for want of memory, and then the state goes without it.
        const Result<QByteArray> png = encodePng(sample.thumbnail);
        if (png)
            json.insert(QStringLiteral("sample"), QString::fromLatin1(png->toBase64()));
    }
    if (!unmeasured.isEmpty())
        json.insert(QStringLiteral("unmeasured"), unmeasured);
    return json;
}

Result<LivePicture> LivePicture::fromStateJson(const QJsonObject& json) {
    const auto bad = [](const QString& what) {
        return Error{QStringLiteral("bad-state"), QStringLiteral("a live's saved picture: ") + what, {}};
    };
    LivePicture picture;
    const QString stateName = json.value(QStringLiteral("state")).toString();
    bool known = false;
    for (const State s : {State::NotSeen, State::Moving, State::Still, State::Black})
        if (pictureStateName(s) == stateName) {
            picture.state = s;
            known = true;
        }
    if (!known)
        return bad(QStringLiteral("unknown state \"%1\"").arg(stateName));
    for (const auto& [name, time] : {std::pair{QStringLiteral("seenAt"), &picture.seenAt},
                                     std::pair{QStringLiteral("stillSince"), &picture.stillSince},
                                     std::pair{QStringLiteral("blackSince"), &picture.blackSince}}) {
        if (!json.contains(name))
            continue;
        const std::optional<QDateTime> at = stateJsonTimeFrom(json.value(name));
        if (!at)
            return bad(QStringLiteral("%1 is not a time").arg(name));
        *time = *at;
    }
    picture.segmentStillMs = json.value(QStringLiteral("segmentStillMs")).toInteger(-1);
    picture.segmentBlackMs = json.value(QStringLiteral("segmentBlackMs")).toInteger(-1);
    if (json.contains(QStringLiteral("sample"))) {
        const QByteArray png =
            QByteArray::fromBase64(json.value(QStringLiteral("sample")).toString().toLatin1());
        Bitmap thumbnail;
        if (sniffPictureFormat(png) == PictureFormat::Png) {
            if (Result<Bitmap> decoded = decodePicture(png))
                thumbnail = std::move(decoded).value();
        }
        if (thumbnail.width() != FrameSample::kWidth || thumbnail.height() != FrameSample::kHeight)
            return bad(QStringLiteral("its sample is not a %1x%2 picture")
                           .arg(FrameSample::kWidth)
                           .arg(FrameSample::kHeight));
        // At its own size FrameSample::of() does not scale: the grey levels and hash come out the same.
        picture.sample = FrameSample::of(thumbnail);
    }
    if (picture.state != State::NotSeen && (picture.sample.isNull() || !picture.seenAt.isValid()))
        return bad(QStringLiteral("a seen state without its picture or time"));
    picture.unmeasured = json.value(QStringLiteral("unmeasured")).toString();
    return picture;
}

LivePicture LivePicture::follow(const LivePicture& before, const FrameSample& sample, qint64 segmentStillMs,
                                qint64 segmentBlackMs, const QDateTime& at) {
    LivePicture next;
    next.sample = sample;
    next.seenAt = at;
    next.segmentStillMs = segmentStillMs;
    next.segmentBlackMs = segmentBlackMs;
    // A picture older than the one before (clocks, a report out of order) follows nothing.
    const bool continues = before.state != State::NotSeen && before.seenAt.isValid() && before.seenAt <= at &&
                           !before.sample.isNull();
    if (FrameChecks::isBlack(FrameChecks::measure(sample))) {
        next.state = State::Black;
        // The black began at a check before, or at this segment's black keyframe picture, or now.
        next.blackSince = continues && before.black() ? before.blackSince
                                                      : at.addMSecs(-std::max<qint64>(0, segmentBlackMs));
        return next;
    }
    if (segmentStillMs > 0)
        next.stillSince = at.addMSecs(-segmentStillMs);
    // The same picture as the check before, and this segment did not see it move: the same since that check
    // at least (or since its own still span began). A black picture before is not this one.
    if (continues && !before.black() && segmentStillMs != 0 &&
        FrameChecks::samePicture(before.sample, sample)) {
        const QDateTime from = before.stillSince.isValid() ? before.stillSince : before.seenAt;
        if (!next.stillSince.isValid() || from < next.stillSince)
            next.stillSince = from;
    }
    next.state = next.stillForMs() >= kMinMs ? State::Still : State::Moving;
    return next;
}

LivePicture LivePicture::unmeasuredAfter(const LivePicture& before, const QString& why) {
    LivePicture next = before;
    next.unmeasured = why.isEmpty() ? QStringLiteral("no reason given") : why;
    return next;
}

LivePicture LivePicture::follow(const LivePicture& before, const LiveEntry& live, const QDateTime& at) {
    if (!live.ourGrab)
        return unmeasuredAfter(before, QStringLiteral("the stream was not grabbed"));
    if (!live.ourGrab->ok())
        return unmeasuredAfter(
            before, QStringLiteral("the stream could not be read (%1)").arg(live.ourGrab->error().message));
    const GrabResult& grab = live.ourGrab->value();
    if (grab.frames.isEmpty() || grab.frame().image.isNull())
        return unmeasuredAfter(before, QStringLiteral("the grab returned no picture"));
    return follow(before, FrameSample::of(grab.frame().image), grab.report.pictureStillForMs,
                  grab.report.pictureBlackForMs, at);
}

} // namespace avld
