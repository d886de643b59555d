package quire.export.bibtex;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One BibTeX entry, ready to print: entry type, citation key and fields in the order they are printed.
 *
 * @param type   the entry type without {@code @}, e.g. {@code article}
 * @param key    the citation key
 * @param fields the fields, in order
 */
record BibtexEntry(String type, String key, List<Field> fields) {

    /** What a key may hold: no white space, commas, braces, quotes or backslashes, which end or break an entry. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_:.+/-]+");

    /**
     * One field. A value is printed in braces; a macro, such as the month {@code may}, bare.
     *
     * @param name  the field name
     * @param value the encoded value, braces balanced
     * @param macro whether the value names a BibTeX macro rather than being text
     */
    record Field(String name, String value, boolean macro) {

        Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            // The encoders write every brace themselves; an unbalanced one here is a bug, and would make BibTeX
            // read the rest of the file as part of this field.
            if (!balanced(value)) {
                throw new IllegalStateException("unbalanced braces in field " + name + ": " + value);
            }
        }

        static Field text(String name, String value) {
            return new Field(name, value, false);
        }

        static Field macro(String name, String value) {
            return new Field(name, value, true);
        }
    }

    BibtexEntry {
        Objects.requireNonNull(type, "type");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a usable citation key: '" + key + "'");
        }
        fields = List.copyOf(fields);
    }

    /** The value of a field, if the entry has it. */
    Optional<String> value(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).map(Field::value).findFirst();
    }

    /** The entry as printed: fields indented by two spaces, each ending in a comma. */
    String format() {
        StringBuilder out = new StringBuilder();
        out.append('@').append(type).append('{').append(key).append(",\n");
        for (Field field : fields) {
            out.append("  ").append(field.name()).append(" = ");
            if (field.macro()) {
                out.append(field.value());
            } else {
                out.append('{').append(field.value()).append('}');
            }
            out.append(",\n");
        }
        return out.append("}\n").toString();
    }

    /** Whether every brace in the text is closed, and closed after it was opened. */
    static boolean balanced(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
