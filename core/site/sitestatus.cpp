#include "sitestatus.h"

#include "remotetext.h"

#include <QJsonObject>

namespace avld {

namespace {
// A version is a few words at most; anything longer is not one.
constexpr qsizetype kMaxVersionLength = 40;
constexpr qsizetype kMaxTitleLength = 200;
} // namespace

Result<SiteStatus> SiteStatus::fromJson(const QJsonDocument& json) {
    const QJsonObject object = json.object();
    const QJsonValue version = object.value(QStringLiteral("version"));
    // Older sites print the version as a number.
    const QString text = version.isString()   ? version.toString()
                         : version.isDouble() ? QString::number(version.toDouble())
                                              : QString();
    const QString clean = RemoteText::clean(text).trimmed();
    if (clean.isEmpty() || clean.size() > kMaxVersionLength)
        return Error{QStringLiteral("bad-answer"),
                     QStringLiteral("The site's objects/status.json.php does not say its version."),
                     {}};
    return SiteStatus{
        clean,
        RemoteText::clean(object.value(QStringLiteral("webSiteTitle")).toString()).left(kMaxTitleLength)};
}

} // namespace avld
