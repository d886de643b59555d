package quire.importer.text;

import java.util.Locale;

/**
 * The names of bibliographic databases as PRISMA counts them. Tools write the same database many ways in
 * {@code DB} and {@code DP} ("Scopus", "Elsevier Scopus", "Clarivate Analytics Web of Science", "NLM"); records
 * from one database must carry one name.
 */
public final class Databases {

    public static final String SCOPUS = "Scopus";
    public static final String WEB_OF_SCIENCE = "Web of Science";
    public static final String EMBASE = "Embase";
    public static final String PUBMED = "PubMed";
    public static final String MEDLINE = "MEDLINE";
    public static final String IEEE = "IEEE Xplore";

    private Databases() {
    }

    /** The usual name of the database {@code name} stands for, or {@code name} itself when it is not known. */
    public static String normalise(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.contains("scopus")) {
            return SCOPUS;
        }
        if (n.contains("web of science") || n.contains("web of knowledge") || n.equals("wos")
                || n.contains("clarivate") || n.equals("isi")) {
            return WEB_OF_SCIENCE;
        }
        if (n.contains("embase")) {
            return EMBASE;
        }
        if (n.contains("pubmed") || n.equals("nlm") || n.contains("national library of medicine")) {
            return PUBMED;
        }
        if (n.contains("medline")) {
            return MEDLINE;
        }
        if (n.contains("ieee")) {
            return IEEE;
        }
        return name.strip();
    }
}
