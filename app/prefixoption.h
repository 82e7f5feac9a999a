#pragma once

#include "result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

#include <optional>

namespace avld {

// The stand-in's secret path prefix on the command line. `--prefix SECRET` is shown to every user by `ps`;
// `--prefix-file FILE` and the systemd credential `standin-prefix` (LoadCredential=, found in
// $CREDENTIALS_DIRECTORY) are not.
struct PrefixOptions {
    QCommandLineOption prefix;
    QCommandLineOption prefixFile;

    explicit PrefixOptions(const QString& prefixHelp);
    void addTo(QCommandLineParser& parser) const;
    bool isSet(const QCommandLineParser& parser) const;

    // The secret given by one of the three (in that order of precedence; two options at once are a usage
    // error), without slashes; nothing when none is given. A file readable by other users is taken, with a
    // warning in `warning`.
    Result<std::optional<QString>> secret(const QCommandLineParser& parser, QString* warning = nullptr) const;
};

// The name of the systemd credential that holds the prefix.
inline constexpr char kPrefixCredential[] = "standin-prefix";

// Checks a prefix: letters, digits, '.', '_', '~' or '-', slashes around it dropped.
Result<QString> validStandinPrefix(const QString& text, const QString& from);

} // namespace avld
