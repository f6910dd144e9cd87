package org.baton.authority;

/**
 * A kind of decision in the catalogue, such as {@code customer.goodwill}. Decisions of a
 * confidential type are seen only by those involved and by admins.
 */
public record DecisionType(
    String code, String name, String description, boolean carriesAmount, boolean confidential) {}
