package io.shopscore.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.insight.InsightLinks;
import io.shopscore.invitation.CreateInvitation;
import io.shopscore.invitation.Invitation;
import io.shopscore.invitation.InvitationProduct;
import io.shopscore.invitation.InvitationService;
import io.shopscore.invitation.InvitationState;
import io.shopscore.invitation.InvitationView;
import io.shopscore.paging.PageRequest;
import io.shopscore.review.ReviewService;
import io.shopscore.review.ReviewSubmission;
import io.shopscore.review.ReviewSubmission.ProductRating;
import io.shopscore.review.ShopResponse;
import io.shopscore.shop.CreateShop;
import io.shopscore.shop.ShopService;
import io.shopscore.web.Links;

/**
 * The shop {@code demo} with a year of reviews, so that a newcomer sees a living badge, review page
 * and score at once (on in dev mode, {@code shopscore.demo.enabled}). Everything goes through the
 * same services as real traffic, so the demo score is built the same way as any other.
 */
@ApplicationScoped
public class DemoData {

    static final String SLUG = "demo";
    private static final Logger LOG = Logger.getLogger(DemoData.class);

    /**
     * A review written {@code daysAgo} days ago, with the shop's response if any, and the grades of
     * the products its order held (the order lists exactly these).
     */
    record DemoReview(int daysAgo, int score, Boolean recommend, String locale, String title, String text, String name, String response,
            ProductRating... products) {
    }

    // The coffee shop of widget/demo.html: its product stars and the product page show these.
    static final String ESPRESSO = "ESPRESSO-CLASSICO-1KG";
    static final String LUNGO = "LUNGO-FORTE-500G";
    static final String DECAF = "DECAF-SUAVE-250G";
    static final String CUPS = "CUPS-ESPRESSO-4";
    private static final Map<String, InvitationProduct> PRODUCTS = Map.of(
            ESPRESSO, product(ESPRESSO, "Espresso Classico, 1 kg", "espresso-classico"),
            LUNGO, product(LUNGO, "Lungo Forte, 500 g", "lungo-forte"),
            DECAF, product(DECAF, "Decaf Suave, 250 g", "decaf-suave"),
            CUPS, product(CUPS, "Espressokopjes, set van 4", "espressokopjes"));

    private static InvitationProduct product(String sku, String name, String page) {
        return new InvitationProduct(sku, name, "https://demo.shopscore.example/" + page, null, null, "De Boon", null);
    }

    private static ProductRating grade(String sku, int score) {
        return new ProductRating(sku, score, null);
    }

    private static ProductRating grade(String sku, int score, String text) {
        return new ProductRating(sku, score, text);
    }

    private static final List<DemoReview> REVIEWS = List.of(
            new DemoReview(2, 9, true, "nl", "Snel en netjes", "Zondag besteld, maandag in huis. Goed verpakt en precies wat ik zocht.", "Sanne", null,
                    grade(ESPRESSO, 9, "Vol en romig, met een zoete afdronk. Precies goed voor de ochtend.")),
            new DemoReview(5, 10, true, "en", "Excellent service", "Ordered a gift on Friday, it arrived on Saturday with a handwritten note. Lovely.", "Tom", null,
                    grade(CUPS, 10, "Thick walls keep the espresso warm. A lovely present.")),
            new DemoReview(9, 4, false, "nl", "Te laat geleverd", "Levering was drie dagen later dan beloofd en niemand liet iets weten. Via de chat kreeg ik pas na twee dagen antwoord.", "Mark",
                    "Sorry Mark, dit had beter gemoeten. We hebben de vervoerder gewisseld voor jouw regio en je verzendkosten teruggestort.",
                    grade(LUNGO, 7)),
            new DemoReview(16, 8, true, "nl", null, "Prima winkel, duidelijke website. De retour ging ook zonder gedoe.", "Fatima", null,
                    grade(ESPRESSO, 8), grade(DECAF, 6, "Smaakt prima, maar mist wat body.")),
            new DemoReview(23, 7, true, "en", "Good, but slow replies", "Product is fine. It took a week to get an answer to my email about the size, though.", null, null,
                    grade(LUNGO, 6)),
            new DemoReview(31, 10, true, "nl", "Top!", "Super snelle levering en de klantenservice dacht echt met me mee.", "Joost", null,
                    grade(ESPRESSO, 10, "De beste bonen die ik thuis heb gehad.")),
            new DemoReview(44, 3, false, "nl", "Niet op voorraad", "Na betaling kreeg ik te horen dat het artikel niet op voorraad was. Geld pas na drie weken terug. Nooit meer.", "Linda",
                    "Linda, dit is precies wat niet mag gebeuren. Onze voorraad loopt nu live mee met de website, zodat dit niet meer kan."),
            new DemoReview(58, 9, true, "en", null, "Great prices and the parcel was tracked all the way.", "Priya", null,
                    grade(ESPRESSO, 9), grade(CUPS, 9)),
            new DemoReview(73, 8, null, "nl", "Tevreden", "Alles zoals verwacht. Verpakking mocht wat minder plastic.", null, null,
                    grade(DECAF, 5)),
            new DemoReview(96, 9, true, "nl", null, "Voor de tweede keer besteld en weer blij mee.", "Henk", null,
                    grade(ESPRESSO, 8), grade(LUNGO, 8)),
            new DemoReview(120, 6, false, "en", "Okay", "The item is okay but smaller than the photos suggest.", "Chris", null,
                    grade(DECAF, 4, "Flat and a little sour; I will stay with the real thing.")),
            new DemoReview(150, 10, true, "nl", "Aanrader", "Vriendelijk contact, snelle levering en een mooi product. Wat wil je nog meer?", "Eva", null,
                    grade(ESPRESSO, 10), grade(CUPS, 9)),
            new DemoReview(190, 8, true, "en", null, "Easy checkout and delivery within two days.", null, null),
            new DemoReview(240, 9, true, "nl", "Heel fijn", "Klantenservice belde zelf terug toen er iets mis was met mijn adres.", "Ahmed", null,
                    grade(LUNGO, 9, "Krachtig, zonder bitter te worden.")),
            new DemoReview(300, 7, true, "nl", null, "Goede producten, levertijd was wel wat lang.", "Ingrid", null),
            new DemoReview(340, 10, true, "en", "Five stars", "Perfect from start to finish.", "Lucy", null,
                    grade(ESPRESSO, 9)),
            new DemoReview(400, 5, false, "nl", "Klacht niet opgevolgd", "Mijn klacht over een beschadigd pakket is nooit beantwoord.", "Ruud", null),
            new DemoReview(430, 9, true, "nl", null, "Snel, goedkoop en goed.", "Noor", null));

    private final ShopscoreConfig config;
    private final ShopService shops;
    private final InvitationService invitations;
    private final ReviewService reviews;
    private final Links links;
    private final Clock clock;
    private final InsightLinks insightLinks;

    public DemoData(ShopscoreConfig config, ShopService shops, InvitationService invitations, ReviewService reviews, Links links,
            Clock clock, InsightLinks insightLinks) {
        this.config = config;
        this.shops = shops;
        this.invitations = invitations;
        this.reviews = reviews;
        this.links = links;
        this.clock = clock;
        this.insightLinks = insightLinks;
    }

    void onStart(@Observes StartupEvent start) {
        if (!config.demo().enabled()) {
            return;
        }
        String apiKey = config.demo().apiKey();
        shops.createWithKey(new CreateShop(SLUG, "Demo Shop", "https://demo.shopscore.example", "nl"), apiKey)
                .ifPresent(created -> seed());
        List<InvitationView> open = invitations.list(SLUG, InvitationState.PENDING, new PageRequest(0, 3)).items();
        LOG.infof("Demo shop ready: review page %s, widget demo %s/widget/demo.html, API key %s",
                links.shopPage(SLUG), links.base(), apiKey);
        open.forEach(invitation -> LOG.infof("Open invitation for %s (%s): %s", invitation.orderRef(), invitation.locale(),
                invitation.reviewUrl()));
        LOG.infof("Demo shop's insights page (valid an hour): %s", insightLinks.issue(SLUG).url());
    }

    private void seed() {
        Instant now = clock.instant();
        int order = 1000;
        for (DemoReview demo : REVIEWS) {
            order++;
            // mailed invitations, as most shops will send them; the demo reads the link the service would mail
            String orderRef = orderRef(order);
            List<InvitationProduct> ordered = Arrays.stream(demo.products()).map(grade -> PRODUCTS.get(grade.sku())).toList();
            invitations.invite(SLUG, new CreateInvitation(orderRef, "customer" + order + "@example.com", demo.name(), demo.locale(),
                    null, null, ordered));
            String token = QuarkusTransaction.requiringNew().call(() -> Invitation.tokenOf(SLUG, orderRef));
            var written = reviews.write(token, new ReviewSubmission(demo.score(), demo.text(), demo.title(), demo.recommend(), demo.name(),
                    List.of(demo.products())), now.minus(Duration.ofDays(demo.daysAgo())), null);
            if (demo.response() != null) {
                reviews.respond(SLUG, written.id(), new ShopResponse(demo.response()), ReviewService.BY_API);
            }
        }
        for (String locale : List.of("nl", "en")) {
            order++;
            // link invitations, so that the log can show a newcomer where to try the review form (and grade two products)
            invitations.invite(SLUG, new CreateInvitation(orderRef(order), "customer" + order + "@example.com",
                    locale.equals("nl") ? "Kees Jansen" : "Jane Smith", locale, null, "link", List.of(PRODUCTS.get(ESPRESSO), PRODUCTS.get(CUPS))));
        }
    }

    private static String orderRef(int order) {
        return "DEMO-" + order;
    }
}
