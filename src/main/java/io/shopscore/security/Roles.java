package io.shopscore.security;

/** Who may call what; see the authentication table in docs/api.md. */
public final class Roles {

    /** The operator of this Shopscore installation (the admin token). */
    public static final String OPERATOR = "operator";

    /** A webshop, authenticated by its API key; its principal name is the shop's slug. */
    public static final String SHOP = "shop";

    /** Permission of a shop's key over the endpoints under its own slug, checked by {@link ShopAccess}. */
    public static final String SHOP_OWNER = "shop-owner";

    private Roles() {
    }
}
