package org.baton.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page its section of the site as {@code section}, so that the header marks the link of
 * the section one is in with {@code aria-current}: the first part of the path ({@code
 * /initiatives/12} is {@code initiatives}; {@code /} is {@code home}), or the first two under
 * {@code /authority}, {@code /admin} and {@code /me}, whose links go to different places.
 */
@ControllerAdvice
class CurrentSectionAdvice {

  @ModelAttribute("section")
  String section(HttpServletRequest request) {
    return sectionOf(request.getRequestURI().substring(request.getContextPath().length()));
  }

  static String sectionOf(String path) {
    String[] parts = path.replaceFirst("^/+", "").split("/");
    if (parts.length == 0 || parts[0].isEmpty()) {
      return "home";
    }
    boolean twoDeep =
        parts.length > 1
            && (parts[0].equals("authority") || parts[0].equals("admin") || parts[0].equals("me"));
    return twoDeep ? parts[0] + "/" + parts[1] : parts[0];
  }
}
