package io.shopscore.session;

import java.time.Instant;

/** One person who may sign in; {@code id} and {@code addedBy} are null for the shop's contact address. */
public record MemberView(Long id, String email, String addedBy, Instant addedAt) {
}
