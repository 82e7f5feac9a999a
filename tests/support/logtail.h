#pragma once

#include <QString>
#include <QStringList>

namespace avld::test {

// The end of a log file, for an error message: at most `maxChars`, every string of `secrets` masked (the
// real AVideo logs its installer's form, passwords included, into Apache's error log).
QString logTail(const QString& path, int maxChars = 1500, const QStringList& secrets = {});

} // namespace avld::test
