package quire.api.export;

import org.osgi.annotation.versioning.ConsumerType;
import quire.api.model.Reference;

/**
 * Makes the citation key a reference would get, e.g. {@code simhi2026old}. The {@link ExportService} asks for a key
 * once, for each reference exported without one, makes it unique in the library and stores it in the reference's
 * {@link #FIELD} field; from then on the reference keeps that key, whatever is edited or added. A bundle offers a
 * key scheme by registering a {@code CitationKeyGenerator} service (the BibTeX exporter registers one whose pattern
 * is configurable).
 */
@ConsumerType
public interface CitationKeyGenerator {

    /**
     * The name of the further field ({@link Reference#fields()}) that holds a reference's citation key once it has
     * one: given by the export service, or read from an imported BibTeX entry.
     */
    String FIELD = "citationKey";

    /**
     * The key this reference would get on its own, before any suffix that makes it unique: never blank, and made of
     * characters that are safe in a key (letters, digits and {@code - _ : . + /}). The same reference always gets
     * the same key.
     */
    String keyFor(Reference reference);
}
