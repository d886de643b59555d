/**
 * Imports what PubMed exports: MEDLINE text ({@code .nbib}, format {@code medline}) and PubMed XML (format
 * {@code pubmed-xml}).
 *
 * <p>{@link quire.importer.pubmed.MedlineImporter} and {@link quire.importer.pubmed.PubmedXmlImporter} are the
 * Declarative Services components that register the two formats. {@link quire.importer.pubmed.MedlineParser} splits
 * MEDLINE text into records of {@link quire.importer.pubmed.MedlineField}s, which
 * {@link quire.importer.pubmed.MedlineRecord} maps to a reference; {@link quire.importer.pubmed.PubmedXmlParser}
 * streams the XML with StAX and hands each article to {@link quire.importer.pubmed.PubmedArticle}. Both formats share
 * {@link quire.importer.pubmed.PubmedDate} for "2019 Mar 15"-style dates and
 * {@link quire.importer.pubmed.PublicationTypes} for the reference type. Nothing here is exported: other bundles see
 * only the {@link quire.api.importing.Importer} services.
 */
package quire.importer.pubmed;
