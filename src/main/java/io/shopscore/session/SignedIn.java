package io.shopscore.session;

/**
 * Who is signed in to the dashboard, from a checked cookie and a live session row.
 *
 * @param member    the member's address, or {@link SignInService#API_KEY} for a sign-in with the shop's key
 * @param formToken the token every form of this session carries
 */
public record SignedIn(long shopId, String slug, String shopName, String member, String idHash, String formToken) {

    /**
     * Whether this session may change who has access to the shop (API keys, colleagues, the contact
     * address): only a member who signed in by a mailed link. A key may have leaked; if whoever holds
     * it could make another key or add their own address, revoking the leaked key would not shut
     * them out.
     */
    public boolean mayManageAccess() {
        return !SignInService.API_KEY.equals(member);
    }
}
