package quire.api.model;

import java.util.Locale;
import java.util.Optional;

/** What kind of work a reference is. The {@link #id()} is the stable name used in files and queries. */
public enum ReferenceType {
    ARTICLE("article", "Article"),
    PREPRINT("preprint", "Preprint"),
    CONFERENCE_PAPER("conference-paper", "Conference paper"),
    BOOK("book", "Book"),
    CHAPTER("chapter", "Chapter"),
    THESIS("thesis", "Thesis"),
    REPORT("report", "Report"),
    WEBPAGE("webpage", "Web page"),
    NEWSLETTER("newsletter", "Newsletter"),
    /** A note or summary of another work, e.g. an item of a newsletter issue. */
    NOTE("note", "Note"),
    DATASET("dataset", "Dataset"),
    SOFTWARE("software", "Software"),
    OTHER("other", "Other");

    private final String id;
    private final String label;

    ReferenceType(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name for people, e.g. "Conference paper". */
    public String label() {
        return label;
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
