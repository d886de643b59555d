/**
 * Deduplication: finding the records that are the same work read from several databases, merging them and undoing
 * a merge. {@link quire.api.dedup.DedupService} finds {@link quire.api.dedup.DuplicateGroup}s, each with a
 * confidence and the reasons for it; groups above the automatic threshold are merged by themselves, the ones in the
 * middle wait in the review queue for a person, and a {@link quire.api.dedup.Merge} can be undone.
 *
 * <p>A merge never deletes a record: the surviving record takes the best value of each field and every record's
 * provenance, and each merged-away record stays in the library marked with the field
 * {@link quire.api.dedup.DedupService#DUPLICATE_OF} naming the survivor. PRISMA thus still counts records per
 * database, screening decisions (kept by record id) stay with their records, and the review's deduplication stage
 * counts the marked records as removed duplicates.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package quire.api.dedup;
