package io.shopscore.score;

/** Fired when a shop's score (or what it shows) changed, so that cached copies are dropped after commit. */
public record ScoreChanged(String slug) {
}
