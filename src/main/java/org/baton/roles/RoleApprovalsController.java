package org.baton.roles;

import org.baton.identity.BatonUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The role page's approval of a proposed holding (see {@link RoleHoldingApprovals}). */
@Controller
class RoleApprovalsController {

  private final RoleHoldingApprovals holdingApprovals;

  RoleApprovalsController(RoleHoldingApprovals holdingApprovals) {
    this.holdingApprovals = holdingApprovals;
  }

  /** A rule's owner (or an admin) approves a proposed holding of the role's authority. */
  @PostMapping("/roles/{id}/holders/{personId}/approval")
  String approveHolding(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long personId,
      RedirectAttributes redirect) {
    holdingApprovals.approve(me, id, personId);
    redirect.addFlashAttribute("message", "Approved.");
    return "redirect:/roles/" + id;
  }
}
