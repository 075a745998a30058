package io.shopscore.insight.classify;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the classifier found in one review.
 *
 * @param topics      the complaint topics, unmodifiable and always in {@link Topic} declaration order
 * @param churnIntent whether the customer says they will not buy from the shop again
 */
public record Classification(Set<Topic> topics, boolean churnIntent) {

    /** A review without complaints or churn intent. */
    public static final Classification NOTHING = new Classification(Set.of(), false);

    public Classification {
        topics = ordered(topics);
    }

    private static Set<Topic> ordered(Collection<Topic> topics) {
        EnumSet<Topic> copy = EnumSet.noneOf(Topic.class);
        if (topics != null) {
            for (Topic topic : topics) {
                if (topic != null) {
                    copy.add(topic);
                }
            }
        }
        return Collections.unmodifiableSet(copy);
    }
}
