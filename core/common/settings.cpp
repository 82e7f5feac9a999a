#include "settings.h"

#include "logging.h"

#include <QHostAddress>

#include <algorithm>

namespace avld {

Settings::Settings(std::unique_ptr<QSettings> storage, QObject* parent)
    : QObject(parent)
    , m_storage(std::move(storage)) {}

Settings::~Settings() = default;

const SettingSpec& Settings::spec(SettingId id) {
    const auto& rows = table();
    auto it = std::find_if(rows.begin(), rows.end(), [id](const SettingSpec& s) { return s.id == id; });
    Q_ASSERT(it != rows.end());
    return *it;
}

QString Settings::label(SettingId id) {
    return tr(spec(id).label.toUtf8().constData());
}

QString Settings::description(SettingId id) {
    return tr(spec(id).description.toUtf8().constData());
}

QVariant Settings::value(SettingId id) const {
    const SettingSpec& s = spec(id);
    if (!m_storage->contains(s.key))
        return s.defaultValue;
    QVariant stored = m_storage->value(s.key);
    if (!stored.convert(s.defaultValue.metaType()) || !s.validate(stored).ok()) {
        qCWarning(lcCore) << "setting" << s.key << "holds an invalid value; using the default";
        return s.defaultValue;
    }
    return stored;
}

Status Settings::setValue(SettingId id, const QVariant& newValue) {
    const SettingSpec& s = spec(id);
    QVariant converted = newValue;
    if (!converted.convert(s.defaultValue.metaType())) {
        return Error{QStringLiteral("setting-type"),
                     tr("%1: expected a %2").arg(label(id), QString::fromLatin1(s.defaultValue.typeName())),
                     {}};
    }
    if (Status invalid = s.validate(converted); !invalid.ok()) {
        invalid.error().message = tr("%1: %2").arg(label(id), invalid.error().message);
        return invalid;
    }
    if (value(id) == converted && m_storage->contains(s.key))
        return {};
    m_storage->setValue(s.key, converted);
    Q_EMIT changed(id, converted);
    return {};
}

void Settings::reset(SettingId id) {
    const SettingSpec& s = spec(id);
    if (!m_storage->contains(s.key))
        return;
    const bool differs = value(id) != s.defaultValue;
    m_storage->remove(s.key);
    if (differs)
        Q_EMIT changed(id, s.defaultValue);
}

bool Settings::isDefault(SettingId id) const {
    return value(id) == spec(id).defaultValue;
}

void Settings::sync() {
    m_storage->sync();
}

namespace Validate {

SettingValidator intRange(int min, int max) {
    SettingValidator validator([min, max](const QVariant& v) -> Status {
        const int n = v.toInt();
        if (n < min || n > max)
            return Error{QStringLiteral("out-of-range"),
                         Settings::tr("must be between %1 and %2").arg(min).arg(max),
                         {}};
        return {};
    });
    validator.minimum = min;
    validator.maximum = max;
    return validator;
}

SettingValidator oneOf(QStringList choices) {
    return [choices](const QVariant& v) -> Status {
        if (!choices.contains(v.toString()))
            return Error{QStringLiteral("not-a-choice"),
                         Settings::tr("must be one of: %1").arg(choices.join(u", ")),
                         {}};
        return {};
    };
}

SettingValidator nonEmptyText() {
    return [](const QVariant& v) -> Status {
        if (v.toString().trimmed().isEmpty())
            return Error{QStringLiteral("empty"), Settings::tr("must not be empty"), {}};
        return {};
    };
}

SettingValidator anyText() {
    return [](const QVariant&) -> Status { return {}; };
}

SettingValidator boolean() {
    return anyText();
}

SettingValidator ipAddress() {
    return [](const QVariant& v) -> Status {
        if (QHostAddress address; !address.setAddress(v.toString()))
            return Error{QStringLiteral("not-an-address"),
                         Settings::tr("must be an IP address such as 127.0.0.1, 0.0.0.0 or ::"),
                         {}};
        return {};
    };
}

} // namespace Validate

} // namespace avld
