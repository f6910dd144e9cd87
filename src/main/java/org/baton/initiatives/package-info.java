/**
 * Dynamic leadership: whoever spots a problem or an opportunity leads it; others support; the lead
 * passes from hand to hand, and the history shows who led when. Team leaders facilitate (comment,
 * offer help) but take the lead only when it is handed to them.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Initiatives",
    allowedDependencies = {"platform", "directory", "identity", "strategy"})
package org.baton.initiatives;
