#pragma once

#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace avld {

// A language the window is translated into.
struct UiLanguage {
    QString code;       // as the Language setting stores it and the .qm file is named: "zh_CN"
    QString nativeName; // in its own words, as a language chooser lists it: "简体中文"
};

// English, then every translation shipped in resources/translations/.
const QList<UiLanguage>& uiLanguages();

// The locale the window shows for the Language setting's value: that language, or for "system" (or a value
// not listed) the first of `preferred` (most wanted first, as QLocale::uiLanguages() gives them) that we
// have a translation for, else English.
QLocale uiLocale(const QString& setting, const QStringList& preferred = QLocale().uiLanguages());

} // namespace avld
