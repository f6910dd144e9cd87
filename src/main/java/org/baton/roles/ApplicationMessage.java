package org.baton.roles;

import java.time.Instant;

/** A message in an application's thread between the circle's lead and the applicant. */
public record ApplicationMessage(
    long id, long applicationId, long authorId, String authorName, String body, Instant at) {}
