package io.shopscore.insight.classify;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * A complaint topic a review can be tagged with. A topic is tagged only when the customer
 * complains about it, never when the review merely mentions it.
 */
public enum Topic {

    /** Staff unhelpful, rude or unreachable; slow or no answer by mail, phone or chat. */
    CUSTOMER_SERVICE("customer_service"),
    /** Late, slow, lost or undelivered parcels, wrong address, damage in transit, the carrier. */
    DELIVERY("delivery"),
    /** Out of stock after ordering or paying, backorder, cancelled for lack of stock. */
    STOCK("stock"),
    /** Quality, defects, wrong item, not as described, wrong size or colour. */
    PRODUCT("product"),
    /** Refund slow or missing, return process hard or refused, return costs. */
    REFUND_RETURN("refund_return"),
    /** Too expensive, hidden or unexpected costs, high shipping costs, price changes, double charges. */
    PRICE("price"),
    /** Site or app errors, failing checkout or payment, confusing site, login problems, wrong information. */
    WEBSITE("website"),
    /** Complaint not followed up, customer not kept informed, promised callback or update never came. */
    FOLLOW_UP("follow_up");

    private final String code;

    Topic(String code) {
        this.code = code;
    }

    /** The stable code used in the API, in stored tags and in the lexicon files. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The topic with this code, if there is one. */
    public static Optional<Topic> fromCode(String code) {
        for (Topic topic : values()) {
            if (topic.code.equals(code)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }
}
