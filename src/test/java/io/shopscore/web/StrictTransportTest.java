package io.shopscore.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class StrictTransportTest {

    @Test
    void onlyAServicePublicOverHttpsSendsTheHeader() {
        assertEquals(Optional.of("max-age=63072000; includeSubDomains"), StrictTransport.policyFor("https://reviews.example.com"));
        assertEquals(Optional.of(StrictTransport.POLICY), StrictTransport.policyFor(" HTTPS://reviews.example.com/ "));
        assertEquals(Optional.empty(), StrictTransport.policyFor("http://localhost:8080"));
    }
}
