#include "shownwords.h"

#include "tsfile.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTabBar>
#include <QTableView>
#include <QTextDocument>
#include <QTreeWidget>

namespace avld::test {

namespace {

QString nameOf(const QObject& object) {
    return object.objectName().isEmpty() ? QString::fromLatin1(object.metaObject()->className())
                                         : object.objectName();
}

// Rich text as the reader sees it.
QString plain(const QString& text) {
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument document;
    document.setHtml(text);
    return document.toPlainText();
}

void addMenu(const QMenu& menu, QList<ShownText>& out) {
    for (const QAction* action : menu.actions()) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        out.append({QStringLiteral("menu item of %1").arg(menu.title()), action->text()});
        if (action->menu())
            addMenu(*action->menu(), out);
    }
}

void addModel(const QAbstractItemView& view, const QHeaderView* header, QList<ShownText>& out) {
    const QAbstractItemModel* model = view.model();
    if (!model)
        return;
    const QString name = nameOf(view);
    if (header && header->isVisible()) {
        for (int column = 0; column < model->columnCount(); ++column)
            out.append({QStringLiteral("header of %1").arg(name),
                        model->headerData(column, Qt::Horizontal).toString()});
    }
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            const QModelIndex index = model->index(row, column);
            out.append({QStringLiteral("cell of %1").arg(name), index.data(Qt::DisplayRole).toString()});
            out.append({QStringLiteral("tooltip of %1").arg(name), index.data(Qt::ToolTipRole).toString()});
        }
    }
}

} // namespace

QList<ShownText> shownTexts(QWidget& root) {
    QList<ShownText> out;
    const auto visible = [&root](const QWidget* widget) {
        return widget->isVisibleTo(&root) || widget == &root;
    };
    out.append({QStringLiteral("window title"), root.windowTitle()});
    for (QLabel* label : root.findChildren<QLabel*>()) {
        if (visible(label))
            out.append({QStringLiteral("label %1").arg(nameOf(*label)), plain(label->text())});
    }
    for (QAbstractButton* button : root.findChildren<QAbstractButton*>()) {
        if (visible(button)) {
            out.append({QStringLiteral("button %1").arg(nameOf(*button)), button->text()});
            out.append({QStringLiteral("tooltip of %1").arg(nameOf(*button)), plain(button->toolTip())});
        }
    }
    for (QGroupBox* group : root.findChildren<QGroupBox*>()) {
        if (visible(group))
            out.append({QStringLiteral("group %1").arg(nameOf(*group)), group->title()});
    }
    for (QTabBar* tabs : root.findChildren<QTabBar*>()) {
        if (!visible(tabs))
            continue;
        for (int i = 0; i < tabs->count(); ++i)
            out.append({QStringLiteral("tab of %1").arg(nameOf(*tabs)), tabs->tabText(i)});
    }
    for (QLineEdit* edit : root.findChildren<QLineEdit*>()) {
        if (visible(edit))
            out.append({QStringLiteral("placeholder of %1").arg(nameOf(*edit)), edit->placeholderText()});
    }
    for (QComboBox* combo : root.findChildren<QComboBox*>()) {
        if (!visible(combo))
            continue;
        for (int i = 0; i < combo->count(); ++i)
            out.append({QStringLiteral("item of %1").arg(nameOf(*combo)), combo->itemText(i)});
    }
    for (QTableView* table : root.findChildren<QTableView*>()) {
        if (visible(table))
            addModel(*table, table->horizontalHeader(), out);
    }
    for (QTreeView* tree : root.findChildren<QTreeView*>()) {
        if (visible(tree))
            addModel(*tree, tree->header(), out);
    }
    for (QListView* list : root.findChildren<QListView*>()) {
        if (visible(list) && !qobject_cast<QComboBox*>(list->parentWidget()))
            addModel(*list, nullptr, out);
    }
    if (auto* window = qobject_cast<QMainWindow*>(&root)) {
        for (const QAction* action : window->menuBar()->actions()) {
            out.append({QStringLiteral("menu"), action->text()});
            if (action->menu())
                addMenu(*action->menu(), out);
        }
    }
    for (QWidget* widget : root.findChildren<QWidget*>()) {
        if (visible(widget) && !qobject_cast<QAbstractButton*>(widget))
            out.append({QStringLiteral("tooltip of %1").arg(nameOf(*widget)), plain(widget->toolTip())});
    }
    return out;
}

namespace {

const QRegularExpression& wordPattern() {
    // Latin letters, with the accents of Portuguese ("Português" is one word).
    static const QRegularExpression pattern(
        QStringLiteral("[A-Za-z\\x{C0}-\\x{24F}][A-Za-z\\x{C0}-\\x{24F}'’]+"));
    return pattern;
}

QSet<QString> wordsOf(const QString& text) {
    QSet<QString> words;
    for (const QRegularExpressionMatch& m : wordPattern().globalMatch(text)) {
        QString word = m.captured(0).toLower();
        word.remove(QRegularExpression(QStringLiteral("['’]s$")));
        if (word.size() >= 2)
            words.insert(word);
    }
    return words;
}

// What is data, not words: URLs, addresses, paths, shortcuts, file patterns.
QString withoutData(QString text) {
    static const QRegularExpression data(
        QStringLiteral("\\b[a-z]+://\\S+|\\b\\d+(\\.\\d+){3}(:\\d+)?\\S*|(^|\\s)/"
                       "\\S+|\\bCtrl\\+\\S+|\\*\\.\\w+|\\b\\w+\\.(php|json|"
                       "m3u8|html|pdf|txt|log|pem|crt|key|sqlite)\\b|"
                       // a date as the command line writes it too ("7 Dec 04:20:11"): numbers, not words
                       "\\b\\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\b"));
    return text.remove(data);
}

} // namespace

EnglishLeftovers::EnglishLeftovers(const QString& tsFile, Script script, const QStringList& allowed)
    : m_script(script) {
    const TsFile file = readTsFile(tsFile);
    QSet<QString> sourceWords;
    QSet<QString> translationWords;
    for (const TsMessage& m : file.messages) {
        sourceWords.unite(wordsOf(withoutData(m.source)));
        for (const QString& translation : m.translations) {
            translationWords.unite(wordsOf(withoutData(translation)));
            const QString source = QString(m.source).remove(QLatin1Char('&'));
            if (!m.numerus && QString(translation).remove(QLatin1Char('&')) != source)
                m_translated.insert(source, translation);
            if (!m.numerus)
                m_sources.insert(translation, m.source);
        }
    }
    m_englishOnly = sourceWords - translationWords;
    m_kept = translationWords;
    for (const QString& word : allowed) {
        m_englishOnly.remove(word.toLower());
        m_kept.insert(word.toLower());
    }
}

QString EnglishLeftovers::problem(const QString& text, const QStringList& data) const {
    QString shown = QString(text).remove(QLatin1Char('&')).trimmed();
    for (const QString& phrase : data) {
        QString clause = phrase;
        while (clause.endsWith(QLatin1Char('.')))
            clause.chop(1);
        if (!clause.isEmpty())
            shown.remove(clause);
    }
    if (shown.isEmpty())
        return {};
    if (m_translated.contains(shown))
        return QStringLiteral("still its English source");
    QStringList english;
    for (const QString& word : wordsOf(withoutData(shown))) {
        const bool foreign =
            m_script == Script::Other ? !m_kept.contains(word) : m_englishOnly.contains(word);
        if (foreign)
            english << word;
    }
    if (english.isEmpty())
        return {};
    english.sort();
    return QStringLiteral("English words: %1").arg(english.join(QStringLiteral(", ")));
}

} // namespace avld::test
