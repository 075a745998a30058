package io.shopscore.connector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shopscore.i18n.Locales;
import io.shopscore.invitation.CreateInvitation;
import io.shopscore.invitation.InvitationProduct;
import io.shopscore.invitation.InvitationService;
import io.shopscore.persistence.UniqueConstraint;
import io.shopscore.problem.ProblemException;
import io.shopscore.shop.Shop;
import io.shopscore.shop.ShopService;
import io.shopscore.web.Links;

/** Shop platforms' order webhooks in, email invitations out: once per order, however often it is delivered. */
@ApplicationScoped
public class ConnectorService {

    private static final Logger LOG = Logger.getLogger(ConnectorService.class);

    /** What WooCommerce posts, unsigned and form-encoded, when a webhook is saved. */
    private static final Pattern WOO_PING = Pattern.compile("webhook_id=[0-9]{1,20}");
    private static final int MAX_NAME = 100;
    private static final int MAX_ORDER_REF = 100;

    /** One delivery as it arrived: the raw body and the headers that matter. */
    public record Delivery(byte[] body, String signature, String topic) {
    }

    private record Settings(long shopId, String secret, String inviteOn) {
    }

    private final Clock clock;
    private final ConnectorSecrets secrets;
    private final InvitationService invitations;
    private final Locales locales;
    private final Links links;
    private final ObjectMapper json;
    private final Validator validator;

    public ConnectorService(Clock clock, ConnectorSecrets secrets, InvitationService invitations, Locales locales, Links links,
            ObjectMapper json, Validator validator) {
        this.clock = clock;
        this.secrets = secrets;
        this.invitations = invitations;
        this.locales = locales;
        this.links = links;
        this.json = json;
        this.validator = validator;
    }

    /** Sets up the shop's connector for a platform, or changes its secret and status. */
    public ConnectorView configure(String slug, String platformName, ConnectorSettings settings) {
        Platform platform = Platform.ofPath(platformName);
        String inviteOn = platform.inviteOn(settings.inviteOn());
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Shop shop = ShopService.require(slug);
                String sealed = secrets.seal(settings.secret(), shop.id(), platform);
                Connector connector = Connector.find(shop.id(), platform).orElse(null);
                if (connector == null) {
                    connector = Connector.create(shop.id(), platform, sealed, inviteOn, clock.instant());
                    connector.persist();
                    Connector.flush();
                } else {
                    connector.change(sealed, inviteOn, clock.instant());
                }
                return view(slug, connector);
            });
        } catch (RuntimeException e) {
            if (UniqueConstraint.isUniqueViolation(e)) {
                // Two first set-ups at once: the other one's row exists now; this one's settings go into it.
                return configure(slug, platformName, settings);
            }
            throw e;
        }
    }

    /** The shop's connector for a platform, without its secret. */
    public Optional<ConnectorView> find(String slug, String platformName) {
        Platform platform = Platform.ofPath(platformName);
        return QuarkusTransaction.requiringNew().call(() -> Connector.find(ShopService.require(slug).id(), platform)
                .map(connector -> view(slug, connector)));
    }

    /** Removes the shop's connector: the platform's deliveries are refused from now on (404). */
    public boolean remove(String slug, String platformName) {
        Platform platform = Platform.ofPath(platformName);
        return QuarkusTransaction.requiringNew().call(() -> Connector.find(ShopService.require(slug).id(), platform)
                .map(connector -> {
                    connector.delete();
                    return true;
                }).orElse(false));
    }

    /**
     * Takes one webhook delivery. The signature is checked on the raw bytes before anything reads
     * them (401 when missing or wrong), then the body is read as JSON (400 when it is not) and the
     * order is invited when its status is the connector's. An order invites once: its row in
     * {@code connector_order} answers every later delivery, and two deliveries at once meet at the
     * invitation's unique order reference and then at that row's unique key.
     */
    public DeliveryResult receive(String slug, Platform platform, Delivery delivery) {
        Settings settings = settings(slug, platform);
        if (platform == Platform.WOOCOMMERCE && delivery.signature() == null && isPing(delivery.body())) {
            return DeliveryResult.ping();
        }
        if (!Signatures.valid(delivery.body(), delivery.signature(), settings.secret())) {
            throw ProblemException.unauthorized(delivery.signature() == null
                    ? "The delivery carries no signature header (" + signatureHeader(platform) + ")."
                    : "The signature does not match the body under this connector's secret: check the secret set with "
                            + "PUT /api/v1/shops/" + slug + "/connectors/" + platform.json() + ".");
        }
        IncomingOrder order = IncomingOrder.read(platform, delivery.topic(), parse(delivery.body()), settings.inviteOn(), locales::match);
        if (!order.invites()) {
            return DeliveryResult.ignored(order.ignoredBecause());
        }
        Optional<Long> earlier = QuarkusTransaction.requiringNew().call(() -> ConnectorOrder.find(settings.shopId(), platform, order.orderId())
                .map(ConnectorOrder::invitationId));
        if (earlier.isPresent()) {
            return DeliveryResult.duplicate(earlier.get());
        }
        // A product the invitation cannot take (an odd name, say) is left out; the order still invites.
        List<InvitationProduct> products = OrderProduct.of(platform, order.lines()).stream()
                .map(OrderProduct::toInvitationProduct)
                .filter(product -> validator.validate(product).isEmpty())
                .toList();
        CreateInvitation request = new CreateInvitation(order.orderRef(), order.email(), customerName(order.name()),
                order.locale(), null, "email", products.isEmpty() ? null : products);
        if (order.orderRef().length() > MAX_ORDER_REF || !validator.validate(request).isEmpty()) {
            return DeliveryResult.ignored("the order's number or email address is not one an invitation takes");
        }
        InvitationService.Issued issued = invitations.invite(slug, request);
        long invitationId = issued.invitation().id();
        record(settings.shopId(), platform, order.orderId(), invitationId);
        LOG.debugf("%s order %s of shop %s: invitation %d", platform.json(), order.orderId(), slug, invitationId);
        return issued.created() ? DeliveryResult.invited(invitationId) : DeliveryResult.duplicate(invitationId);
    }

    private Settings settings(String slug, Platform platform) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Shop shop = ShopService.require(slug);
            Connector connector = Connector.find(shop.id(), platform).orElseThrow(() -> ProblemException.notFound(
                    "Shop '" + slug + "' has no " + platform.json() + " connector: set one up with PUT on this address first."));
            return new Settings(shop.id(), secrets.open(connector.sealedSecret(), shop.id(), platform), connector.inviteOn());
        });
    }

    private static boolean isPing(byte[] body) {
        return body.length < 40 && WOO_PING.matcher(new String(body, StandardCharsets.US_ASCII).strip()).matches();
    }

    private JsonNode parse(byte[] body) {
        JsonNode order;
        try {
            order = json.readTree(body);
        } catch (IOException e) {
            throw ProblemException.invalid("body", "must be the platform's order as JSON");
        }
        if (order == null || !order.isObject()) {
            throw ProblemException.invalid("body", "must be the platform's order as a JSON object");
        }
        return order;
    }

    /** Records that the order invited; a concurrent delivery that recorded it first leaves the same row behind. */
    private void record(long shopId, Platform platform, String orderId, long invitationId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (ConnectorOrder.find(shopId, platform, orderId).isEmpty()) {
                    ConnectorOrder.of(shopId, platform, orderId, invitationId, clock.instant()).persistAndFlush();
                }
            });
        } catch (RuntimeException e) {
            if (!UniqueConstraint.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /** The name as an invitation takes it: no control characters, at most 100 characters. */
    private static String customerName(String name) {
        if (name == null) {
            return null;
        }
        String clean = name.replaceAll("\\p{Cntrl}+", " ").strip();
        if (clean.length() > MAX_NAME) {
            int end = Character.isHighSurrogate(clean.charAt(MAX_NAME - 1)) ? MAX_NAME - 1 : MAX_NAME;
            clean = clean.substring(0, end).strip();
        }
        return clean.isEmpty() ? null : clean;
    }

    private static String signatureHeader(Platform platform) {
        return platform == Platform.WOOCOMMERCE ? "X-WC-Webhook-Signature" : "X-Shopify-Hmac-Sha256";
    }

    private ConnectorView view(String slug, Connector connector) {
        return new ConnectorView(connector.platform(), connector.inviteOn(),
                links.base() + "/api/v1/shops/" + slug + "/connectors/" + connector.platform().json(),
                connector.createdAt(), connector.updatedAt());
    }
}
