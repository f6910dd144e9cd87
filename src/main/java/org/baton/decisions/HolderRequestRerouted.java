package org.baton.decisions;

/**
 * A request to decide went to someone who has left: it was passed to the next holder up, or, when
 * nobody above holds the authority, declined so that the requester knows to ask again. Facts only;
 * listeners tell the requester and the new holder.
 *
 * @param newHolderPersonId who holds the request now, or null when it was declined
 */
public record HolderRequestRerouted(
    long requestId, long requesterPersonId, long leftPersonId, Long newHolderPersonId) {}
