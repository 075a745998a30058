package io.shopscore.paging;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, newest first: {@code {"items":[...],"page":0,"size":20,"total":128}}. */
public record Page<T>(
        List<T> items,
        @Schema(description = "Zero-based page number", examples = "0") int page,
        @Schema(description = "Requested page size", examples = "20") int size,
        @Schema(description = "Number of items on all pages", examples = "128") long total) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page(), request.size(), total);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** Whether a later page has items. */
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public int lastPage() {
        return total == 0 ? 0 : (int) ((total - 1) / size);
    }
}
