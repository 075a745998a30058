package io.shopscore.review;

import java.util.Arrays;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a review's source as its public name ("invitation-email"), so the column reads as the API does. */
@Converter
class ReviewSourceConverter implements AttributeConverter<ReviewSource, String> {

    @Override
    public String convertToDatabaseColumn(ReviewSource source) {
        return source == null ? null : source.json();
    }

    @Override
    public ReviewSource convertToEntityAttribute(String column) {
        return column == null ? null : Arrays.stream(ReviewSource.values()).filter(source -> source.json().equals(column)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown review source " + column));
    }
}
