package org.baton.platform;

/** What is wrong with one field of a form or a request body, in words a user understands. */
public record FieldProblem(String field, String message) {}
