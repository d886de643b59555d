/**
 * A toolkit for importers of text-based formats: {@link quire.importer.text.PersonNames} (author names as databases
 * write them), {@link quire.importer.text.DateText} (dates in their many spellings) and
 * {@link quire.importer.text.Databases} (one name per source database, for PRISMA's counts). Not exported: importer
 * bundles copy it in privately with bnd's {@code -conditionalpackage}.
 */
package quire.importer.text;
