/**
 * The workspace store: the library of references kept in {@code library.jsonl}, an append-only journal of JSON
 * lines (Jackson). Each change is a batch of lines closed by a commit line and fsynced before the caller is told
 * it is stored; a batch without its commit line (a crash mid-write) is dropped on the next open. When the journal
 * holds many superseded lines it is compacted into a new file (temp file, fsync, atomic rename). A lock file
 * keeps a second process out.
 */
package quire.store;
