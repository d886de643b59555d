/**
 * The import service: tracks every {@link quire.api.importing.Importer} service (whiteboard), detects a file's
 * format, gives each record an id derived from the file's content and the record's position (so re-importing a
 * file adds nothing twice), and stores references in durable batches. Also the seeding of a new default
 * workspace from the distribution's {@code seeds/} folder.
 */
package quire.importing;
