package org.baton.identity;

import java.util.ArrayList;
import java.util.List;
import org.baton.platform.BatonProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page: a "Sign in with …" button per configured identity provider, and the password
 * form (folded away as the operators' break-glass way in where passwords are off for people).
 */
@Controller
class SignInController {

  /** A button on the sign-in page: where it starts and what it says. */
  record Provider(String id, String name) {}

  private final List<Provider> providers;
  private final boolean passwordsForPeople;

  SignInController(
      ObjectProvider<ClientRegistrationRepository> registrations, BatonProperties properties) {
    this.providers = providers(registrations.getIfAvailable());
    this.passwordsForPeople = properties.signIn().passwordsForPeople();
  }

  @GetMapping("/login")
  String signIn(Model model) {
    model.addAttribute("providers", providers);
    model.addAttribute("passwordsForPeople", passwordsForPeople);
    return "identity/login";
  }

  private static List<Provider> providers(ClientRegistrationRepository registrations) {
    List<Provider> providers = new ArrayList<>();
    if (registrations instanceof Iterable<?> all) {
      for (Object registration : all) {
        ClientRegistration client = (ClientRegistration) registration;
        providers.add(new Provider(client.getRegistrationId(), client.getClientName()));
      }
    }
    return List.copyOf(providers);
  }
}
