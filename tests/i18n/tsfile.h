#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace avld::test {

// One <message> of a Qt Linguist .ts file.
struct TsMessage {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;             // the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or one per plural form
};

struct TsFile {
    QString language; // the <TS language="…"> attribute
    QList<TsMessage> messages;
};

// Reads a .ts file; an empty language and no message when it cannot be read.
TsFile readTsFile(const QString& path);

} // namespace avld::test
