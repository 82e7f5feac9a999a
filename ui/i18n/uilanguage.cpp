#include "uilanguage.h"

namespace avld {

namespace {

// The shipped language closest to what the user reads, or nothing. Any Portuguese reads Brazilian Portuguese
// better than English; Traditional Chinese readers are not given Simplified characters unasked.
std::optional<QString> shippedLanguageFor(const QLocale& wanted) {
    switch (wanted.language()) {
    case QLocale::English:
        return QStringLiteral("en");
    case QLocale::Portuguese:
        return QStringLiteral("pt_BR");
    case QLocale::Chinese:
        if (wanted.script() == QLocale::TraditionalHanScript)
            return std::nullopt;
        return QStringLiteral("zh_CN");
    default:
        return std::nullopt;
    }
}

} // namespace

const QList<UiLanguage>& uiLanguages() {
    static const QList<UiLanguage> languages{
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
        {QStringLiteral("pt_BR"), QStringLiteral("Português (Brasil)")},
    };
    return languages;
}

QLocale uiLocale(const QString& setting, const QStringList& preferred) {
    for (const UiLanguage& language : uiLanguages()) {
        if (language.code == setting)
            return QLocale(language.code);
    }
    for (const QString& name : preferred) {
        if (const std::optional<QString> code = shippedLanguageFor(QLocale(name)))
            return QLocale(*code);
    }
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

} // namespace avld
