package io.shopscore.transparency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.shopscore.i18n.Messages;
import io.shopscore.moderation.ReportsChanged;
import io.shopscore.problem.ProblemException;
import io.shopscore.review.ReviewChanged;
import io.shopscore.web.Representation;

/**
 * Shops' figures kept in memory: counting published reviews by source is a grouped count over the
 * shop's rows of the review table, cheap enough once in a while but not for every read of a public,
 * cacheable endpoint and every view of the shop's page. Bounded, and an entry lives at most
 * {@code quarkus.cache.caffeine."transparency".expire-after-write} (10 s, as scores do), which
 * bounds how long another instance shows old figures; this instance drops a shop's entry as soon as
 * a change to its reviews or reports commits. Unknown shops are not cached.
 */
@ApplicationScoped
public class TransparencyCache {

    private final Cache cache;
    private final TransparencyService transparency;
    private final ObjectMapper json;

    public TransparencyCache(@CacheName("transparency") Cache cache, TransparencyService transparency, ObjectMapper json) {
        this.cache = cache;
        this.transparency = transparency;
        this.json = json;
    }

    /** The shop's figures; a 404 problem for an unknown shop. */
    public TransparencyFigures figures(String slug) {
        return cache.<String, TransparencyFigures>get(slug, key -> transparency.figures(key)
                .orElseThrow(() -> ProblemException.notFound("There is no shop '" + key + "'."))).await().indefinitely();
    }

    /** The JSON document of the shop's figures, its sentences in this language. */
    Representation document(String slug, String language) {
        Transparency view = Transparency.of(figures(slug), MessageBundles.get(Messages.class, Localized.Literal.of(language)));
        try {
            return Representation.of(json.writeValueAsBytes(view), MediaType.APPLICATION_JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Transparency figures always serialise", e);
        }
    }

    void onReviewChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReviewChanged change) {
        cache.invalidate(change.shopSlug()).await().indefinitely();
    }

    void onReportsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReportsChanged change) {
        cache.invalidate(change.shopSlug()).await().indefinitely();
    }
}
