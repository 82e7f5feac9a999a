#pragma once

#include <QLocale>
#include <QTranslator>

namespace avld {

// The window's words in one language: our translation (embedded, :/i18n/avideo-live-doctor_*.qm; English
// carries only the plural forms) and Qt's own (qtbase_*.qm from Qt's translations folder: the standard
// dialogs' buttons, the context menus), installed in the application for as long as this object lives.
// The headless commands never make one: their output is read by scripts and stays English.
class UiTranslators {
public:
    explicit UiTranslators(const QLocale& locale);
    ~UiTranslators();
    UiTranslators(const UiTranslators&) = delete;
    UiTranslators& operator=(const UiTranslators&) = delete;

    bool ownLoaded() const { return m_ownLoaded; }
    bool qtLoaded() const { return m_qtLoaded; }

private:
    QTranslator m_own;
    QTranslator m_qt;
    bool m_ownLoaded = false;
    bool m_qtLoaded = false;
};

} // namespace avld
