package quire.importer.ris;

import java.util.Locale;

/**
 * The names of bibliographic databases as PRISMA counts them. Tools write the same database many ways in
 * {@code DB} and {@code DP} ("Scopus", "Elsevier Scopus", "Clarivate Analytics Web of Science", "NLM"); records
 * from one database must carry one name.
 */
final class Databases {

    static final String SCOPUS = "Scopus";
    static final String WEB_OF_SCIENCE = "Web of Science";
    static final String EMBASE = "Embase";
    static final String PUBMED = "PubMed";
    static final String MEDLINE = "MEDLINE";
    static final String IEEE = "IEEE Xplore";

    private Databases() {
    }

    /** The usual name of the database {@code name} stands for, or {@code name} itself when it is not known. */
    static String normalise(String name) {
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
