package org.baton.initiatives;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An initiative moves with the work done for it: advice asked on its behalf puts it on the timeline
 * and makes an open initiative "exploring"; a decision that closes that advice is linked on the
 * timeline and makes it "decided". The advice module calls this in the transaction that asks or
 * closes, so the timeline never misses a step. The lines link to the advice or decision, whose page
 * decides who may read it; {@code shown} is only what everyone may read.
 */
@Service
public class InitiativeProgress {

  private final Initiatives initiatives;
  private final InitiativesAccess access;
  private final InitiativeRepository repository;

  InitiativeProgress(
      Initiatives initiatives, InitiativesAccess access, InitiativeRepository repository) {
    this.initiatives = initiatives;
    this.access = access;
    this.repository = repository;
  }

  /** Advice was asked for the initiative (a restricted request is never shown here). */
  @Transactional
  public void adviceAsked(long id, long askerId, long requestId, String shown) {
    Initiative initiative = access.locked(id);
    repository.addUpdate(id, askerId, "ADVICE_ASKED", shown, null, "/advice/" + requestId);
    moveOn(initiative, askerId, InitiativeStatus.EXPLORING);
  }

  /**
   * A decision closed the initiative's advice. For a confidential one {@code decisionId} is null
   * and {@code shown} empty: the line links the request, whose page shows the outcome only to those
   * who may see the decision.
   */
  @Transactional
  public void decided(long id, long deciderId, Long decisionId, long requestId, String shown) {
    Initiative initiative = access.locked(id);
    String link = decisionId == null ? "/advice/" + requestId : "/decisions/" + decisionId;
    repository.addUpdate(id, deciderId, "DECIDED", shown, null, link);
    moveOn(initiative, deciderId, InitiativeStatus.DECIDED);
  }

  /** Forward only: an initiative already further along (in progress, done) keeps its status. */
  private void moveOn(Initiative initiative, long actor, InitiativeStatus to) {
    if (initiative.status().ordinal() >= to.ordinal()) {
      repository.touch(initiative.id());
      return;
    }
    repository.setStatus(initiative.id(), to, null);
    initiatives.published(initiative.id(), InitiativeChanged.Kind.STATUS_CHANGED, actor, null, to);
  }
}
