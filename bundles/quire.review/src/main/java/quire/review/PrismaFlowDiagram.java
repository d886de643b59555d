package quire.review;

import org.osgi.service.component.annotations.Component;
import quire.api.review.PrismaCounts;
import quire.api.review.PrismaDiagram;

/** The PRISMA 2020 flow diagram as SVG and PNG (one layout for both), and the counts as PRISMA2020 CSV. */
@Component(service = PrismaDiagram.class)
public final class PrismaFlowDiagram implements PrismaDiagram {

    static final String TITLE = "PRISMA 2020 flow diagram";

    @Override
    public String svg(PrismaCounts counts) {
        return SvgWriter.svg(FlowDiagram.of(counts), TITLE);
    }

    @Override
    public byte[] png(PrismaCounts counts, double scale) {
        return PngWriter.png(FlowDiagram.of(counts), scale);
    }

    @Override
    public String csv(PrismaCounts counts) {
        return PrismaCsv.csv(counts);
    }
}
