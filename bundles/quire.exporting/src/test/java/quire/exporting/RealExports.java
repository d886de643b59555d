package quire.exporting;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quire.api.export.ExportException;
import quire.api.export.ExportOptions;
import quire.api.export.ExportSelection;
import quire.export.bibtex.BiblatexExporter;
import quire.export.bibtex.BibtexExporter;
import quire.export.bibtex.KeyPatternConfiguration;
import quire.export.bibtex.PatternKeyGenerator;

/** The export service over a library with the real BibTeX and biblatex exporters and key generator. */
final class RealExports {

    private static final Pattern ENTRY_KEY = Pattern.compile("(?m)^@[a-z]+\\{([^,\\n]+),$");

    private RealExports() {
    }

    /** The service with the default key pattern. */
    static LibraryExportService service(MemoryLibrary library) {
        return service(library, configuration(null));
    }

    /** The service with this configuration of the BibTeX bundle. */
    static LibraryExportService service(MemoryLibrary library, KeyPatternConfiguration configuration) {
        LibraryExportService service = new LibraryExportService(library, null, new PatternKeyGenerator(configuration));
        service.addExporter(new BibtexExporter(configuration));
        service.addExporter(new BiblatexExporter(configuration));
        return service;
    }

    /** The configuration with this key pattern, or the default one when null. */
    static KeyPatternConfiguration configuration(String keyPattern) {
        KeyPatternConfiguration defaults = (KeyPatternConfiguration) InstalledImporters.defaults(
                KeyPatternConfiguration.class);
        if (keyPattern == null) {
            return defaults;
        }
        return (KeyPatternConfiguration) Proxy.newProxyInstance(KeyPatternConfiguration.class.getClassLoader(),
                new Class<?>[] {KeyPatternConfiguration.class}, (proxy, method, args) ->
                        method.getName().equals("keyPattern") ? keyPattern : method.invoke(defaults, args));
    }

    /** Everything in the library, in the format. */
    static String export(LibraryExportService service, String format) throws IOException, ExportException {
        StringWriter out = new StringWriter();
        service.export(ExportSelection.all(), format, ExportOptions.NONE, out);
        return out.toString();
    }

    /** The keys of the entries of a {@code .bib} file, in order. */
    static List<String> keys(String bib) {
        List<String> keys = new ArrayList<>();
        Matcher m = ENTRY_KEY.matcher(bib);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }
}
