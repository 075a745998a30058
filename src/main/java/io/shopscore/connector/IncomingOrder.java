package io.shopscore.connector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one platform webhook says about its order, read as the contract maps it (api-v1.1, Orders
 * in): the order's id, number, customer, language and lines, and why it does not invite, if it
 * does not. Unknown fields are normal in these payloads and are passed over.
 *
 * @param ignoredBecause null when the order invites now; else why not, for the platform's delivery log
 */
record IncomingOrder(String orderId, String orderRef, String email, String name, String locale, List<OrderLine> lines,
        String ignoredBecause) {

    private static final Set<String> WOO_TOPICS = Set.of("order.created", "order.updated");
    private static final Set<String> SHOPIFY_TOPICS = Set.of("orders/create", "orders/updated", "orders/paid", "orders/fulfilled");

    boolean invites() {
        return ignoredBecause == null;
    }

    /**
     * Reads one delivery.
     *
     * @param localeOf the supported language of a platform's locale ({@code nl-NL} to {@code nl}), if any
     */
    static IncomingOrder read(Platform platform, String topic, JsonNode order, String inviteOn,
            Function<String, Optional<String>> localeOf) {
        return switch (platform) {
            case WOOCOMMERCE -> wooCommerce(topic, order, inviteOn);
            case SHOPIFY -> shopify(topic, order, inviteOn, localeOf);
        };
    }

    private static IncomingOrder wooCommerce(String topic, JsonNode order, String inviteOn) {
        String id = text(order, "id");
        String orderRef = Optional.ofNullable(text(order, "number")).orElse(id);
        JsonNode billing = order.path("billing");
        String email = text(billing, "email");
        String name = fullName(HtmlEntities.decode(text(billing, "first_name")), HtmlEntities.decode(text(billing, "last_name")));
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode line : order.path("line_items")) {
            lines.add(new OrderLine(text(line, "sku"), HtmlEntities.decode(text(line, "name")), text(line, "product_id"),
                    text(line, "variation_id")));
        }
        String status = text(order, "status");
        String why = !WOO_TOPICS.contains(topic) ? "topic " + quoted(topic) + " is not order.created or order.updated"
                : id == null ? "the body is not an order (no id)"
                : !inviteOn.equals(status) ? "the order's status is " + quoted(status) + ", not " + inviteOn
                : email == null ? "the order has no email address"
                : null;
        return new IncomingOrder(id, orderRef, email, name, null, lines, why);
    }

    private static IncomingOrder shopify(String topic, JsonNode order, String inviteOn, Function<String, Optional<String>> localeOf) {
        String id = text(order, "id");
        String orderRef = Optional.ofNullable(text(order, "name")).or(() -> Optional.ofNullable(text(order, "order_number"))).orElse(id);
        String email = Optional.ofNullable(text(order, "email"))
                .or(() -> Optional.ofNullable(text(order, "contact_email")))
                .orElse(text(order.path("customer"), "email"));
        JsonNode customer = order.path("customer");
        JsonNode billing = order.path("billing_address");
        String name = Optional.ofNullable(fullName(text(customer, "first_name"), text(customer, "last_name")))
                .orElse(fullName(text(billing, "first_name"), text(billing, "last_name")));
        String locale = Optional.ofNullable(text(order, "customer_locale")).flatMap(localeOf).orElse(null);
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode line : order.path("line_items")) {
            lines.add(new OrderLine(text(line, "sku"), Optional.ofNullable(text(line, "name")).orElse(text(line, "title")),
                    text(line, "product_id"), text(line, "variant_id")));
        }
        String status = inviteOn.equals("paid") ? text(order, "financial_status") : text(order, "fulfillment_status");
        String why = !SHOPIFY_TOPICS.contains(topic) ? "topic " + quoted(topic) + " is not an order topic Shopscore takes"
                : id == null ? "the body is not an order (no id)"
                : text(order, "cancelled_at") != null ? "the order is cancelled"
                : !inviteOn.equals(status) ? "the order is not " + inviteOn + " (" + (inviteOn.equals("paid") ? "financial" : "fulfillment")
                        + "_status " + quoted(status) + ")"
                : email == null ? "the order has no email address"
                : null;
        return new IncomingOrder(id, orderRef, email, name, locale, lines, why);
    }

    /** A field's text, or null when it is missing, null, an object or blank. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static String fullName(String first, String last) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? null : name;
    }

    private static String quoted(String value) {
        return value == null ? "missing" : "'" + value + "'";
    }
}
