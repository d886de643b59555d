package quire.ui.review;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import quire.api.library.Library;
import quire.api.review.PrismaCounts;
import quire.api.review.PrismaDiagram;
import quire.api.review.ReviewService;
import quire.ui.api.Placement;
import quire.ui.api.View;
import quire.ui.api.ViewContext;

/**
 * The "PRISMA" view: the PRISMA 2020 flow diagram of the review as it stands, redrawn after every decision, scaled
 * to the view; Save writes it as SVG or PNG, or the counts as the PRISMA2020 package's CSV.
 */
@Component(service = {View.class, EventHandler.class}, property = {
        EventConstants.EVENT_TOPIC + "=" + ReviewService.TOPIC_DECIDED,
        EventConstants.EVENT_TOPIC + "=" + ReviewService.TOPIC_PROTOCOL,
        EventConstants.EVENT_TOPIC + "=" + Library.TOPIC_CHANGED})
public final class PrismaView implements View, EventHandler {

    /** What the view shows: the counts and the diagram drawn from them (PNG at twice the size, for sharpness). */
    record Snapshot(PrismaCounts counts, byte[] png) {
    }

    private final ReviewService review;
    private final PrismaDiagram diagram;
    private final Set<Panel> panels = ConcurrentHashMap.newKeySet();
    private final Background background = new Background("quire-prisma-view");

    @Activate
    public PrismaView(@Reference ReviewService review, @Reference PrismaDiagram diagram) {
        this.review = review;
        this.diagram = diagram;
    }

    @Deactivate
    void deactivate() {
        background.close();
    }

    @Override
    public String id() {
        return "quire.review.prisma";
    }

    @Override
    public String label() {
        return "PRISMA";
    }

    @Override
    public Placement placement() {
        return Placement.BOTTOM;
    }

    @Override
    public int order() {
        return 220;
    }

    @Override
    public Control createControl(Composite parent, ViewContext context) {
        Panel panel = new Panel(parent, context);
        panels.add(panel);
        panel.root.addListener(SWT.Dispose, e -> panels.remove(panel));
        panel.refresh();
        return panel.root;
    }

    @Override
    public void handleEvent(org.osgi.service.event.Event event) {
        panels.forEach(Panel::refresh);
    }

    Snapshot snapshot() {
        PrismaCounts counts = review.prisma();
        return new Snapshot(counts, diagram.png(counts, 2));
    }

    /** Writes the diagram or the counts, by the file's extension, replacing the file atomically. */
    String save(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        PrismaCounts counts = review.prisma();
        byte[] bytes;
        if (name.endsWith(".svg")) {
            bytes = diagram.svg(counts).getBytes(StandardCharsets.UTF_8);
        } else if (name.endsWith(".png")) {
            bytes = diagram.png(counts, 2);
        } else if (name.endsWith(".csv")) {
            bytes = diagram.csv(counts).getBytes(StandardCharsets.UTF_8);
        } else {
            throw new IOException("name the file .svg, .png or .csv");
        }
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return "Saved " + target;
    }

    /** The widgets of one open view. */
    final class Panel {
        final Composite root;
        private final ViewContext context;
        private final Canvas canvas;
        private final Label summary;
        private final AtomicBoolean pending = new AtomicBoolean();
        private Image image;
        private Snapshot shown;

        Panel(Composite parent, ViewContext context) {
            this.context = context;
            root = new Composite(parent, SWT.NONE);
            root.setLayout(new GridLayout(4, false));
            summary = new Label(root, SWT.NONE);
            summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            for (String format : new String[] {"SVG", "PNG", "CSV"}) {
                Button save = new Button(root, SWT.PUSH);
                save.setText("Save " + format + "…");
                save.addListener(SWT.Selection, e -> ask(format.toLowerCase(java.util.Locale.ROOT)));
            }
            canvas = new Canvas(root, SWT.DOUBLE_BUFFERED);
            canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
            canvas.setBackground(root.getDisplay().getSystemColor(SWT.COLOR_WHITE));
            canvas.addListener(SWT.Paint, e -> paint(e.gc));
            canvas.addListener(SWT.Resize, e -> canvas.redraw());
            root.addListener(SWT.Dispose, e -> {
                if (image != null) {
                    image.dispose();
                }
            });
        }

        private void ask(String extension) {
            FileDialog dialog = new FileDialog(root.getShell(), SWT.SAVE);
            dialog.setFilterExtensions(new String[] {"*." + extension});
            dialog.setFileName(extension.equals("csv") ? "prisma.csv" : "prisma-flow." + extension);
            dialog.setOverwrite(true);
            String chosen = dialog.open();
            if (chosen != null) {
                background.run(context, "Saving the PRISMA diagram", () -> save(Path.of(chosen)));
            }
        }

        /** The diagram scaled to fit, centred, never enlarged beyond its drawn size. */
        private void paint(GC gc) {
            if (image == null) {
                return;
            }
            Rectangle area = canvas.getClientArea();
            Rectangle size = image.getBounds();
            double scale = Math.min(1.0, Math.min((double) area.width / size.width,
                    (double) area.height / size.height));
            int width = (int) Math.round(size.width * scale);
            int height = (int) Math.round(size.height * scale);
            gc.setAntialias(SWT.ON);
            gc.setInterpolation(SWT.HIGH);
            gc.drawImage(image, 0, 0, size.width, size.height, (area.width - width) / 2, 0, width, height);
        }

        void refresh() {
            background.refresh(pending, context, PrismaView.this::snapshot, this::show);
        }

        void show(Snapshot snapshot) {
            if (root.isDisposed()) {
                return;
            }
            shown = snapshot;
            if (image != null) {
                image.dispose();
            }
            image = new Image(root.getDisplay(), new ImageData(new ByteArrayInputStream(snapshot.png())));
            PrismaCounts c = snapshot.counts();
            summary.setText(c.identified() + " identified, " + c.recordsScreened() + " screened, "
                    + c.reportsAssessed() + " assessed, " + c.newStudies() + " included"
                    + (c.pending() > 0 ? "; " + c.pending() + " awaiting a decision" : ""));
            root.layout(true, true);
            canvas.redraw();
        }

        Snapshot shown() {
            return shown;
        }

        String summary() {
            return summary.getText();
        }
    }

    /** For tests: the open panels. */
    Set<Panel> panels() {
        return panels;
    }
}
