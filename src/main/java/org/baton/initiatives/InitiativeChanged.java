package org.baton.initiatives;

import java.util.List;

/**
 * Published after something happened to an initiative: its leader, supporters and facilitators
 * ({@code audience}) may want to know, live.
 */
public record InitiativeChanged(
    long initiativeId, String title, String what, List<Long> audience) {}
