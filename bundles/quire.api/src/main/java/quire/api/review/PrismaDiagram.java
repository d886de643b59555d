package quire.api.review;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Draws the PRISMA 2020 flow diagram (new reviews, databases and registers) from {@link PrismaCounts}, and writes
 * the counts in the layout of the PRISMA2020 R package's {@code PRISMA.csv} template, so that a review can be
 * redrawn there. The command line and the window both use it; the numbers in every output are the same.
 */
@ProviderType
public interface PrismaDiagram {

    /** The diagram as a standalone SVG document (UTF-8 text, boxes, arrows and numbers as text). */
    String svg(PrismaCounts counts);

    /**
     * The same diagram as a PNG image.
     *
     * @param scale 1 for the SVG's size in pixels, 2 or more for print quality
     */
    byte[] png(PrismaCounts counts, double scale);

    /**
     * The counts as CSV with the PRISMA2020 package's columns {@code data,node,box,description,boxtext,tooltips,url,n}
     * and its field names ({@code database_results}, {@code duplicates}, {@code records_screened}, ...).
     */
    String csv(PrismaCounts counts);
}
