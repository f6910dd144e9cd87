package org.baton.platform.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.baton.platform.TextLimits;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * What the API refuses while reading a body, before any service sees it, as a 400 naming the field:
 * {@code null} inside a list or map ({@code [null]}), text with a NUL character, which PostgreSQL
 * cannot store, and text longer than any Baton takes ({@link TextLimits#ANY}); and, as a 422 naming
 * the field, text with an unpaired UTF-16 surrogate ({@code "\ud800"}), which would be stored as
 * "?" while the answer echoed the original.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

  @Bean
  JsonMapperBuilderCustomizer refuseNullsInListsNulCharactersAndEndlessText() {
    SimpleModule noNul = new SimpleModule("baton-no-nul");
    noNul.addDeserializer(String.class, new SafeStrings());
    return builder ->
        builder
            .changeDefaultNullHandling(h -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .addModule(noNul);
  }

  static final String UNPAIRED_SURROGATE =
      "Text may not contain half of a character (an unpaired surrogate).";

  /** Whether the text has a surrogate that is not half of a pair. */
  static boolean hasUnpairedSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
        } else {
          return true;
        }
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** Strings as usual, but never one with a NUL character or longer than any text field. */
  static final class SafeStrings extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
      String value = super.deserialize(p, ctxt);
      if (value != null && value.indexOf('\u0000') >= 0) {
        return (String) ctxt.reportInputMismatch(this, "Text may not contain NUL characters.");
      }
      if (value != null && hasUnpairedSurrogate(value)) {
        return (String) ctxt.reportInputMismatch(this, UNPAIRED_SURROGATE);
      }
      if (value != null && value.length() > TextLimits.ANY) {
        return (String)
            ctxt.reportInputMismatch(this, "Text is at most " + TextLimits.ANY + " characters.");
      }
      return value;
    }
  }
}
