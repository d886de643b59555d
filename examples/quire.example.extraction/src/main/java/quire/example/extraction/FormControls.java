package quire.example.extraction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The widgets of an extraction form, generated from its fields: a label and an input per field, the help text under
 * it. Text fields get a {@link Text}; numbers a {@link Text} that accepts only what can become a number; choices a
 * read-only {@link Combo} whose empty first item means "not answered"; multi-choice a check box per value;
 * booleans a {@link Combo} of yes and no (or not answered); dates a {@link DateTime} behind a "known" check box, since
 * a date picker cannot be empty. UI thread only.
 */
final class FormControls {

    /** One field's input: reads and writes the answer as the store keeps it. */
    interface Input {
        List<String> get();

        void set(List<String> answer);

        Control control();
    }

    private final Map<String, Input> inputs = new LinkedHashMap<>();
    private final Map<String, Label> labels = new LinkedHashMap<>();
    private final Runnable changed;
    private boolean showing;

    /**
     * @param listener called whenever the user changes an input
     */
    FormControls(Composite parent, ExtractionForm form, Runnable listener) {
        this.changed = () -> {
            if (!showing) {
                listener.run();
            }
        };
        parent.setLayout(new GridLayout(2, false));
        for (FormField field : form.fields()) {
            Label label = new Label(parent, SWT.NONE);
            label.setText(field.label() + (field.required() ? " *" : ""));
            label.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
            labels.put(field.id(), label);
            Input input = input(parent, field);
            input.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            input.control().setData("quire.extraction.field", field.id());
            inputs.put(field.id(), input);
            if (field.help().isPresent()) {
                new Label(parent, SWT.NONE);
                Label help = new Label(parent, SWT.WRAP);
                help.setText(field.help().get());
                help.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
                help.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
                input.control().setToolTipText(field.help().get());
            }
        }
    }

    private Input input(Composite parent, FormField field) {
        return switch (field.type()) {
            case TEXT -> text(parent, SWT.BORDER, null);
            case NUMBER -> text(parent, SWT.BORDER, "-0123456789.eE+");
            case INTEGER -> text(parent, SWT.BORDER, "-0123456789");
            case CHOICE -> combo(parent, field.values(), field.values());
            case BOOLEAN -> combo(parent, List.of("Yes", "No"), List.of("true", "false"));
            case MULTI_CHOICE -> checks(parent, field.values());
            case DATE -> date(parent);
        };
    }

    private Input text(Composite parent, int style, String allowed) {
        Text text = new Text(parent, style);
        if (allowed != null) {
            // typing a letter into a number field is refused at once; a malformed number is caught on save
            text.addVerifyListener(e -> e.doit = e.text.chars().allMatch(c -> allowed.indexOf(c) >= 0));
        }
        text.addModifyListener(e -> changed.run());
        return new Input() {
            public List<String> get() {
                String value = text.getText().strip();
                return value.isEmpty() ? List.of() : List.of(value);
            }

            public void set(List<String> answer) {
                text.setText(answer.isEmpty() ? "" : answer.get(0));
            }

            public Control control() {
                return text;
            }
        };
    }

    private Input combo(Composite parent, List<String> shown, List<String> stored) {
        Combo combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        combo.add("");
        shown.forEach(combo::add);
        combo.select(0);
        combo.addModifyListener(e -> changed.run());
        return new Input() {
            public List<String> get() {
                int index = combo.getSelectionIndex();
                return index <= 0 ? List.of() : List.of(stored.get(index - 1));
            }

            public void set(List<String> answer) {
                int index = answer.isEmpty() ? -1 : stored.indexOf(answer.get(0));
                combo.select(index + 1);
            }

            public Control control() {
                return combo;
            }
        };
    }

    private Input checks(Composite parent, List<String> values) {
        Composite box = new Composite(parent, SWT.NONE);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.marginLeft = 0;
        layout.wrap = true;
        box.setLayout(layout);
        List<Button> buttons = new ArrayList<>();
        for (String value : values) {
            Button button = new Button(box, SWT.CHECK);
            button.setText(value);
            button.addListener(SWT.Selection, e -> changed.run());
            buttons.add(button);
        }
        return new Input() {
            public List<String> get() {
                List<String> answer = new ArrayList<>();
                for (int i = 0; i < buttons.size(); i++) {
                    if (buttons.get(i).getSelection()) {
                        answer.add(values.get(i));
                    }
                }
                return answer;
            }

            public void set(List<String> answer) {
                for (int i = 0; i < buttons.size(); i++) {
                    buttons.get(i).setSelection(answer.contains(values.get(i)));
                }
            }

            public Control control() {
                return box;
            }
        };
    }

    private Input date(Composite parent) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        box.setLayout(layout);
        Button known = new Button(box, SWT.CHECK);
        known.setText("known:");
        DateTime picker = new DateTime(box, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        picker.setEnabled(false);
        known.addListener(SWT.Selection, e -> {
            picker.setEnabled(known.getSelection());
            changed.run();
        });
        picker.addListener(SWT.Selection, e -> changed.run());
        return new Input() {
            public List<String> get() {
                if (!known.getSelection()) {
                    return List.of();
                }
                return List.of(LocalDate.of(picker.getYear(), picker.getMonth() + 1, picker.getDay()).toString());
            }

            public void set(List<String> answer) {
                known.setSelection(!answer.isEmpty());
                picker.setEnabled(!answer.isEmpty());
                if (!answer.isEmpty()) {
                    try {
                        LocalDate date = LocalDate.parse(answer.get(0));
                        picker.setDate(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
                    } catch (java.time.format.DateTimeParseException e) {
                        // a stored value that is not a date (form changed since): shown as unknown, kept on disk
                        known.setSelection(false);
                        picker.setEnabled(false);
                    }
                }
            }

            public Control control() {
                return box;
            }
        };
    }

    /** The answers as the inputs show them; fields left empty are absent. */
    Map<String, List<String>> answers() {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        inputs.forEach((id, input) -> {
            List<String> answer = input.get();
            if (!answer.isEmpty()) {
                answers.put(id, answer);
            }
        });
        return answers;
    }

    /** Shows stored answers (every field not in them empty), without counting as a change. */
    void show(Map<String, List<String>> answers) {
        showing = true;
        try {
            inputs.forEach((id, input) -> input.set(answers.getOrDefault(id, List.of())));
        } finally {
            showing = false;
        }
    }

    /** Marks the labels of the fields with problems in red. */
    void mark(List<String> problemFields) {
        labels.forEach((id, label) -> label.setForeground(problemFields.contains(id)
                ? label.getDisplay().getSystemColor(SWT.COLOR_RED) : null));
    }

    Input input(String fieldId) {
        return inputs.get(fieldId);
    }
}
