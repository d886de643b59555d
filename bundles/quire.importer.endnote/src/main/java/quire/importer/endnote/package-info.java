/**
 * Imports EndNote XML exports (format {@code endnote-xml}).
 *
 * <p>{@link quire.importer.endnote.EndnoteXmlImporter} is the Declarative Services component that registers the
 * format; {@link quire.importer.endnote.EndnoteXmlParser} streams the file with StAX and hands each
 * {@code <record>} to {@link quire.importer.endnote.EndnoteRecord}, which maps it to a reference with the help of
 * {@link quire.importer.endnote.StyledText} (style runs), {@link quire.importer.endnote.EndnoteName} (authors),
 * {@link quire.importer.endnote.EndnoteDate} and {@link quire.importer.endnote.EndnoteType}. Nothing here is
 * exported: other bundles see only the {@link quire.api.importing.Importer} service.
 */
package quire.importer.endnote;
