#include "uitranslators.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace avld {

UiTranslators::UiTranslators(const QLocale& locale) {
    m_ownLoaded = m_own.load(locale, QStringLiteral("avideo-live-doctor"), QStringLiteral("_"),
                             QStringLiteral(":/i18n"));
    if (m_ownLoaded)
        QCoreApplication::installTranslator(&m_own);
    if (locale.language() != QLocale::English) {
        m_qtLoaded = m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                               QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        if (m_qtLoaded)
            QCoreApplication::installTranslator(&m_qt);
    }
    // Dates, numbers and Qt's own widgets follow the chosen language too, not only our words.
    QLocale::setDefault(locale);
}

UiTranslators::~UiTranslators() {
    QCoreApplication::removeTranslator(&m_qt);
    QCoreApplication::removeTranslator(&m_own);
}

} // namespace avld
