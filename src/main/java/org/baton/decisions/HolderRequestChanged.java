package org.baton.decisions;

/**
 * A request to decide was asked of its holder, or answered (approved with a recorded decision, or
 * declined). Facts only; listeners word them: the holder hears of a request, the requester of its
 * answer.
 *
 * @param confidential whether its decision type is confidential: then only those involved and
 *     admins may know of it
 * @param decisionId the decision recorded by an approval; else null
 */
public record HolderRequestChanged(
    long requestId,
    Kind kind,
    long requesterPersonId,
    long holderPersonId,
    boolean confidential,
    Long decisionId) {

  public enum Kind {
    ASKED,
    APPROVED,
    DECLINED
  }
}
