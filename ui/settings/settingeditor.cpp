#include "settingeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>

namespace avld {

QVariant editorValue(const QWidget* editor) {
    if (auto* spin = qobject_cast<const QSpinBox*>(editor))
        return spin->value();
    if (auto* line = qobject_cast<const QLineEdit*>(editor))
        return line->text();
    if (auto* check = qobject_cast<const QCheckBox*>(editor))
        return check->isChecked();
    if (auto* combo = qobject_cast<const QComboBox*>(editor)) {
        // A translated list keeps the stored value as the item's data, and shows words in the user's
        // language.
        const QVariant data = combo->currentData();
        return data.isValid() ? data.toString() : combo->currentText();
    }
    Q_ASSERT_X(false, "editorValue", "unsupported editor");
    return {};
}

void setEditorValue(QWidget* editor, const QVariant& value) {
    if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->setValue(value.toInt());
    } else if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        line->setText(value.toString());
        line->setCursorPosition(0);
    } else if (auto* check = qobject_cast<QCheckBox*>(editor)) {
        check->setChecked(value.toBool());
    } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        int at = combo->findData(value.toString());
        if (at < 0)
            at = combo->findText(value.toString());
        if (at < 0) { // a value the form does not list still shows as it is
            combo->addItem(value.toString());
            at = combo->count() - 1;
        }
        combo->setCurrentIndex(at);
    }
}

void onEditorChanged(QWidget* editor, QObject* context, std::function<void()> changed) {
    if (auto* spin = qobject_cast<QSpinBox*>(editor))
        QObject::connect(spin, &QSpinBox::valueChanged, context, changed);
    else if (auto* line = qobject_cast<QLineEdit*>(editor))
        QObject::connect(line, &QLineEdit::textChanged, context, changed);
    else if (auto* check = qobject_cast<QCheckBox*>(editor))
        QObject::connect(check, &QCheckBox::toggled, context, changed);
    else if (auto* combo = qobject_cast<QComboBox*>(editor))
        QObject::connect(combo, &QComboBox::currentIndexChanged, context, changed);
}

} // namespace avld
