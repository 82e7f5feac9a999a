#include "tsfile.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace avld::test;

namespace {

QString tsPath(const QString& language) {
    return QDir(QStringLiteral(AVLD_TRANSLATIONS_DIR))
        .filePath(QStringLiteral("avideo-live-doctor_%1.ts").arg(language));
}

QString where(const TsMessage& m) {
    return QStringLiteral("%1 \"%2\"").arg(m.context, m.source.left(60));
}

// %1…%99, %L1 and %n, each as often as it occurs.
QStringList placeholders(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d{1,2}|n)"));
    QStringList found;
    for (const QRegularExpressionMatch& m : pattern.globalMatch(text))
        found << m.captured(0);
    found.sort();
    return found;
}

QStringList htmlTags(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("</?([a-zA-Z]+)[^>]*>"));
    QStringList found;
    for (const QRegularExpressionMatch& m : pattern.globalMatch(text))
        found << m.captured(1).toLower() +
                     (m.captured(0).startsWith(QStringLiteral("</")) ? QStringLiteral("/") : QString());
    found.sort();
    return found;
}

// A keyboard accelerator: "&File", not "&&" nor an entity such as "&nbsp;".
bool hasAccelerator(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("&(?!&|[a-z]+;)\\w"));
    return pattern.match(text).hasMatch();
}

// The end a translation keeps: a colon, an ellipsis, a question mark or a full stop, in the language's
// own form (Chinese writes them full-width).
QString endingProblem(const QString& source, const QString& translation) {
    const QString s = source.trimmed();
    const QString t = translation.trimmed();
    const struct {
        QString end;
        QStringList accepted;
    } endings[] = {
        {QStringLiteral(":"), {QStringLiteral(":"), QStringLiteral("：")}},
        {QStringLiteral("…"), {QStringLiteral("…")}},
        {QStringLiteral("?"), {QStringLiteral("?"), QStringLiteral("？")}},
        {QStringLiteral("."), {QStringLiteral("."), QStringLiteral("。")}},
    };
    for (const auto& ending : endings) {
        if (!s.endsWith(ending.end) || s.endsWith(QStringLiteral("...")))
            continue;
        for (const QString& accepted : ending.accepted) {
            if (t.endsWith(accepted))
                return {};
        }
        return QStringLiteral("ends with '%1', the translation does not").arg(ending.end);
    }
    return {};
}

QSet<QString> keysOf(const TsFile& file) {
    QSet<QString> keys;
    for (const TsMessage& m : file.messages)
        keys.insert(m.context + QChar(0) + m.source + QChar(0) + m.comment);
    return keys;
}

// Runs lupdate over the sources, as update_translations does, into a copy of `language`'s file.
TsFile updatedCopy(const QString& language, const QTemporaryDir& dir, QString* output) {
    const QString copy = dir.filePath(QStringLiteral("avideo-live-doctor_%1.ts").arg(language));
    QFile::remove(copy);
    if (!QFile::copy(tsPath(language), copy))
        return {};
    QStringList arguments{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                          QStringLiteral("none")};
    if (language == QStringLiteral("en"))
        arguments << QStringLiteral("-pluralonly");
    arguments << QStringLiteral("@" AVLD_LUPDATE_LIST) << QStringLiteral("-ts") << copy;
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(AVLD_LUPDATE), arguments);
    if (!lupdate.waitForFinished(120000) || lupdate.exitCode() != 0) {
        *output = QString::fromLocal8Bit(lupdate.readAll());
        return {};
    }
    *output = QString::fromLocal8Bit(lupdate.readAll());
    return readTsFile(copy);
}

} // namespace

// The translations in resources/translations/: complete, faithful to their sources' placeholders, markup
// and punctuation, and up to date with the sources (a new tr() without a translation fails here).
class TestTranslationFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyEntryIsTranslated_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("forms"); // plural forms of the language
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << 1;
        QTest::newRow("pt_BR") << QStringLiteral("pt_BR") << 2;
        // English carries only the plural forms of tr("%n live(s)", …).
        QTest::newRow("en") << QStringLiteral("en") << 2;
    }

    void everyEntryIsTranslated() {
        QFETCH(QString, language);
        QFETCH(int, forms);
        const TsFile file = readTsFile(tsPath(language));
        // lupdate names English "en_US".
        QVERIFY2(file.language == language || file.language.startsWith(language + u'_'),
                 qPrintable(file.language));
        QVERIFY(!file.messages.isEmpty());
        QStringList problems;
        for (const TsMessage& m : file.messages) {
            if (!m.type.isEmpty())
                problems << QStringLiteral("%1: %2").arg(where(m), m.type);
            if (m.numerus && m.translations.size() != forms)
                problems << QStringLiteral("%1: %2 plural forms, %3 wanted")
                                .arg(where(m))
                                .arg(m.translations.size())
                                .arg(forms);
            if (language == QStringLiteral("en") && !m.numerus)
                problems << QStringLiteral("%1: the English file holds plural forms only").arg(where(m));
            for (const QString& translation : m.translations) {
                if (translation.trimmed().isEmpty())
                    problems << QStringLiteral("%1: empty").arg(where(m));
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void translationsKeepPlaceholdersMarkupAndPunctuation_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
        QTest::newRow("pt_BR") << QStringLiteral("pt_BR");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void translationsKeepPlaceholdersMarkupAndPunctuation() {
        QFETCH(QString, language);
        const TsFile file = readTsFile(tsPath(language));
        QVERIFY(!file.messages.isEmpty());
        QStringList problems;
        for (const TsMessage& m : file.messages) {
            for (const QString& translation : m.translations) {
                if (placeholders(translation) != placeholders(m.source))
                    problems << QStringLiteral("%1: placeholders %2, the translation has %3")
                                    .arg(where(m), placeholders(m.source).join(u' '),
                                         placeholders(translation).join(u' '));
                if (htmlTags(translation) != htmlTags(m.source))
                    problems << QStringLiteral("%1: HTML tags differ").arg(where(m));
                if (m.source.count(u'\n') != translation.count(u'\n'))
                    problems << QStringLiteral("%1: line breaks differ").arg(where(m));
                if (hasAccelerator(m.source) != hasAccelerator(translation))
                    problems << QStringLiteral("%1: the & accelerator is lost or added").arg(where(m));
                if (const QString ending = endingProblem(m.source, translation); !ending.isEmpty())
                    problems << QStringLiteral("%1: %2").arg(where(m), ending);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // A translation may repeat its English source only where the source holds nothing to translate: names
    // (AVideo, getImage, AVideo's own "Encoder URL" setting), units, numbers and placeholders, and the few
    // words the language writes the same.
    void sameAsTheSourceOnlyForNamesAndUnits_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("sameWords");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringList{};
        QTest::newRow("pt_BR") << QStringLiteral("pt_BR")
                               << QStringList{QStringLiteral("cache"),  QStringLiteral("caches"),
                                              QStringLiteral("codec"),  QStringLiteral("ok"),
                                              QStringLiteral("online"), QStringLiteral("offline"),
                                              QStringLiteral("real"),   QStringLiteral("site"),
                                              QStringLiteral("status"), QStringLiteral("admin"),
                                              QStringLiteral("e"),      QStringLiteral("mail"),
                                              QStringLiteral("chat"),   QStringLiteral("via")};
    }

    void sameAsTheSourceOnlyForNamesAndUnits() {
        QFETCH(QString, language);
        QFETCH(QStringList, sameWords);
        static const QStringList namesAndUnits{
            QStringLiteral("avideo"), QStringLiteral("live"), QStringLiteral("doctor"),
            QStringLiteral("getimage"), QStringLiteral("encoder"), QStringLiteral("url"),
            QStringLiteral("user"), QStringLiteral("agent"), QStringLiteral("http"), QStringLiteral("sha"),
            QStringLiteral("lufs"), QStringLiteral("dbfs"), QStringLiteral("kbit"), QStringLiteral("ms"),
            QStringLiteral("min"), QStringLiteral("jpg"), QStringLiteral("png"), QStringLiteral("webp"),
            QStringLiteral("gif"), QStringLiteral("ctrl"), QStringLiteral("p50"), QStringLiteral("p99"),
            QStringLiteral("b"), QStringLiteral("p"), QStringLiteral("br"), QStringLiteral("s"),
            QStringLiteral("h"), QStringLiteral("d"),
            // the alert channels' and protocols' names
            QStringLiteral("ntfy"), QStringLiteral("telegram"), QStringLiteral("discord"),
            QStringLiteral("slack"), QStringLiteral("webhook"), QStringLiteral("json"),
            QStringLiteral("smtp")};
        static const QRegularExpression words(
            QStringLiteral("[A-Za-z\\x{C0}-\\x{24F}][A-Za-z0-9\\x{C0}-\\x{24F}]*"));
        const TsFile file = readTsFile(tsPath(language));
        QVERIFY(!file.messages.isEmpty());
        QStringList problems;
        for (const TsMessage& m : file.messages) {
            if (!m.translations.contains(m.source))
                continue;
            QString source = m.source;
            source.remove(QRegularExpression(QStringLiteral("%L?(\\d{1,2}|n)")));
            // Example addresses (placeholders of URL and e-mail fields) are data, not words.
            source.remove(QRegularExpression(QStringLiteral("\\S+://\\S*|\\S+@\\S+")));
            for (const QRegularExpressionMatch& w : words.globalMatch(source)) {
                const QString word = w.captured(0).toLower();
                if (!namesAndUnits.contains(word) && !sameWords.contains(word))
                    problems << QStringLiteral("%1: left as in English (\"%2\")").arg(where(m), word);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // lupdate over today's sources finds nothing the files lack, and nothing they hold that is gone.
    void filesAreUpToDateWithTheSources_data() { translationsKeepPlaceholdersMarkupAndPunctuation_data(); }

    void filesAreUpToDateWithTheSources() {
        QFETCH(QString, language);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString output;
        const TsFile updated = updatedCopy(language, dir, &output);
        QVERIFY2(!updated.messages.isEmpty(), qPrintable(output));
        QStringList untranslated;
        for (const TsMessage& m : updated.messages) {
            if (m.type == QStringLiteral("unfinished"))
                untranslated << where(m);
        }
        QVERIFY2(
            untranslated.isEmpty(),
            qPrintable(QStringLiteral("strings with no %1 translation (run the update_translations target "
                                      "and translate them):\n%2")
                           .arg(language, untranslated.join(QLatin1Char('\n')))));
        const QSet<QString> before = keysOf(readTsFile(tsPath(language)));
        const QSet<QString> after = keysOf(updated);
        QStringList gone;
        for (const QString& key : before - after)
            gone << key.section(QChar(0), 0, 1).replace(QChar(0), u' ');
        QVERIFY2(gone.isEmpty(), qPrintable(QStringLiteral("entries no source uses any more (lupdate "
                                                           "-no-obsolete drops them):\n%1")
                                                .arg(gone.join(QLatin1Char('\n')))));
    }
};

QTEST_GUILESS_MAIN(TestTranslationFiles)
#include "tst_translationfiles.moc"
