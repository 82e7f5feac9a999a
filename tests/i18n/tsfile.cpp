#include "tsfile.h"

#include <QFile>
#include <QXmlStreamReader>

namespace avld::test {

TsFile readTsFile(const QString& path) {
    TsFile file;
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return file;
    QXmlStreamReader xml(&in);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == u"message")
                file.messages.append(message);
            continue;
        }
        const QStringView name = xml.name();
        if (name == u"TS") {
            file.language = xml.attributes().value(QStringLiteral("language")).toString();
        } else if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            message = TsMessage{};
            message.context = context;
            message.numerus = xml.attributes().value(QStringLiteral("numerus")) == u"yes";
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"comment") {
            message.comment = xml.readElementText();
        } else if (name == u"translation") {
            message.type = xml.attributes().value(QStringLiteral("type")).toString();
            if (!message.numerus)
                message.translations.append(xml.readElementText());
        } else if (name == u"numerusform") {
            message.translations.append(xml.readElementText());
        }
    }
    return file;
}

} // namespace avld::test
