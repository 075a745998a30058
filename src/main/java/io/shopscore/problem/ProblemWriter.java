package io.shopscore.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes problems where the REST layer is not involved: answers given by a route in front of it
 * (the request limits). The body is the {@link Problem} record serialised by the same
 * {@link ObjectMapper} the REST layer uses, so it has the shape and headers {@link ProblemMapper}
 * gives, and it is counted in the same metric.
 */
@ApplicationScoped
public class ProblemWriter {

    private final ObjectMapper json;
    private final MeterRegistry metrics;

    public ProblemWriter(ObjectMapper json, MeterRegistry metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    /** Ends the request with the exception's problem, as ProblemMapper would have answered it. */
    public void send(RoutingContext context, ProblemException e) {
        Problem problem = e.problem();
        count(problem);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("A problem is always serialisable", impossible);
        }
        var response = context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        e.retryAfterSeconds().ifPresent(seconds -> response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
        response.end(body);
    }

    /** Rejected input and failures per kind, for /q/metrics: a rise in 400s, 401s or 429s is worth a look. */
    void count(Problem problem) {
        metrics.counter("shopscore.problems", "type", problem.type().substring(problem.type().lastIndexOf(':') + 1),
                "status", Integer.toString(problem.status())).increment();
    }
}
