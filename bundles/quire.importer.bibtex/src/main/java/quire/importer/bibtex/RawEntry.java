package quire.importer.bibtex;

import java.util.List;
import java.util.Optional;

/**
 * One bibliographic entry as the file writes it: macros expanded and concatenations joined, runs of white space
 * made one space, but LaTeX not yet decoded.
 *
 * @param type     the entry type in lower case, e.g. {@code article}
 * @param key      the citation key as written
 * @param position the entry's index among the file's entries, from 0 (broken entries count too)
 * @param line     the line of its {@code @}, from 1
 * @param column   the column of its {@code @}, from 1
 * @param fields   its fields in file order, names in lower case, each name once
 */
record RawEntry(String type, String key, int position, int line, int column, List<Field> fields) {

    /**
     * One field of an entry.
     *
     * @param name   the name in lower case
     * @param value  the value, LaTeX not decoded
     * @param line   the line its value starts on
     * @param column the column its value starts at
     */
    record Field(String name, String value, int line, int column) {
    }

    /** The field named {@code name} (lower case). */
    Optional<Field> field(String name) {
        for (Field field : fields) {
            if (field.name().equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** The value of the field named {@code name} (lower case). */
    Optional<String> value(String name) {
        return field(name).map(Field::value);
    }

    /** This entry with other fields. */
    RawEntry withFields(List<Field> newFields) {
        return new RawEntry(type, key, position, line, column, newFields);
    }
}
