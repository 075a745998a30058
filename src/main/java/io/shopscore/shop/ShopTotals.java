package io.shopscore.shop;

/**
 * The running totals a new shop starts with (its score row, which every score writer locks). The
 * score package sits above shop and implements this, so that opening a shop can create them in
 * its own transaction without shop importing score.
 */
public interface ShopTotals {

    /** Creates the new shop's empty totals, in the transaction that creates the shop. */
    void open(Shop shop);
}
