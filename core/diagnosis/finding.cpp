#include "finding.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace avld {

QString checkAreaName(CheckArea area) {
    switch (area) {
    case CheckArea::Site:
        return QStringLiteral("site");
    case CheckArea::Lives:
        return QStringLiteral("lives");
    case CheckArea::Encoder:
        return QStringLiteral("encoder");
    case CheckArea::Backups:
        return QStringLiteral("backups");
    case CheckArea::Generator:
        return QStringLiteral("generator");
    case CheckArea::Caches:
        return QStringLiteral("caches");
    case CheckArea::Prevention:
        return QStringLiteral("prevention");
    case CheckArea::MediaServer:
        return QStringLiteral("media-server");
    }
    return {};
}

QString checkAreaTitle(CheckArea area) {
    switch (area) {
    case CheckArea::Site:
        return QCoreApplication::translate("avld::Finding", "The site");
    case CheckArea::Lives:
        return QCoreApplication::translate("avld::Finding", "The lives");
    case CheckArea::Encoder:
        return QCoreApplication::translate("avld::Finding", "The site's encoder");
    case CheckArea::Backups:
        return QCoreApplication::translate("avld::Finding", "Backup encoders");
    case CheckArea::Generator:
        return QCoreApplication::translate("avld::Finding", "The local generator");
    case CheckArea::Caches:
        return QCoreApplication::translate("avld::Finding", "Caches");
    case CheckArea::Prevention:
        return QCoreApplication::translate("avld::Finding", "Prevention");
    case CheckArea::MediaServer:
        return QCoreApplication::translate("avld::Finding", "The media server");
    }
    return {};
}

QList<CheckArea> allCheckAreas() {
    return {CheckArea::Site,      CheckArea::Lives,  CheckArea::Encoder,    CheckArea::Backups,
            CheckArea::Generator, CheckArea::Caches, CheckArea::Prevention, CheckArea::MediaServer};
}

bool FindingAction::canRunInTool() const {
    switch (kind) {
    case Kind::StartStandIn:
    case Kind::ClearCaches:
    case Kind::ProbeAgain:
    case Kind::CheckAgain:
        return true;
    default:
        return false;
    }
}

QString FindingAction::buttonLabel() const {
    switch (kind) {
    case Kind::StartStandIn:
        return QCoreApplication::translate("avld::Finding", "Start the stand-in");
    case Kind::ClearCaches:
        return QCoreApplication::translate("avld::Finding", "Clear the caches");
    case Kind::ProbeAgain:
        return QCoreApplication::translate("avld::Finding", "Probe again");
    case Kind::CheckAgain:
        return QCoreApplication::translate("avld::Finding", "Check again");
    default:
        return text;
    }
}

QString actionKindName(FindingAction::Kind kind) {
    switch (kind) {
    case FindingAction::Kind::None:
        return QStringLiteral("none");
    case FindingAction::Kind::StartStandIn:
        return QStringLiteral("start-stand-in");
    case FindingAction::Kind::SwitchToStandIn:
        return QStringLiteral("switch-to-stand-in");
    case FindingAction::Kind::ClearCaches:
        return QStringLiteral("clear-caches");
    case FindingAction::Kind::ProbeAgain:
        return QStringLiteral("probe-again");
    case FindingAction::Kind::CheckAgain:
        return QStringLiteral("check-again");
    case FindingAction::Kind::SignIn:
        return QStringLiteral("sign-in");
    case FindingAction::Kind::OpenEncoders:
        return QStringLiteral("open-encoders");
    case FindingAction::Kind::FixStreams:
        return QStringLiteral("fix-streams");
    case FindingAction::Kind::SetUpMonitoring:
        return QStringLiteral("set-up-monitoring");
    }
    return {};
}

int severityRank(Severity severity) {
    switch (severity) {
    case Severity::Critical:
        return 0;
    case Severity::Warning:
        return 1;
    case Severity::Unknown:
        return 2;
    case Severity::Ok:
        return 3;
    }
    return 3;
}

bool findingComesBefore(const Finding& a, const Finding& b) {
    if (severityRank(a.severity) != severityRank(b.severity))
        return severityRank(a.severity) < severityRank(b.severity);
    return int(a.area) < int(b.area);
}

QJsonObject Finding::toJson() const {
    QJsonArray evidenceJson;
    for (const Evidence& e : evidence)
        evidenceJson.append(QJsonObject{{QStringLiteral("label"), e.label},
                                        {QStringLiteral("value"), e.value},
                                        {QStringLiteral("picture"), !e.picture.isNull()}});
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("area"), checkAreaName(area)},
                     {QStringLiteral("severity"), severityName(severity)},
                     {QStringLiteral("sentence"), sentence},
                     {QStringLiteral("evidence"), evidenceJson},
                     {QStringLiteral("scoreCost"), scoreCost}};
    if (action.kind != FindingAction::Kind::None)
        json.insert(QStringLiteral("action"),
                    QJsonObject{{QStringLiteral("kind"), actionKindName(action.kind)},
                                {QStringLiteral("text"), action.text}});
    if (!liveKey.isEmpty())
        json.insert(QStringLiteral("live"), liveKey);
    return json;
}

} // namespace avld
