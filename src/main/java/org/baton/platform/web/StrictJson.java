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
 * cannot store, and text longer than any Baton takes ({@link TextLimits#ANY}).
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

  /** Strings as usual, but never one with a NUL character or longer than any text field. */
  static final class SafeStrings extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
      String value = super.deserialize(p, ctxt);
      if (value != null && value.indexOf('\u0000') >= 0) {
        return (String) ctxt.reportInputMismatch(this, "Text may not contain NUL characters.");
      }
      if (value != null && value.length() > TextLimits.ANY) {
        return (String)
            ctxt.reportInputMismatch(this, "Text is at most " + TextLimits.ANY + " characters.");
      }
      return value;
    }
  }
}
