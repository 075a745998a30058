package io.shopscore.widget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;

/**
 * Answers {@code GET /api/v1/shops/{slug}/product-scores?skus=a,b,c} in the browser, in exactly the
 * shape of the contract (api-v1.1.md "Products": {@code {"scores":[...]}}, each the api-v1 score
 * object with {@code sku} and {@code name} instead of {@code slug}; unknown skus left out; more than
 * 100 is a 400 problem). The widget's tests use the real endpoint with products made through the
 * API ({@link ProductCatalogue}); this stands in only for what a test cannot make the service
 * answer, such as a product with thousands of reviews.
 */
final class ProductScoreStub {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, GradedProduct> products;
    /** Every product-scores request the page made, as the browser sent it. */
    final List<String> requests = new CopyOnWriteArrayList<>();

    private ProductScoreStub(List<GradedProduct> products) {
        this.products = products.stream().collect(Collectors.toMap(GradedProduct::sku, Function.identity()));
    }

    /** Serves these products' scores to the page for every shop; what the page asks of no product here is left out. */
    static ProductScoreStub serve(Page page, GradedProduct... products) {
        ProductScoreStub stub = new ProductScoreStub(List.of(products));
        page.route(Pattern.compile(".*/api/v1/shops/[^/]+/product-scores\\?.*"), stub::answer);
        return stub;
    }

    /** The skus one request asked for, decoded as the server decodes them. */
    static List<String> skusOf(String url) {
        String query = URI.create(url).getRawQuery();
        String skus = Arrays.stream(query.split("&")).filter(p -> p.startsWith("skus=")).findFirst().orElseThrow().substring(5);
        return Arrays.stream(URLDecoder.decode(skus, StandardCharsets.UTF_8).split(",")).toList();
    }

    private void answer(Route route) {
        String url = route.request().url();
        requests.add(url);
        List<String> skus = skusOf(url);
        Map<String, String> headers = Map.of("Access-Control-Allow-Origin", "*", "Cache-Control", "public, max-age=60");
        if (skus.size() > 100) {
            route.fulfill(new Route.FulfillOptions().setStatus(400).setHeaders(headers).setContentType("application/problem+json")
                    .setBody("{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"skus: must list at most 100 skus\"}"));
            return;
        }
        String slug = URI.create(url).getPath().replaceAll(".*/shops/([^/]+)/product-scores$", "$1");
        List<Map<String, Object>> scores = skus.stream().distinct().filter(sku -> products.containsKey(sku) && products.get(sku).grades().length > 0)
                .map(sku -> scoreObject(slug, products.get(sku))).toList();
        route.fulfill(new Route.FulfillOptions().setStatus(200).setHeaders(headers).setContentType("application/json")
                .setBody(json(Map.of("scores", scores))));
    }

    /** The api-v1 score object of a product, computed as the service computes a shop's. */
    static Map<String, Object> scoreObject(String slug, GradedProduct product) {
        int[] grades = product.grades();
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("sku", product.sku());
        score.put("name", product.name());
        score.put("average", mean(grades).setScale(1, RoundingMode.HALF_UP));
        score.put("stars", mean(grades).divide(BigDecimal.valueOf(2)).setScale(1, RoundingMode.HALF_UP));
        score.put("count", grades.length);
        score.put("recommendPercentage", null);
        score.put("distribution", IntStream.rangeClosed(1, 10).boxed().collect(Collectors.toMap(String::valueOf,
                grade -> Arrays.stream(grades).filter(g -> g == grade).count(), (a, b) -> a, LinkedHashMap::new)));
        Map<String, Object> last12Months = new LinkedHashMap<>();
        last12Months.put("average", score.get("average"));
        last12Months.put("count", grades.length);
        last12Months.put("recommendPercentage", null);
        score.put("last12Months", last12Months);
        score.put("reviewPageUrl", "http://localhost:8080/shops/" + slug + "/products/"
                + URLEncoder.encode(product.sku(), StandardCharsets.UTF_8).replace("+", "%20"));
        return score;
    }

    private static BigDecimal mean(int[] grades) {
        return BigDecimal.valueOf(Arrays.stream(grades).sum()).divide(BigDecimal.valueOf(grades.length), 10, RoundingMode.HALF_UP);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
