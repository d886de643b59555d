/**
 * Priority screening: learning models that rank records by how likely they are to be included, so that reviewers
 * see the likely includes first.
 *
 * <p>A {@link quire.api.screening.FeatureMatrix} holds one sparse row of text features per record (TF-IDF of title
 * and abstract in Quire's own bundle). A {@link quire.api.screening.RelevanceModel} is a service: it learns from the
 * rows reviewers have labelled and scores every row from 0 to 1. Quire contributes naive Bayes ({@code nb}) and a
 * linear support vector machine ({@code svm}); a team adds its own model by registering another service with a
 * different {@link quire.api.screening.RelevanceModel#ID}. The screening order and the {@code review simulate}
 * command pick models by that id.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package quire.api.screening;
