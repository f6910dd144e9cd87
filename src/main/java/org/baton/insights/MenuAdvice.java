package org.baton.insights;

import org.baton.directory.Directory;
import org.baton.identity.BatonUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the signed-in person's {@link Menu}. */
@ControllerAdvice
class MenuAdvice {

  private final Directory directory;

  MenuAdvice(Directory directory) {
    this.directory = directory;
  }

  @ModelAttribute("menu")
  Menu menu(@AuthenticationPrincipal BatonUser me) {
    return me == null ? new Menu(false) : Menu.of(me, directory.organisation());
  }
}
