package io.shopscore.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopscore.config.ShopscoreConfig;
import io.shopscore.keys.Digests;
import io.shopscore.keys.ServiceKeys;
import io.shopscore.mail.MailKind;
import io.shopscore.mail.MailQueue;
import io.shopscore.persistence.UniqueConstraint;
import io.shopscore.problem.ProblemException;
import io.shopscore.security.ShopKeys;
import io.shopscore.shop.Shop;
import io.shopscore.shop.ShopApiKey;
import io.shopscore.web.Links;

/**
 * Who may open a shop's dashboard, and for how long: single-use links mailed to its members, the
 * shop's API key, the sessions they open, and the list of members.
 */
@ApplicationScoped
public class SignInService {

    /** The member name of a session opened with the shop's API key. */
    public static final String API_KEY = "api-key";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,189}\\.[^@\\s<>\".]{2,63}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final ServiceKeys keys;
    private final MailQueue mails;
    private final ShopKeys shopKeys;
    private final Links links;
    /** How long a mailed link works (shopscore.dashboard.link-valid). */
    private final Duration linkValid;
    /** A session ends after this long without a request (session-idle)... */
    private final Duration idle;
    /** ...and after this long in any case (session-max-age). */
    private final Duration maxAge;

    public SignInService(Clock clock, ServiceKeys keys, MailQueue mails, ShopKeys shopKeys, Links links, ShopscoreConfig config) {
        this.linkValid = config.dashboard().linkValid();
        this.idle = config.dashboard().sessionIdle();
        this.maxAge = config.dashboard().sessionMaxAge();
        this.clock = clock;
        this.keys = keys;
        this.mails = mails;
        this.shopKeys = shopKeys;
        this.links = links;
    }

    public static boolean isEmail(String email) {
        return email != null && email.strip().length() <= 254 && EMAIL.matcher(email.strip()).matches();
    }

    /**
     * Mails a link for every shop this address is a member of (the shop's contact address is one);
     * says nothing either way, so the answer never tells whether an address belongs to a shop.
     */
    @Transactional
    public void requestLink(String email, String lang) {
        if (!isEmail(email)) {
            throw ProblemException.invalid("email", "must be an email address");
        }
        String address = ShopMember.normalize(email);
        Set<Long> shopIds = new LinkedHashSet<>();
        ShopMember.withEmail(address).forEach(member -> shopIds.add(member.shopId()));
        Shop.<Shop>list("lower(contactEmail) = ?1", address).forEach(shop -> shopIds.add(shop.id()));
        Instant now = clock.instant();
        for (long shopId : shopIds) {
            SignInLink link = SignInLink.issue(shopId, address, now, linkValid);
            link.persist();
            link.tokenHash(Digests.sha256Hex(linkToken(link.id())));
            mails.toShopMember(MailKind.SIGN_IN_LINK, shopId, link.id(), address, lang);
        }
    }

    /**
     * How long a mailed link works as the pages and the mail say it, in whole minutes. Every text
     * that names the lifetime uses this one rounding, so they all agree, and a lifetime of seconds
     * is never shown as "0 minutes".
     */
    public long linkMinutes() {
        return minutesShown(linkValid);
    }

    /** Whole minutes, a part minute counted as one (PT90S is 2, PT30S is 1), and at least 1. */
    static long minutesShown(Duration lifetime) {
        long minutes = lifetime.toMinutes();
        if (lifetime.compareTo(Duration.ofMinutes(minutes)) > 0) {
            minutes++;
        }
        return Math.max(1, minutes);
    }

    /** The token of a link: derived from its id under a key only this service holds; never stored. */
    public String linkToken(long linkId) {
        return keys.urlSafe(ServiceKeys.Purpose.SIGN_IN_LINK, "sign-in:" + linkId);
    }

    public String linkUrl(long linkId) {
        return links.base() + "/dashboard/sign-in/" + linkToken(linkId);
    }

    public String signInPage() {
        return links.base() + "/dashboard/sign-in";
    }

    /** The shop a still-usable link opens, for the page that asks to confirm; empty for any other token. */
    @Transactional
    public Optional<String> shopOfLink(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return SignInLink.byTokenHash(Digests.sha256Hex(token)).filter(link -> link.usable(clock.instant()))
                .map(link -> Shop.<Shop>findById(link.shopId()).name());
    }

    /** Spends a link and opens a session for its member; empty when the link is unknown, used or expired. */
    @Transactional
    public Optional<NewSession> useLink(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<SignInLink> found = SignInLink.forUpdate(Digests.sha256Hex(token));
        if (found.isEmpty() || !found.get().use(now)) {
            return Optional.empty();
        }
        SignInLink link = found.get();
        if (!isMember(link.shopId(), link.email())) {
            return Optional.empty();
        }
        return Optional.of(open(Shop.findById(link.shopId()), link.email(), null, now));
    }

    /** Opens a session with the shop's API key; empty when no shop has it. */
    @Transactional
    public Optional<NewSession> signInWithApiKey(String apiKey, String clientAddress) {
        if (apiKey == null || !shopKeys.hasApiKeyForm(apiKey.strip())) {
            return Optional.empty();
        }
        return shopKeys.slugForApiKey(apiKey.strip(), clientAddress)
                .flatMap(Shop::findBySlug)
                .map(shop -> open(shop, API_KEY, ShopApiKey.sessionDigest(apiKey.strip()), clock.instant()));
    }

    private NewSession open(Shop shop, String member, String apiKeyDigest, Instant now) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        DashboardSession.open(Digests.sha256Hex(sessionId), shop.id(), member, apiKeyDigest, now, maxAge).persist();
        String cookie = SessionCookie.write(keys, new SessionCookie.Claims(shop.id(), member, now, now.plus(maxAge), sessionId));
        return new NewSession(cookie, maxAge, shop.slug());
    }

    /** Who a cookie signs in, when its signature holds and its session is live (not signed out, idle or too old). */
    @Transactional
    public Optional<SignedIn> signedIn(String cookie) {
        Optional<SessionCookie.Claims> claims = SessionCookie.read(keys, cookie);
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        SessionCookie.Claims c = claims.get();
        if (!now.isBefore(c.expiresAt())) {
            return Optional.empty();
        }
        String idHash = Digests.sha256Hex(c.sessionId());
        Optional<DashboardSession> session = DashboardSession.byIdHash(idHash)
                .filter(found -> found.shopId() == c.shopId() && found.member().equals(c.member()) && found.live(now, idle));
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Shop shop = Shop.findById(c.shopId());
        // The right to be here is checked on every request, not only at sign-in: revoking a key (it
        // may have leaked; the operator's rotation revokes them all) ends the sessions opened with it,
        // while a session opened with the other live key goes on; a colleague removed or a contact
        // address replaced is out at once.
        boolean stillEntitled = API_KEY.equals(c.member())
                ? openedWithLiveKey(shop.id(), session.get().apiKeyDigest())
                : isMember(shop.id(), c.member());
        if (!stillEntitled) {
            session.get().end(now);
            return Optional.empty();
        }
        session.get().seen(now);
        return Optional.of(new SignedIn(shop.id(), shop.slug(), shop.name(), c.member(), idHash,
                keys.urlSafe(ServiceKeys.Purpose.DASHBOARD_FORM, c.sessionId())));
    }

    private static boolean openedWithLiveKey(long shopId, String sessionKeyDigest) {
        byte[] opened = String.valueOf(sessionKeyDigest).getBytes(StandardCharsets.US_ASCII);
        boolean live = false;
        for (String digest : ShopApiKey.liveSessionDigests(shopId)) {
            live |= MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII), opened);
        }
        return live;
    }

    /** Whether a posted form token is this session's, in time independent of where they differ. */
    public static boolean formTokenMatches(SignedIn session, String posted) {
        return posted != null && MessageDigest.isEqual(session.formToken().getBytes(StandardCharsets.US_ASCII),
                posted.getBytes(StandardCharsets.US_ASCII));
    }

    @Transactional
    public void signOut(SignedIn session) {
        DashboardSession.byIdHash(session.idHash()).ifPresent(found -> found.end(clock.instant()));
    }

    /** Ends every session of this member on this shop, on every device. */
    @Transactional
    public void signOutEverywhere(SignedIn session) {
        DashboardSession.endAll(session.shopId(), session.member(), clock.instant());
    }

    /** The shop's members: its contact address first (changed in the shop's settings), then the colleagues added here. */
    @Transactional
    public List<MemberView> members(SignedIn session) {
        List<MemberView> members = new ArrayList<>();
        Shop shop = Shop.findById(session.shopId());
        if (shop.contactEmail() != null) {
            members.add(new MemberView(null, ShopMember.normalize(shop.contactEmail()), null, shop.createdAt()));
        }
        ShopMember.ofShop(session.shopId()).stream()
                .filter(member -> shop.contactEmail() == null || !member.email().equals(ShopMember.normalize(shop.contactEmail())))
                .forEach(member -> members.add(new MemberView(member.id(), member.email(), member.addedBy(), member.addedAt())));
        return members;
    }

    /** Adds a colleague, who gets a mail saying who added them; 409 when they are a member already. */
    @Transactional
    public void addMember(SignedIn session, String email, String lang) {
        if (!isEmail(email)) {
            throw ProblemException.invalid("email", "must be an email address");
        }
        String address = ShopMember.normalize(email);
        if (isMember(session.shopId(), address)) {
            throw ProblemException.conflict(address + " is a member already.");
        }
        ShopMember member = ShopMember.add(session.shopId(), address, session.member(), clock.instant());
        member.persist();
        UniqueConstraint.flushOrConflict(address + " is a member already.");
        mails.toShopMember(MailKind.MEMBER_ADDED, session.shopId(), member.id(), address, lang);
    }

    /** Removes a colleague and ends their sessions; 404 for anyone not on this shop's list. */
    @Transactional
    public void removeMember(SignedIn session, long memberId) {
        ShopMember member = ShopMember.<ShopMember>findByIdOptional(memberId)
                .filter(found -> found.shopId() == session.shopId())
                .orElseThrow(() -> ProblemException.notFound("There is no such colleague."));
        DashboardSession.endAll(session.shopId(), member.email(), clock.instant());
        member.delete();
    }

    private static boolean isMember(long shopId, String address) {
        if (ShopMember.of(shopId, address).isPresent()) {
            return true;
        }
        Shop shop = Shop.findById(shopId);
        return shop.contactEmail() != null && ShopMember.normalize(shop.contactEmail()).equals(address);
    }

    /** For the mails: the shop member a mail is about (empty once removed) and the link a mail carries. */
    @Transactional
    public Optional<ShopMember> member(long memberId) {
        return ShopMember.findByIdOptional(memberId);
    }

    @Transactional
    public Optional<SignInLink> link(long linkId) {
        return SignInLink.findByIdOptional(linkId);
    }
}
