package io.shopscore.session;

/**
 * Who is signed in to the dashboard, from a checked cookie and a live session row.
 *
 * @param member    the member's address, or {@link SignInService#API_KEY} for a sign-in with the shop's key
 * @param formToken the token every form of this session carries
 */
public record SignedIn(long shopId, String slug, String shopName, String member, String idHash, String formToken) {
}
