/**
 * The review of a workspace: {@link quire.review.WorkspaceReview} keeps the protocol ({@code review/protocol.json},
 * rewritten atomically) and the decision log ({@code review/decisions.jsonl}, append-only and fsynced), and derives
 * everything else from them: where each record stands in each stage, conflicts, agreement and the PRISMA counts.
 * The core stages are separate components ({@code *Stage}); the review knows them only as
 * {@link quire.api.review.ReviewStage} services. {@link quire.review.FlowDiagram} lays out the PRISMA 2020 diagram
 * once, for SVG and PNG alike.
 */
package quire.review;
