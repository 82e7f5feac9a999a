#pragma once

#include "result.h"

#include <QObject>
#include <QSettings>
#include <QVariant>

#include <functional>
#include <memory>
#include <type_traits>
#include <vector>

namespace avld {

// Every user setting of the tool, in one table (see settingstable.cpp): key, default, validation.
enum class SettingId {
    LastProfile,
    LivesRefreshSeconds,
    GrabTimeoutMs,
    UserAgent,
    ProbeIntervalSeconds,
    FailuresBeforeDown,
    SuccessesBeforeUp,
    GeneratorListenAddress,
    GeneratorPort,
    GeneratorBudgetMs,
    CloseToTray,
    LogLevel,
    Language,
};

// Says whether a value is acceptable; for whole numbers it also carries the range, so that an editor can
// refuse what the check would refuse before anything is applied.
struct SettingValidator {
    using Check = std::function<Status(const QVariant&)>;
    SettingValidator() = default;
    template <typename F>
    requires(std::is_invocable_r_v<Status, F, const QVariant&> &&
             !std::is_same_v<std::remove_cvref_t<F>, SettingValidator>)
        SettingValidator(
            F check) // NOLINT(google-explicit-constructor): the table's rows read as plain lambdas
        : check(std::move(check)) {}

    Status operator()(const QVariant& value) const { return check ? check(value) : Status{}; }

    Check check;
    std::optional<int> minimum{}; // for whole numbers
    std::optional<int> maximum{};
};

struct SettingSpec {
    SettingId id;
    QString key;
    QVariant defaultValue;
    QString label;
    QString description;
    SettingValidator validate; // returns an Error when the value is not acceptable
};

// A compile-time typed handle on a row of the table, so call sites cannot read an int as a string.
template <typename T> struct SettingKey { SettingId id; };

namespace Setting {
inline constexpr SettingKey<QString> LastProfile{SettingId::LastProfile};
inline constexpr SettingKey<int> LivesRefreshSeconds{SettingId::LivesRefreshSeconds};
inline constexpr SettingKey<int> GrabTimeoutMs{SettingId::GrabTimeoutMs};
inline constexpr SettingKey<QString> UserAgent{SettingId::UserAgent};
inline constexpr SettingKey<int> ProbeIntervalSeconds{SettingId::ProbeIntervalSeconds};
inline constexpr SettingKey<int> FailuresBeforeDown{SettingId::FailuresBeforeDown};
inline constexpr SettingKey<int> SuccessesBeforeUp{SettingId::SuccessesBeforeUp};
inline constexpr SettingKey<QString> GeneratorListenAddress{SettingId::GeneratorListenAddress};
inline constexpr SettingKey<int> GeneratorPort{SettingId::GeneratorPort};
inline constexpr SettingKey<int> GeneratorBudgetMs{SettingId::GeneratorBudgetMs};
inline constexpr SettingKey<bool> CloseToTray{SettingId::CloseToTray};
inline constexpr SettingKey<QString> LogLevel{SettingId::LogLevel};
// "system" (the desktop's language), "en", "zh_CN" or "pt_BR"; read once, at start-up.
inline constexpr SettingKey<QString> Language{SettingId::Language};
} // namespace Setting

// Typed settings on top of QSettings. Secrets never go here: they belong to the SecretStore.
class Settings : public QObject {
    Q_OBJECT
public:
    // Takes the storage to use; tests pass an INI file in a temporary directory.
    explicit Settings(std::unique_ptr<QSettings> storage, QObject* parent = nullptr);
    ~Settings() override;

    static const std::vector<SettingSpec>& table();
    static const SettingSpec& spec(SettingId id);
    // The row's label and description in the language the application loaded (the table holds English).
    static QString label(SettingId id);
    static QString description(SettingId id);

    template <typename T> T get(SettingKey<T> key) const { return value(key.id).template value<T>(); }
    template <typename T> Status set(SettingKey<T> key, const T& newValue) {
        return setValue(key.id, QVariant::fromValue(newValue));
    }

    // The stored value, or the default when it is missing or no longer valid (e.g. a hand-edited file).
    QVariant value(SettingId id) const;
    // Validates, stores and emits changed() when the value differs; the Error says why it was refused.
    Status setValue(SettingId id, const QVariant& newValue);
    void reset(SettingId id);
    bool isDefault(SettingId id) const;
    void sync();

Q_SIGNALS:
    void changed(avld::SettingId id, const QVariant& value);

private:
    std::unique_ptr<QSettings> m_storage;
};

namespace Validate {
SettingValidator intRange(int min, int max);
SettingValidator oneOf(QStringList choices);
SettingValidator nonEmptyText();
SettingValidator anyText();
SettingValidator boolean();
SettingValidator ipAddress();
} // namespace Validate

} // namespace avld
