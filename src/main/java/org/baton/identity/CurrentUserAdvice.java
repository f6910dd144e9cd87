package org.baton.identity;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the signed-in account as {@code me}, for the header and its menus. */
@ControllerAdvice
class CurrentUserAdvice {

  @ModelAttribute("me")
  BatonUser me(@AuthenticationPrincipal BatonUser user) {
    return user;
  }
}
