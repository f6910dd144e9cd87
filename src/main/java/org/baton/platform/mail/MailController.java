package org.baton.platform.mail;

import jakarta.servlet.http.HttpServletRequest;
import org.baton.platform.Htmx;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The outbox for admins: every e-mail Baton wrote, newest first, with whether it was sent. Without
 * SMTP this is where invitations are read (the demo); with SMTP it shows what failed and why.
 */
@Controller
class MailController {

  private static final int PAGE_SIZE = 20;

  private final MailOutbox outbox;
  private final ObjectProvider<JavaMailSender> smtp;

  MailController(MailOutbox outbox, ObjectProvider<JavaMailSender> smtp) {
    this.outbox = outbox;
    this.smtp = smtp;
  }

  @GetMapping("/admin/mail")
  @PreAuthorize("hasRole('ADMIN')")
  String outbox(
      @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
    model.addAttribute("mail", outbox.page(page, PAGE_SIZE));
    model.addAttribute("smtp", smtp.getIfAvailable() != null);
    return Htmx.view(request, "mail/outbox", "messages");
  }
}
