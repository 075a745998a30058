package io.shopscore.insight.classify;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Tags the complaint topics of a review and flags churn intent, with lexicons and phrase rules
 * for Dutch (including Flemish) and English; see {@code docs/insights.md} for how it decides.
 *
 * <p>How a decision is made, in short:
 * <ol>
 * <li>The title and the text are normalised and cut into words, sentences and clauses
 *     ({@link Tokenizer}); misspelt long words are mapped to the lexicon's spelling
 *     ({@link SpellingTolerance}).</li>
 * <li>Every lexicon phrase is looked up in the text ({@link PhraseIndex}). Both languages' lexicons
 *     are always applied: the language of a review is not known reliably and customers mix them.</li>
 * <li>A complaint phrase ("te laat") tags its topic unless a negation word stands at most
 *     {@value #NEGATION_REACH} words before it in the same clause ("niet te laat") or inside the
 *     phrase's gap. A praise phrase ("snel geleverd") tags its topic only when negated ("niet snel
 *     geleverd") or in a sarcastic context. Complaints after fears, doubts and comparisons with other
 *     shops ("ik was bang dat het te laat zou komen") do not count.</li>
 * <li>In reviews graded {@value #WEAK_EVIDENCE_MAX_GRADE} or lower, a sentence that names a topic
 *     and voices discontent also tags it (weak evidence); reviews graded above
 *     {@value #COMPLAINT_MAX_GRADE} get no topics: those customers are satisfied.</li>
 * <li>A trained model ({@link TopicModel}) adds the labels it is at least
 *     {@value #MODEL_TOPIC_THRESHOLD} sure of, under the same grade limits; it never removes one.</li>
 * <li>Churn is a churn phrase that is not an exception ("nooit meer iets van gehoord"), not part
 *     of a conditional threat ("als dit nog eens gebeurt") and not in a review graded
 *     {@value #CHURN_MAX_GRADE}+1 or better.</li>
 * </ol>
 *
 * <p>Callers use one method, {@link #classify}, and store {@link #VERSION} with its result.
 *
 * <p>The lexicons and the model's trained weights are read once, when the service starts (this is a
 * {@link Startup} bean), and never change after that, so one instance is safe for any number of
 * threads. Weights that are missing, or were trained for another version or other lexicons, stop
 * the service right there. {@link #classify} never throws.
 */
@Startup
@ApplicationScoped
public class ReviewClassifier {

    /**
     * The version of the rules. Bump it with every change to the lexicons, the decision logic or
     * the model's training set, so that stored tags made by an older version can be found and
     * recomputed, and retrain the model: its weights file names the version it was trained for.
     */
    public static final String VERSION = "4";

    /** A negation word negates a phrase that starts at most this many words after it. */
    static final int NEGATION_REACH = 4;

    /** A review graded above this does not say goodbye to the shop, whatever its words. */
    static final int CHURN_MAX_GRADE = 6;

    /**
     * A review graded above this is from a satisfied customer: a remark in it ("kleine vertraging,
     * maar netjes gemeld") is not a complaint, so it gets no topics.
     */
    static final int COMPLAINT_MAX_GRADE = 7;

    /** Praise in a review graded above this is taken at its word, even next to a sarcasm marker. */
    static final int SARCASM_MAX_GRADE = 5;

    /**
     * Weak evidence (a topic word and a complaint signal in one clause) counts only in reviews
     * graded this or lower, where a topic mentioned with discontent is nearly always a complaint.
     */
    static final int WEAK_EVIDENCE_MAX_GRADE = 5;

    /** In reviews graded this or lower the grade itself is the discontent: a topic word without praise suffices. */
    static final int ANGRY_MAX_GRADE = 3;

    private static final Logger LOG = Logger.getLogger(ReviewClassifier.class);

    /**
     * The statistical layer ({@link TopicModel}) tags a topic when it is at least this sure, in
     * reviews graded {@value #COMPLAINT_MAX_GRADE} or lower.
     */
    static final double MODEL_TOPIC_THRESHOLD = 0.5;

    /** The same for churn, in reviews graded {@value #CHURN_MAX_GRADE} or lower. */
    static final double MODEL_CHURN_THRESHOLD = 0.5;

    /**
     * Read on first use and shared: the CDI client proxy also runs the no-argument constructor. The
     * model is read from its trained weights, not trained here (see {@link TopicModel}).
     */
    private static final class Defaults {
        static final Lexicon LEXICON = Lexicon.load();
        static final TopicModel MODEL = TopicModel.load(TopicModel.RESOURCE, VERSION, LEXICON);
    }

    private final Lexicon lexicon;
    /** Null for a classifier of lexicon lines alone, as the lexicon tests and the model's training use. */
    private final TopicModel model;

    /** A classifier with the lexicons and trained weights shipped in {@code src/main/resources/insights/}. */
    ReviewClassifier() {
        this(Defaults.LEXICON, Defaults.MODEL);
    }

    ReviewClassifier(Lexicon lexicon) {
        this(lexicon, null);
    }

    ReviewClassifier(Lexicon lexicon, TopicModel model) {
        this.lexicon = lexicon;
        this.model = model;
    }

    /**
     * Classifies one review.
     *
     * @param title the review's title, or null
     * @param text  the review's text, or null
     * @param grade the review's grade from 1 to 10; any other value means unknown
     * @return the complaint topics and churn intent; never null, also for empty or odd input
     */
    public Classification classify(String title, String text, int grade) {
        try {
            return decide(title, text, grade, null);
        } catch (RuntimeException e) {
            // A bug here must never stop a review from being written; an untagged review is the lesser harm.
            LOG.errorf(e, "Review classifier %s failed; the review is left untagged", VERSION);
            return Classification.NOTHING;
        }
    }

    /**
     * Explains {@link #classify}: every lexicon line that matched, and whether it counted and why.
     * Meant for people tuning the lexicons and for answering "why was this tagged?".
     */
    List<Evidence> explain(String title, String text, int grade) {
        List<Evidence> evidence = new ArrayList<>();
        decide(title, text, grade, evidence);
        return evidence;
    }

    /** The words of a text in the lexicon's spelling, cut into sentences and clauses: what the model reads. */
    Tokens tokens(String text) {
        Tokens tokens = canonicalSpelling(Tokenizer.tokenize(text));
        return tokens.size() == 0 ? tokens : cutClausesAtScopeBreakers(tokens);
    }

    private Classification decide(String title, String text, int grade, List<Evidence> evidence) {
        Tokens tokens = tokens(join(title, text));
        if (tokens.size() == 0) {
            return Classification.NOTHING;
        }
        List<PhraseIndex.Found> found = lexicon.index().findAll(tokens);
        Context context = new Context(tokens, found, grade);

        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        boolean churn = false;
        for (Map.Entry<Rule, List<PhraseIndex.Found>> matched : byRule(found).entrySet()) {
            Rule rule = matched.getKey();
            switch (rule.kind()) {
                case COMPLAINT, COMPLAINT_WHEN_NEGATED -> {
                    if (allPartsCount(rule, matched.getValue(), context, evidence)) {
                        topics.add(rule.topic());
                    }
                }
                case CHURN -> churn |= allPartsCount(rule, matched.getValue(), context, evidence);
                default -> {
                    // markers: they only change how the other lines are read
                }
            }
        }
        if (context.gradeKnown && grade <= WEAK_EVIDENCE_MAX_GRADE) {
            addWeakEvidence(context, topics, evidence);
        }
        if (model != null && context.gradeKnown) {
            churn |= addModelEvidence(context, topics, evidence);
        }
        if (context.gradeKnown && grade > COMPLAINT_MAX_GRADE && !topics.isEmpty()) {
            if (evidence != null) {
                evidence.add(new Evidence(topics.toString(), false, "grade " + grade + " is too high for a complaint", "", ""));
            }
            topics.clear();
        }
        return new Classification(topics, churn);
    }

    /** The matches grouped by lexicon line, in the order the lines were first matched. */
    private static Map<Rule, List<PhraseIndex.Found>> byRule(List<PhraseIndex.Found> found) {
        Map<Rule, List<PhraseIndex.Found>> byRule = new LinkedHashMap<>();
        for (PhraseIndex.Found match : found) {
            byRule.computeIfAbsent(match.entry().rule(), r -> new ArrayList<>()).add(match);
        }
        return byRule;
    }

    /** A line with phrases joined by + counts only when each of its phrases counted somewhere. */
    private boolean allPartsCount(Rule rule, List<PhraseIndex.Found> matches, Context context, List<Evidence> evidence) {
        int parts = rule.parts().size();
        boolean[] partCounts = new boolean[parts];
        List<Verdict> verdicts = new ArrayList<>(matches.size());
        for (PhraseIndex.Found candidate : matches) {
            Verdict verdict = rule.kind() == Rule.Kind.CHURN ? churnVerdict(candidate, context) : complaintVerdict(candidate, context);
            partCounts[candidate.entry().part()] |= verdict.counts;
            verdicts.add(verdict);
        }
        boolean allCount = true;
        for (boolean counts : partCounts) {
            allCount &= counts;
        }
        if (evidence != null) {
            String label = rule.topic() == null ? "churn" : rule.topic().code();
            for (int i = 0; i < matches.size(); i++) {
                PhrasePattern.Match match = matches.get(i).match();
                Verdict verdict = verdicts.get(i);
                String reason = parts == 1 ? verdict.reason
                        : verdict.reason + ", part " + (matches.get(i).entry().part() + 1) + " of " + parts
                                + (allCount ? "" : ", but not every part was found");
                evidence.add(new Evidence(label, verdict.counts && allCount, reason,
                        context.tokens.text(match.start(), match.end()), rule.toString()));
            }
        }
        return allCount;
    }

    private record Verdict(boolean counts, String reason) {
    }

    private Verdict complaintVerdict(PhraseIndex.Found candidate, Context context) {
        Rule rule = candidate.entry().rule();
        PhrasePattern.Match match = candidate.match();
        Verdict sentenceCondition = sentenceCondition(rule, match, context);
        if (sentenceCondition != null) {
            return sentenceCondition;
        }
        if (context.notRealSegments.contains(context.segment[match.start()])) {
            return new Verdict(false, "after a fear, a doubt or another shop");
        }
        boolean negated = isNegated(match, context);
        if (rule.kind() == Rule.Kind.COMPLAINT) {
            return negated ? new Verdict(false, "negated complaint") : new Verdict(true, "complaint");
        }
        if (negated) {
            return new Verdict(true, "praise under negation");
        }
        if (context.sarcasticSentences.contains(context.tokens.sentence(match.start()))) {
            return new Verdict(true, "praise next to sarcasm");
        }
        return new Verdict(false, "praise");
    }

    /** The (unless: ...) and (with: ...) conditions of a line, or null when they let the match count. */
    private static Verdict sentenceCondition(Rule rule, PhrasePattern.Match match, Context context) {
        if (!rule.unless().isEmpty() && rule.unless().acceptsAnyInSentence(context.tokens, match.start())) {
            return new Verdict(false, "cancelled by an (unless:) word in the sentence");
        }
        if (!rule.onlyWith().isEmpty() && !rule.onlyWith().acceptsAnyInSentence(context.tokens, match.start())) {
            return new Verdict(false, "no (with:) word in the sentence");
        }
        return null;
    }

    private Verdict churnVerdict(PhraseIndex.Found candidate, Context context) {
        PhrasePattern.Match match = candidate.match();
        Verdict sentenceCondition = sentenceCondition(candidate.entry().rule(), match, context);
        if (sentenceCondition != null) {
            return sentenceCondition;
        }
        if (context.gradeKnown && context.grade > CHURN_MAX_GRADE) {
            return new Verdict(false, "grade " + context.grade + " is too high for churn");
        }
        for (PhraseIndex.Found other : context.found) {
            if (other.entry().rule().kind() == Rule.Kind.NOT_CHURN
                    && other.match().start() < match.end() && match.start() < other.match().end()) {
                return new Verdict(false, "exception: " + other.entry().rule().text());
            }
        }
        if (context.conditionalSegments.contains(context.segment[match.start()])) {
            return new Verdict(false, "conditional threat");
        }
        if (context.notRealSegments.contains(context.segment[match.start()])) {
            return new Verdict(false, "after a fear, a doubt or another shop");
        }
        return new Verdict(true, "churn");
    }

    /**
     * The weak layer: a sentence that names a topic ("de klantenservice", "the website") and voices
     * discontent (a negation, "helaas", "slecht") complains about that topic, unless the clause
     * naming the topic praises or denies a complaint: "snel geleverd, maar het product is kapot" and
     * "het pakket was niet beschadigd, maar ..." do not blame the delivery. Only used for low
     * grades; see {@link #WEAK_EVIDENCE_MAX_GRADE}.
     */
    private void addWeakEvidence(Context context, Set<Topic> topics, List<Evidence> evidence) {
        Tokens tokens = context.tokens;
        Set<Integer> discontent = new HashSet<>();
        Set<Integer> praise = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (context.negation[i] && !negatesAProblem(i, context)) {
                discontent.add(tokens.sentence(i));
            }
        }
        for (PhraseIndex.Found signal : context.found) {
            Rule.Kind kind = signal.entry().rule().kind();
            PhrasePattern.Match match = signal.match();
            if (kind == Rule.Kind.COMPLAINT) {
                // "het pakket was niet beschadigd": a denied complaint, so this clause is content with its topic
                if (isNegated(match, context)) {
                    praise.add(tokens.clause(match.start()));
                }
                continue;
            }
            if (kind != Rule.Kind.COMPLAINT_SIGNAL && kind != Rule.Kind.PRAISE_SIGNAL) {
                continue;
            }
            boolean negated = isNegated(match, context);
            boolean isPraise = (kind == Rule.Kind.PRAISE_SIGNAL) != negated; // "niet snel" is discontent
            if (isPraise) {
                praise.add(tokens.clause(match.start()));
            } else {
                discontent.add(tokens.sentence(match.start()));
            }
        }
        for (PhraseIndex.Found topicWord : context.found) {
            Rule rule = topicWord.entry().rule();
            PhrasePattern.Match match = topicWord.match();
            int clause = tokens.clause(match.start());
            boolean angry = context.grade <= ANGRY_MAX_GRADE;
            if (rule.kind() != Rule.Kind.TOPIC_WORD || topics.contains(rule.topic())
                    || !(angry || discontent.contains(tokens.sentence(match.start())))
                    || praise.contains(clause) || context.notRealSegments.contains(context.segment[match.start()])
                    || isPlace(match.start(), tokens) || sentenceCondition(rule, match, context) != null) {
                continue;
            }
            topics.add(rule.topic());
            if (evidence != null) {
                evidence.add(new Evidence(rule.topic().code(), true,
                        "weak evidence: topic word and discontent in one sentence, grade " + context.grade,
                        sentenceText(tokens, tokens.sentence(match.start())), rule.toString()));
            }
        }
    }

    /**
     * The statistical layer: a label the model is sure of counts, within the same grade limits as
     * the lexicon lines. Returns whether it found churn intent.
     */
    private boolean addModelEvidence(Context context, Set<Topic> topics, List<Evidence> evidence) {
        double[] probability = model.probabilities(context.tokens);
        if (context.grade <= COMPLAINT_MAX_GRADE) {
            for (Topic topic : Topic.values()) {
                if (!topics.contains(topic) && probability[topic.ordinal()] >= MODEL_TOPIC_THRESHOLD) {
                    topics.add(topic);
                    explainModel(topic.code(), probability[topic.ordinal()], topic.ordinal(), context, evidence);
                }
            }
        }
        // the model reads words, not conditions: a threat ("als dit nog eens gebeurt") or an exception
        // ("nooit meer iets van gehoord") anywhere in the review leaves churn to the lexicon lines
        boolean churn = context.grade <= CHURN_MAX_GRADE && probability[TopicModel.CHURN] >= MODEL_CHURN_THRESHOLD
                && context.conditionalSegments.isEmpty() && context.found.stream()
                        .noneMatch(found -> found.entry().rule().kind() == Rule.Kind.NOT_CHURN);
        if (churn) {
            explainModel("churn", probability[TopicModel.CHURN], TopicModel.CHURN, context, evidence);
        }
        return churn;
    }

    private void explainModel(String label, double probability, int labelIndex, Context context, List<Evidence> evidence) {
        if (evidence != null) {
            evidence.add(new Evidence(label, true, String.format(Locale.ROOT, "model: %.2f sure", probability),
                    String.join(" ", model.strongestFeatures(context.tokens, labelIndex, 5)), "trained model"));
        }
    }

    /** "op de site", "at checkout": the topic word says where, not what the complaint is about. */
    private boolean isPlace(int topicWord, Tokens tokens) {
        for (int i = topicWord - 1; i >= 0 && i >= topicWord - 2 && tokens.clause(i) == tokens.clause(topicWord); i--) {
            if (lexicon.isPlaceWord(tokens.word(i))) {
                return true;
            }
        }
        return false;
    }

    /** "geen probleem", "no complaints": a negation of a problem word is contentment, not discontent. */
    private boolean negatesAProblem(int negation, Context context) {
        Tokens tokens = context.tokens;
        for (int i = negation + 1; i < tokens.size() && i <= negation + 2 && tokens.clause(i) == tokens.clause(negation); i++) {
            if (lexicon.isProblemWord(tokens.word(i))) {
                return true;
            }
        }
        return false;
    }

    private static String sentenceText(Tokens tokens, int sentence) {
        int start = -1;
        int end = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.sentence(i) == sentence) {
                start = start < 0 ? i : start;
                end = i + 1;
            }
        }
        return tokens.text(start, end);
    }

    /** A negation word shortly before the phrase, in the same clause, with nothing in between that stops it. */
    private boolean negatedBefore(int start, Context context) {
        Tokens tokens = context.tokens;
        for (int i = start - 1; i >= 0 && i >= start - NEGATION_REACH; i--) {
            if (tokens.clause(i) != tokens.clause(start)) {
                return false;
            }
            if (context.negation[i]) {
                return true;
            }
            // in "geen klachten over de levering" the "geen" belongs to "klachten", not to what follows
            if (lexicon.isProblemWord(tokens.word(i))) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether a phrase is negated: by a negation word shortly before it, unless the phrase already
     * says no itself ("nooit ontvangen" is not turned back into praise), or by one inside its gap.
     */
    private boolean isNegated(PhrasePattern.Match match, Context context) {
        return (!containsOwnNegation(match, context) && negatedBefore(match.start(), context)) || negatedInGap(match, context);
    }

    private static boolean containsOwnNegation(PhrasePattern.Match match, Context context) {
        for (int position : match.ownWords()) {
            if (context.negation[position]) {
                return true;
            }
        }
        return false;
    }

    /**
     * A negation word among the words a "..." of the phrase stood for ("levering was niet snel").
     * Words like "zonder" only negate the words right after them, so they do not count here:
     * "klacht zonder overleg afgesloten" is still a closed complaint.
     */
    private boolean negatedInGap(PhrasePattern.Match match, Context context) {
        for (int i = match.start(); i < match.end(); i++) {
            if (context.negation[i] && !match.isOwnWord(i) && !lexicon.isFrontOnlyNegationWord(context.tokens.word(i))) {
                return true;
            }
        }
        return false;
    }

    /** Everything the decisions about single matches need to know about the whole review. */
    private final class Context {
        final Tokens tokens;
        final List<PhraseIndex.Found> found;
        final int grade;
        final boolean gradeKnown;
        /** Whether each word is a negation word that really negates (not "nooit" in "nog nooit zo"). */
        final boolean[] negation;
        /** Parts of sentences separated by scope breakers ("maar", "but"). */
        final int[] segment;
        final Set<Integer> notRealSegments = new HashSet<>();
        final Set<Integer> conditionalSegments = new HashSet<>();
        final Set<Integer> sarcasticSentences = new HashSet<>();

        Context(Tokens tokens, List<PhraseIndex.Found> found, int grade) {
            this.tokens = tokens;
            this.found = found;
            this.grade = grade;
            this.gradeKnown = grade >= 1 && grade <= 10;
            int n = tokens.size();
            negation = new boolean[n];
            segment = new int[n];
            for (int i = 0; i < n; i++) {
                negation[i] = lexicon.isNegationWord(tokens.word(i));
                boolean newSegment = i > 0 && (tokens.sentence(i) != tokens.sentence(i - 1) || lexicon.isScopeBreaker(tokens.word(i)));
                segment[i] = i == 0 ? 0 : segment[i - 1] + (newSegment ? 1 : 0);
            }
            for (PhraseIndex.Found marker : found) {
                PhrasePattern.Match match = marker.match();
                switch (marker.entry().rule().kind()) {
                    case NOT_A_NEGATION -> {
                        for (int i = match.start(); i < match.end(); i++) {
                            negation[i] = false;
                        }
                    }
                    case NOT_A_REAL_COMPLAINT -> notRealSegments.add(segment[match.start()]);
                    case CONDITIONAL -> conditionalSegments.add(segment[match.start()]);
                    case SARCASM -> {
                        if (!gradeKnown || grade <= SARCASM_MAX_GRADE) {
                            // "Super snelle levering. Not." : the marker may also follow the praise
                            int sentence = tokens.sentence(match.start());
                            sarcasticSentences.add(sentence);
                            sarcasticSentences.add(sentence - 1);
                        }
                    }
                    default -> {
                        // complaint and churn lines are decided one by one
                    }
                }
            }
        }
    }

    /** "maar" and "but" start a new clause, except where they are no contrast ("komt maar niet"). */
    private Tokens cutClausesAtScopeBreakers(Tokens tokens) {
        boolean[] noContrast = new boolean[tokens.size()];
        for (PhraseIndex.Found found : lexicon.notScopeBreakerIndex().findAll(tokens)) {
            for (int i = found.match().start(); i < found.match().end(); i++) {
                noContrast[i] = true;
            }
        }
        return tokens.withClauseStartingAt(i -> lexicon.isScopeBreaker(tokens.word(i)) && !noContrast[i]);
    }

    private Tokens canonicalSpelling(Tokens tokens) {
        String[] words = tokens.words();
        for (int i = 0; i < words.length; i++) {
            words[i] = lexicon.spelling().canonical(words[i]);
        }
        return tokens.withWords(words);
    }

    private static String join(String title, String text) {
        boolean hasTitle = title != null && !title.isBlank();
        boolean hasText = text != null && !text.isBlank();
        if (hasTitle && hasText) {
            return title + "\n" + text; // the title is a sentence of its own
        }
        return hasTitle ? title : hasText ? text : "";
    }
}
