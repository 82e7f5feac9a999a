#pragma once

#include "encoderstate.h"
#include "encodertarget.h"

#include <QJsonObject>

namespace avld {

// An encoder's state change as JSON: what `encoders --watch --json` prints for each change and the facts a
// webhook receives with an encoder alert (event, text, encoder {id, name, url, origin}, from, to, reason, at,
// previousSince).
QJsonObject encoderChangeJson(const EncoderStateChange& change, const EncoderTarget& target);
// The sentence for people: "encoder1.wwbn.net is offline (was online): …".
QString encoderChangeText(const EncoderStateChange& change, const EncoderTarget& target);

} // namespace avld
