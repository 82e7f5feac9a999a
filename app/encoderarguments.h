#pragma once

#include "encoders/encodertarget.h"
#include "result.h"

namespace avld {

// An encoder given on the command line: an http(s) URL, with the trailing slash AVideo's encoderURL has.
Result<QUrl> encoderUrlArgument(const QString& text, const QString& option = QStringLiteral("--encoder"));
// A stable id for an encoder given by URL (its history is kept under it).
QString encoderIdFor(const QUrl& url);
// A watched encoder the admin named on the command line.
EncoderTarget adminEncoderTarget(const QUrl& url);

} // namespace avld
