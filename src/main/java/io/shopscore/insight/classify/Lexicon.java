package io.shopscore.insight.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The classifier's knowledge, read from plain-text lexicon files (see
 * {@code src/main/resources/insights/} and {@code docs/insights.md} for the format). It is built
 * once and never changed afterwards, so one instance can serve any number of threads.
 *
 * <p>A file is a list of sections; a section starts with a line such as {@code [delivery]} and
 * holds one entry per line; {@code #} starts a comment. Groups of words from {@code [words]}
 * sections and phrase lists from {@code [phrases NAME]} sections are shared by all files, so a
 * group named in two files holds the words of both.
 */
final class Lexicon {

    /** The files the service uses, in the order they are read. */
    static final List<String> RESOURCES = List.of("insights/lexicon-nl.txt", "insights/lexicon-en.txt");

    private static final String WHEN_NEGATED = " when negated";
    private static final String TOPIC_WORDS = " topic words";
    private static final String UNLESS = "(unless:";
    private static final String WITH = "(with:";

    private static final Map<String, Rule.Kind> PHRASE_SECTIONS = Map.of(
            "churn", Rule.Kind.CHURN,
            "not churn", Rule.Kind.NOT_CHURN,
            "not a negation", Rule.Kind.NOT_A_NEGATION,
            "not a scope breaker", Rule.Kind.NOT_A_SCOPE_BREAKER,
            "not a real complaint", Rule.Kind.NOT_A_REAL_COMPLAINT,
            "conditional", Rule.Kind.CONDITIONAL,
            "sarcasm", Rule.Kind.SARCASM,
            "complaint signals", Rule.Kind.COMPLAINT_SIGNAL,
            "praise signals", Rule.Kind.PRAISE_SIGNAL);

    private static final String NEGATION_WORDS = "negation words";
    private static final String FRONT_ONLY_NEGATION_WORDS = "negation words in front only";
    private static final String SCOPE_BREAKERS = "scope breakers";
    private static final String PROBLEM_WORDS = "problem words";
    private static final String PLACE_WORDS = "place words";
    private static final String GROUPS = "words";
    private static final String PHRASE_LIST = "phrases ";
    /** A line may name several phrase lists; this bounds how many phrases it can expand to. */
    private static final int MAX_EXPANSIONS = 2_000;

    private final Set<String> negationWords;
    private final Set<String> frontOnlyNegationWords;
    private final Set<String> scopeBreakers;
    private final Set<String> problemWords;
    private final Set<String> placeWords;
    private final List<Rule> rules;
    private final PhraseIndex index;
    private final PhraseIndex notScopeBreakerIndex;
    private final SpellingTolerance spelling;
    private final String fingerprint;

    private Lexicon(Set<String> negationWords, Set<String> frontOnlyNegationWords, Set<String> scopeBreakers,
            Set<String> problemWords, Set<String> placeWords, List<Rule> rules, Set<String> vocabulary, String fingerprint) {
        this.fingerprint = fingerprint;
        this.placeWords = Set.copyOf(placeWords);
        this.negationWords = Set.copyOf(negationWords);
        this.frontOnlyNegationWords = Set.copyOf(frontOnlyNegationWords);
        this.scopeBreakers = Set.copyOf(scopeBreakers);
        this.problemWords = Set.copyOf(problemWords);
        this.rules = List.copyOf(rules);
        // "maar" is no contrast in "komt maar niet": that must be known before clauses are cut
        this.notScopeBreakerIndex = new PhraseIndex(this.rules.stream().filter(r -> r.kind() == Rule.Kind.NOT_A_SCOPE_BREAKER).toList());
        this.index = new PhraseIndex(this.rules.stream().filter(r -> r.kind() != Rule.Kind.NOT_A_SCOPE_BREAKER).toList());
        this.spelling = new SpellingTolerance(vocabulary);
    }

    /** The SHA-256 of the lexicon files this was read from: trained weights are only valid for these. */
    String fingerprint() {
        return fingerprint;
    }

    /** Words that negate what follows them: niet, geen, nooit, not, never, zonder, ... */
    boolean isNegationWord(String word) {
        return negationWords.contains(word) || frontOnlyNegationWords.contains(word);
    }

    /** Negation words that negate only what follows them directly, never words further on (zonder, without). */
    boolean isFrontOnlyNegationWord(String word) {
        return frontOnlyNegationWords.contains(word);
    }

    /** Words that start a new clause, so a negation or a phrase before them does not reach past: maar, but, ... */
    boolean isScopeBreaker(String word) {
        return scopeBreakers.contains(word);
    }

    /** Nouns such as "probleem" and "klacht" that a negation in front of them belongs to. */
    boolean isProblemWord(String word) {
        return problemWords.contains(word);
    }

    /** Prepositions that make a topic word a place ("op de site", "at checkout") rather than the subject. */
    boolean isPlaceWord(String word) {
        return placeWords.contains(word);
    }

    List<Rule> rules() {
        return rules;
    }

    /** All lines except the {@code [not a scope breaker]} ones. */
    PhraseIndex index() {
        return index;
    }

    /** The {@code [not a scope breaker]} lines, matched before clauses are cut at scope breakers. */
    PhraseIndex notScopeBreakerIndex() {
        return notScopeBreakerIndex;
    }

    SpellingTolerance spelling() {
        return spelling;
    }

    /** Reads the service's lexicon files from the classpath. */
    static Lexicon load() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String resource : RESOURCES) {
            files.put(resource, read(resource));
        }
        return parse(files);
    }

    private static String read(String resource) {
        ClassLoader loader = Lexicon.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("lexicon file missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon file " + resource, e);
        }
    }

    /**
     * Parses lexicon files given as file name to content. Any mistake in a file is reported with
     * its file name and line number, so a broken lexicon stops the service at start-up rather
     * than silently classifying less.
     */
    static Lexicon parse(Map<String, String> files) {
        Parser parser = new Parser();
        // groups and phrase lists first, so a line may use one defined further down or in another file
        files.forEach((name, content) -> parser.readFile(name, content, true));
        files.forEach((name, content) -> parser.readFile(name, content, false));
        return new Lexicon(parser.negationWords, parser.frontOnlyNegationWords, parser.scopeBreakers, parser.problemWords,
                parser.placeWords, parser.rules, parser.vocabulary, Fingerprint.of(files));
    }

    private static final class Parser {

        final Map<String, WordMatcher.Builder> groups = new HashMap<>();
        final Map<String, List<String>> phraseLists = new HashMap<>();
        final Set<String> negationWords = new HashSet<>();
        final Set<String> frontOnlyNegationWords = new HashSet<>();
        final Set<String> scopeBreakers = new HashSet<>();
        final Set<String> problemWords = new HashSet<>();
        final Set<String> placeWords = new HashSet<>();
        final List<Rule> rules = new ArrayList<>();
        final Set<String> vocabulary = new HashSet<>();

        void readFile(String file, String content, boolean definitionsOnly) {
            String section = null;
            String[] lines = content.split("\n", -1);
            for (int number = 1; number <= lines.length; number++) {
                String line = stripComment(lines[number - 1]);
                if (line.isEmpty()) {
                    continue;
                }
                String origin = file + ":" + number;
                try {
                    if (line.startsWith("[") && line.endsWith("]")) {
                        section = line.substring(1, line.length() - 1).trim().toLowerCase(Locale.ROOT);
                        checkSection(section);
                    } else if (section == null) {
                        throw new IllegalArgumentException("entry before the first [section]");
                    } else if (isDefinition(section) == definitionsOnly) {
                        readEntry(section, line, origin);
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(origin + ": " + e.getMessage() + " in: " + line, e);
                }
            }
        }

        private static String stripComment(String line) {
            int hash = line.indexOf('#');
            return (hash >= 0 ? line.substring(0, hash) : line).strip();
        }

        private static boolean isDefinition(String section) {
            return section.equals(GROUPS) || section.startsWith(PHRASE_LIST);
        }

        private static void checkSection(String section) {
            if (section.startsWith(PHRASE_LIST)) {
                if (section.substring(PHRASE_LIST.length()).trim().isEmpty() || section.substring(PHRASE_LIST.length()).trim().contains(" ")) {
                    throw new IllegalArgumentException("a phrase list is named with one word: [phrases NAME]");
                }
                return;
            }
            if (section.equals(GROUPS) || section.equals(NEGATION_WORDS) || section.equals(FRONT_ONLY_NEGATION_WORDS)
                    || section.equals(SCOPE_BREAKERS)
                    || section.equals(PROBLEM_WORDS) || section.equals(PLACE_WORDS) || PHRASE_SECTIONS.containsKey(section) || topicOf(section).isPresent()) {
                return;
            }
            throw new IllegalArgumentException("unknown section [" + section + "]");
        }

        private static Optional<Topic> topicOf(String section) {
            String code = section;
            for (String suffix : List.of(WHEN_NEGATED, TOPIC_WORDS)) {
                if (code.endsWith(suffix)) {
                    code = code.substring(0, code.length() - suffix.length());
                }
            }
            return Topic.fromCode(code.trim());
        }

        private void readEntry(String section, String line, String origin) {
            if (section.startsWith(PHRASE_LIST)) {
                phraseLists.computeIfAbsent(section.substring(PHRASE_LIST.length()).trim(), n -> new ArrayList<>()).add(line);
                return;
            }
            switch (section) {
                case GROUPS -> readGroup(line);
                case NEGATION_WORDS -> readWords(line, negationWords);
                case FRONT_ONLY_NEGATION_WORDS -> readWords(line, frontOnlyNegationWords);
                case SCOPE_BREAKERS -> readWords(line, scopeBreakers);
                case PROBLEM_WORDS -> readWords(line, problemWords);
                case PLACE_WORDS -> readWords(line, placeWords);
                default -> readRule(section, line, origin);
            }
        }

        private void readGroup(String line) {
            int equals = line.indexOf('=');
            if (!line.startsWith("@") || equals < 0) {
                throw new IllegalArgumentException("a group is written as: @name = word word ...");
            }
            String name = line.substring(1, equals).trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || name.contains(" ")) {
                throw new IllegalArgumentException("a group name is one word");
            }
            WordMatcher.Builder group = groups.computeIfAbsent(name, n -> new WordMatcher.Builder());
            for (String member : line.substring(equals + 1).trim().split("\\s+")) {
                if (!member.isEmpty()) {
                    addAlternative(group, member, false);
                }
            }
        }

        private void readWords(String line, Set<String> target) {
            for (String item : line.split("\\s+")) {
                String word = singleWord(item);
                target.add(word);
                vocabulary.add(word);
            }
        }

        private void readRule(String section, String line, String origin) {
            Rule.Kind kind = PHRASE_SECTIONS.get(section);
            Topic topic = null;
            if (kind == null) {
                topic = topicOf(section).orElseThrow();
                kind = section.endsWith(WHEN_NEGATED) ? Rule.Kind.COMPLAINT_WHEN_NEGATED
                        : section.endsWith(TOPIC_WORDS) ? Rule.Kind.TOPIC_WORD : Rule.Kind.COMPLAINT;
            }
            // trailing options, in any order: (unless: ...) and (with: ...)
            String phrases = line;
            WordMatcher unless = new WordMatcher.Builder().build();
            WordMatcher onlyWith = new WordMatcher.Builder().build();
            while (phrases.endsWith(")")) {
                int open = phrases.lastIndexOf('(');
                String option = open < 0 ? "" : phrases.substring(open);
                boolean isUnless = option.startsWith(UNLESS);
                if (!isUnless && !option.startsWith(WITH)) {
                    throw new IllegalArgumentException("a line may end with (unless: ...) or (with: ...), nothing else in brackets");
                }
                WordMatcher.Builder words = new WordMatcher.Builder();
                String list = option.substring(isUnless ? UNLESS.length() : WITH.length(), option.length() - 1).trim();
                for (String word : list.split("\\s+")) {
                    if (!word.isEmpty()) {
                        addAlternative(words, word, true);
                    }
                }
                if (isUnless) {
                    unless = words.build();
                } else {
                    onlyWith = words.build();
                }
                phrases = phrases.substring(0, open).trim();
            }
            if (phrases.indexOf('(') >= 0 || phrases.indexOf(')') >= 0) {
                throw new IllegalArgumentException("brackets are only for (unless: ...) and (with: ...) at the end of a line");
            }
            String[] parts = phrases.split("\\s\\+\\s");
            if (parts.length > 1 && kind != Rule.Kind.COMPLAINT && kind != Rule.Kind.CHURN) {
                throw new IllegalArgumentException("only complaint and churn lines may join phrases with +");
            }
            List<List<PhrasePattern>> patterns = new ArrayList<>();
            for (String part : parts) {
                List<PhrasePattern> alternatives = new ArrayList<>();
                for (String expanded : expandPhraseLists(part.trim(), 0)) {
                    alternatives.add(phrase(expanded));
                }
                patterns.add(alternatives);
            }
            rules.add(new Rule(kind, topic, patterns, unless, onlyWith, origin, line));
        }

        /** Every phrase a line stands for: "{slecht} levering" is one phrase per line of the list "slecht". */
        private List<String> expandPhraseLists(String text, int depth) {
            int open = text.indexOf('{');
            if (open < 0) {
                return List.of(text);
            }
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("{ without }");
            }
            if (depth > 8) {
                throw new IllegalArgumentException("phrase lists nested too deep");
            }
            String name = text.substring(open + 1, close).trim().toLowerCase(Locale.ROOT);
            List<String> list = phraseLists.get(name);
            if (list == null) {
                throw new IllegalArgumentException("unknown phrase list {" + name + "}");
            }
            List<String> expanded = new ArrayList<>();
            for (String phrase : list) {
                String replaced = text.substring(0, open) + phrase + text.substring(close + 1);
                expanded.addAll(expandPhraseLists(replaced, depth + 1));
                if (expanded.size() > MAX_EXPANSIONS) {
                    throw new IllegalArgumentException("expands to more than " + MAX_EXPANSIONS + " phrases");
                }
            }
            return expanded;
        }

        private PhrasePattern phrase(String text) {
            List<PhrasePattern.Step> steps = new ArrayList<>();
            for (String element : text.split("\\s+")) {
                if (element.equals("...")) {
                    steps.add(new PhrasePattern.Gap(PhrasePattern.GAP_WORDS));
                } else if (element.equals("..")) {
                    steps.add(new PhrasePattern.Gap(PhrasePattern.SHORT_GAP_WORDS));
                } else if (element.equals("<end>")) {
                    steps.add(new PhrasePattern.End());
                } else if (element.contains("/") || element.startsWith("@") || element.endsWith("*") || element.equals("<number>")) {
                    WordMatcher.Builder alternatives = new WordMatcher.Builder();
                    for (String alternative : element.split("/")) {
                        addAlternative(alternatives, alternative, true);
                    }
                    steps.add(new PhrasePattern.Word(alternatives.build()));
                } else {
                    // a plain word may stand for several: "e-mail" is "e mail", "didn't" is "did not"
                    List<String> words = Tokenizer.words(element);
                    if (words.isEmpty()) {
                        throw new IllegalArgumentException("'" + element + "' has no letters or digits");
                    }
                    for (String word : words) {
                        vocabulary.add(word);
                        steps.add(new PhrasePattern.Word(new WordMatcher.Builder().word(word).build()));
                    }
                }
            }
            return new PhrasePattern(steps, text);
        }

        private void addAlternative(WordMatcher.Builder target, String alternative, boolean groupsAllowed) {
            if (alternative.equals("<number>")) {
                target.anyNumber();
            } else if (alternative.startsWith("@")) {
                if (!groupsAllowed) {
                    throw new IllegalArgumentException("a group cannot contain another group");
                }
                WordMatcher.Builder group = groups.get(alternative.substring(1).toLowerCase(Locale.ROOT));
                if (group == null) {
                    throw new IllegalArgumentException("unknown group " + alternative);
                }
                target.all(group.build());
            } else if (alternative.endsWith("*")) {
                String prefix = singleWord(alternative.substring(0, alternative.length() - 1));
                if (prefix.length() < PhraseIndex.PREFIX_KEY_LENGTH) {
                    throw new IllegalArgumentException("a word beginning needs at least " + PhraseIndex.PREFIX_KEY_LENGTH + " letters: " + alternative);
                }
                target.prefix(prefix);
            } else {
                String word = singleWord(alternative);
                vocabulary.add(word);
                target.word(word);
            }
        }

        private static String singleWord(String text) {
            List<String> words = Tokenizer.words(text);
            if (words.size() != 1) {
                throw new IllegalArgumentException("'" + text + "' must be exactly one word here"
                        + " (only letters and digits make words, and a hyphen or an apostrophe splits them: write such a word as a phrase on a line of its own)");
            }
            return words.get(0);
        }
    }
}
