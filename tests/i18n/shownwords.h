#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

class QWidget;

namespace avld::test {

// A piece of text the user sees, and where ("label dashboardTitle", "menu &File").
struct ShownText {
    QString where;
    QString text;
};

// Every text shown under `root`: labels, buttons, group box titles, tab bars, table and tree headers and
// cells, list items, line edit placeholders, combo box items, and the menus and actions of a main window.
QList<ShownText> shownTexts(QWidget& root);

// Says which shown texts are still English in a translated window: a text that is one of the English sources
// the translation changes, or that holds a word found only in the English sources (never in the language's
// translations), once URLs, numbers and the allowed names (proper nouns, units, the test's own data) are left
// out. For a language not written in Latin letters, any Latin word its translations do not use counts, so
// that English never wrapped in tr() is caught too.
class EnglishLeftovers {
public:
    enum class Script { Latin, Other };
    // Reads the sources and the translations of `tsFile`; `allowed` are words a translation may keep.
    EnglishLeftovers(const QString& tsFile, Script script, const QStringList& allowed);

    bool isValid() const { return !m_translated.isEmpty(); }
    // Why `text` is untranslated, or an empty string. The `data` phrases in it are left out first: what the
    // window shows as it was kept (an encoder probe's reason, from the history database, stays English).
    QString problem(const QString& text, const QStringList& data = {}) const;
    // The English source of a translation shown as it is, or `text` itself.
    QString sourceOf(const QString& text) const { return m_sources.value(text, text); }

private:
    QHash<QString, QString> m_translated; // source → translation, for the entries whose translation differs
    QHash<QString, QString> m_sources;    // translation → source
    QSet<QString> m_englishOnly;          // lower-case words of the sources that no translation uses
    QSet<QString> m_kept;                 // lower-case Latin words the translations use, and the allowed ones
    Script m_script;
};

} // namespace avld::test
