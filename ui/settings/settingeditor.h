#pragma once

#include <QVariant>

#include <functional>

class QObject;
class QWidget;

namespace avld {

// Reads and writes a setting's value on the editor the form holds for it, whatever its kind:
// QSpinBox (int), QLineEdit (text), QCheckBox (bool) or QComboBox (the current item's data, else its text).
QVariant editorValue(const QWidget* editor);
void setEditorValue(QWidget* editor, const QVariant& value);
// Calls `changed` whenever the user edits the value.
void onEditorChanged(QWidget* editor, QObject* context, std::function<void()> changed);

} // namespace avld
