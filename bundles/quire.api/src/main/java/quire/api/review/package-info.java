/**
 * The systematic review: its protocol (question, eligibility criteria, searches, reviewers), its stages, the
 * reviewers' decisions, agreement between reviewers and the PRISMA 2020 counts.
 *
 * <p>Decisions form an append-only log; the state of a record in a stage is derived from it. A stage is a service
 * ({@link quire.api.review.ReviewStage}), so a team can add its own (quality appraisal, data extraction) as a plugin.
 * The flow diagram and its CSV come from {@link quire.api.review.PrismaDiagram}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package quire.api.review;
