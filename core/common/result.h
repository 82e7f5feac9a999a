#pragma once

// Errors as values at I/O boundaries. Hand-written because std::expected needs C++23 (GCC 12 ships it only
// under -std=c++23) and Debian 12 packages no tl::expected; this keeps the same shape so it can be swapped.

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace avld {

struct Error {
    QString code;    // stable machine-readable reason, e.g. "timeout", "http-403", "dns"
    QString message; // what happened, for a person
    QString hint;    // what to do about it; may be empty

    QString toString() const { return hint.isEmpty() ? message : message + QStringLiteral(" — ") + hint; }
    bool operator==(const Error&) const = default;
};

template <typename T> class Result {
public:
    Result(T value)
        : m_state(std::move(value)) {}
    Result(Error error)
        : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const T& operator*() const& { return value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<Error>(m_state); }

    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_state;
};

// For operations that return nothing but may fail, as std::expected<void, Error>: default-constructed is
// success. Deliberately without operator bool: `if (status)` read as "if it failed" for years here, so every
// caller now says ok() and a reader never has to remember which way round it is.
template <> class Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }

    // Only when !ok().
    const Error& error() const& { return *m_error; }
    Error& error() & { return *m_error; }

    bool operator==(const Result&) const = default;

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace avld
