package io.shopscore.operator;

/**
 * Who is signed in to the operator console, from a checked cookie and a live session row.
 *
 * @param name      the name given at sign-in, recorded with every action in the audit trail
 * @param formToken the token every form of this session carries
 */
public record Operator(String idHash, String name, String formToken) {
}
