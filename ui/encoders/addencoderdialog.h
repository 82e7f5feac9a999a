#pragma once

#include "encoders/encodertarget.h"

#include <QDialog>
#include <QHash>
#include <QUrl>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace avld {

// Add mode asks for the URL of an encoder to watch; OK only for an http(s) URL with a host.
// Edit mode (titled "Edit encoder") shows a watched encoder's name, URL and probe interval, prefilled, with
// the same URL check. A new URL keeps the encoder's id, so its history continues under the new address, as
// the dialog says. The site's own encoder keeps the URL of the site's setting: read-only here, and said why.
class AddEncoderDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int kMinIntervalSeconds = 5;
    static constexpr int kMaxIntervalSeconds = 3600;

    explicit AddEncoderDialog(QWidget* parent = nullptr);
    AddEncoderDialog(const EncoderTarget& editing, QWidget* parent = nullptr);

    // URLs of the other watched encoders and their names: giving one of them is refused.
    void setWatchedUrls(const QHash<QUrl, QString>& nameByUrl);
    // The encoder's root with a trailing slash, as AVideo's encoderURL.
    QUrl url() const;
    // Edit mode: the target edited (the one given with its name, URL and interval replaced). The interval is
    // the given one, to the millisecond, unless the spin box was changed. The spin box goes from
    // kMinIntervalSeconds to kMaxIntervalSeconds, widened to hold the current interval if it lies outside.
    EncoderTarget target() const;
    bool isEditing() const { return m_editing.has_value(); }
    // The same check: nullopt with `why` filled when `text` is not an encoder URL.
    static std::optional<QUrl> encoderUrl(const QString& text, QString* why = nullptr);

private:
    AddEncoderDialog(std::optional<EncoderTarget> editing, QWidget* parent);
    void buildAddForm();
    void buildEditForm();
    void validate();

    std::optional<EncoderTarget> m_editing;
    QHash<QUrl, QString> m_watchedUrls;
    QLineEdit* m_edit;
    QLineEdit* m_name = nullptr;
    QSpinBox* m_interval = nullptr;
    int m_initialSeconds = 0;
    QLabel* m_problem;
    QLabel* m_note = nullptr;
    QDialogButtonBox* m_buttons;
};

} // namespace avld
