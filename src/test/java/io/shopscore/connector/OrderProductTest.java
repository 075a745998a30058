package io.shopscore.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The products of a platform order's lines, as the invitation will take them. */
class OrderProductTest {

    @Test
    void wooCommerceLinesBecomeProductsWithDecodedNamesAndAFallbackForAnEmptySku() throws IOException {
        IncomingOrder order = IncomingOrder.read(Platform.WOOCOMMERCE, "order.created", payload("woocommerce-order.json"), "processing",
                code -> Optional.empty());

        assertEquals(List.of(
                new OrderLine(null, "Woo Single #1", "93", "0"),
                new OrderLine("Bar3", "Ship Your Idea \u2013 Color: Black, Size: M Test", "22", "23")), order.lines());
        assertEquals(List.of(
                new OrderProduct("woo-93", "Woo Single #1", null, null, null, null, null),
                new OrderProduct("Bar3", "Ship Your Idea \u2013 Color: Black, Size: M Test", null, null, null, null, null)),
                OrderProduct.of(Platform.WOOCOMMERCE, order.lines()));
    }

    @Test
    void shopifyLinesKeepTheirSkuAndFallBackOnTheVariantThenTheProduct() throws IOException {
        IncomingOrder order = IncomingOrder.read(Platform.SHOPIFY, "orders/create", payload("shopify-order.json"), "paid",
                code -> Optional.empty());

        assertEquals(List.of(new OrderProduct("SKU2006-001", "Aviator sunglasses", null, null, null, null, null)),
                OrderProduct.of(Platform.SHOPIFY, order.lines()));
        assertEquals(List.of(
                new OrderProduct("shopify-39072856", "Gift card", null, null, null, null, null),
                new OrderProduct("shopify-product-632910392", "Custom engraving", null, null, null, null, null)),
                OrderProduct.of(Platform.SHOPIFY, List.of(
                        new OrderLine("", "Gift card", "632910393", "39072856"),
                        new OrderLine(null, "Custom engraving", "632910392", null),
                        new OrderLine(" ", "Gift card again", "632910393", "39072856"),
                        new OrderLine(null, "No ids at all", null, null))));
    }

    @Test
    void anOrderGivesAtMostTwentyProducts() {
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            lines.add(new OrderLine("SKU-" + i, "Product " + i, String.valueOf(i + 1), null));
        }

        List<OrderProduct> products = OrderProduct.of(Platform.WOOCOMMERCE, lines);

        assertEquals(20, products.size());
        assertEquals("SKU-19", products.get(19).sku());
    }

    @Test
    void htmlEntitiesOfEveryKindAreDecodedAndUnknownOnesKept() {
        assertEquals("Tom & Jerry \u2013 \u201cbest\u201d <3 \u20ac5 caf\u00e9 &bogus; &#0;",
                HtmlEntities.decode("Tom &amp; Jerry &#8211; &ldquo;best&#x201D; &lt;3 &euro;5 caf&eacute; &bogus; &#0;"));
    }

    private static JsonNode payload(String name) throws IOException {
        try (InputStream in = OrderProductTest.class.getResourceAsStream("/connector/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
