package io.shopscore.invitation.upload;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns of an uploaded file of orders, by their header names (any case, any order). Each is
 * a field of the API's invitation request; {@code language} is its {@code locale}.
 */
public enum OrderColumn {
    ORDER_REF("orderRef", "orderRef", true),
    EMAIL("email", "email", true),
    NAME("name", "name", false),
    LANGUAGE("language", "locale", false);

    private final String header;
    private final String apiField;
    private final boolean required;

    OrderColumn(String header, String apiField, boolean required) {
        this.header = header;
        this.apiField = apiField;
        this.required = required;
    }

    public String header() {
        return header;
    }

    boolean required() {
        return required;
    }

    static Optional<OrderColumn> of(String header) {
        String name = header.strip();
        return Arrays.stream(values()).filter(column -> column.header.equalsIgnoreCase(name)).findFirst();
    }

    /** The column of an API field a rule names ({@code locale}: language); the field itself when no column has it. */
    static String headerOfField(String apiField) {
        return Arrays.stream(values()).filter(column -> column.apiField.equals(apiField)).map(OrderColumn::header).findFirst()
                .orElse(apiField);
    }
}
