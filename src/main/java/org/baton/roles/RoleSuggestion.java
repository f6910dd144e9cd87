package org.baton.roles;

import java.util.List;

/** A person who might fit an open role, and why: a suggestion for the lead, never an assignment. */
public record RoleSuggestion(long personId, String name, int score, List<String> reasons) {}
