package org.baton.platform;

/** An e-mail to one person, in plain text: the same words as the pages, readable on a phone. */
public record Mail(String to, String subject, String body) {}
