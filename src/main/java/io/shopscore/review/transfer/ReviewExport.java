package io.shopscore.review.transfer;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of a JSON export, for the OpenAPI document: it is written page by page, never built as one object. */
@Schema(name = "ReviewExport")
record ReviewExport(@Schema(examples = "demo") String slug, List<ExportedReview> reviews) {
}
