package org.baton.platform;

import jakarta.servlet.http.HttpServletRequest;

/** One handler serves the full page and its htmx fragment; this tells which was asked for. */
public final class Htmx {

  private Htmx() {}

  public static boolean isFragmentRequest(HttpServletRequest request) {
    return "true".equals(request.getHeader("HX-Request"))
        && !"true".equals(request.getHeader("HX-History-Restore-Request"));
  }

  /** The view name of the fragment for an htmx request, or of the whole page otherwise. */
  public static String view(HttpServletRequest request, String page, String fragment) {
    return isFragmentRequest(request) ? page + " :: " + fragment : page;
  }
}
