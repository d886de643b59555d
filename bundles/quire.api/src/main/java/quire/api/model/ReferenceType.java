package quire.api.model;

import java.util.Locale;
import java.util.Optional;

/** What kind of work a reference is. The {@link #id()} is the stable name used in files and queries. */
public enum ReferenceType {
    ARTICLE("article"),
    PREPRINT("preprint"),
    CONFERENCE_PAPER("conference-paper"),
    BOOK("book"),
    CHAPTER("chapter"),
    THESIS("thesis"),
    REPORT("report"),
    WEBPAGE("webpage"),
    NEWSLETTER("newsletter"),
    /** A note or summary of another work, e.g. an item of a newsletter issue. */
    NOTE("note"),
    DATASET("dataset"),
    SOFTWARE("software"),
    OTHER("other");

    private final String id;

    ReferenceType(String id) {
        this.id = id;
    }

    /** The lower-case, hyphenated name, e.g. {@code conference-paper}. */
    public String id() {
        return id;
    }

    /** The type whose {@link #id()} or constant name is {@code name}, ignoring case. */
    public static Optional<ReferenceType> fromId(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ReferenceType type : values()) {
            if (type.id.equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
