package quire.ui;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import quire.ui.api.Placement;

/**
 * How the user left the window, remembered per workspace in {@value #FILE}: its bounds, the sizes of the areas,
 * the areas and views they hid. Written atomically (temp file, fsync, rename), so a crash leaves the old layout or
 * the new one, never half of one.
 *
 * @param x           the window's left edge
 * @param y           its top edge
 * @param width       its width
 * @param height      its height
 * @param maximized   whether it was maximised
 * @param columns     weights of the left area, the centre column and the right area
 * @param rows        weights of the centre and the bottom area
 * @param hiddenAreas the areas the user hid
 * @param hiddenViews the ids of the views the user closed
 */
record WindowLayout(int x, int y, int width, int height, boolean maximized, List<Integer> columns,
        List<Integer> rows, Set<Placement> hiddenAreas, Set<String> hiddenViews) {

    static final String FILE = "workbench-layout.json";

    private static final Logger LOG = Logger.getLogger(WindowLayout.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    WindowLayout {
        columns = columns == null || columns.size() != 3 ? List.of(18, 55, 27) : List.copyOf(columns);
        rows = rows == null || rows.size() != 2 ? List.of(75, 25) : List.copyOf(rows);
        hiddenAreas = hiddenAreas == null ? Set.of() : Set.copyOf(hiddenAreas);
        hiddenViews = hiddenViews == null ? Set.of() : Set.copyOf(hiddenViews);
    }

    /** The layout of a window never opened on this workspace: centred by the caller (x and y are -1). */
    static WindowLayout standard() {
        return new WindowLayout(-1, -1, 1280, 800, false, null, null, null, null);
    }

    /** The layout saved in the workspace, or the standard one when there is none or it cannot be read. */
    static WindowLayout load(Path workspace) {
        Path file = workspace.resolve(FILE);
        try {
            WindowLayout layout = JSON.readValue(Files.readAllBytes(file), WindowLayout.class);
            return layout.width() > 100 && layout.height() > 100 ? layout : standard();
        } catch (NoSuchFileException e) {
            return standard();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "the window layout " + file + " cannot be read; using the standard one", e);
            return standard();
        }
    }

    /** Writes the layout into the workspace, replacing the old one atomically. */
    void save(Path workspace) throws IOException {
        Path file = workspace.resolve(FILE);
        Path temp = workspace.resolve(FILE + ".tmp");
        byte[] bytes = JSON.writeValueAsBytes(this);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(bytes));
            channel.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
