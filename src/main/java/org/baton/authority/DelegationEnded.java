package org.baton.authority;

/**
 * A delegation ended because one side of it left. Facts only; listeners tell the other side.
 *
 * @param otherPersonId the side still here
 */
public record DelegationEnded(long delegationId, long leftPersonId, long otherPersonId) {}
