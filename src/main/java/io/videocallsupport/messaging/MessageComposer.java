package io.videocallsupport.messaging;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the customer-facing messages from templates in {@code templates/mail} (an HTML and a
 * plain-text part each) and {@code templates/sms}, in the customer's language. Wording lives in
 * the templates and in {@code i18n/messages*.properties}; subjects are {@code mail.<template>.subject}.
 * SMS are kept in the GSM-7 alphabet ({@link SmsAlphabet}), whatever the values put into them.
 */
@Component
public class MessageComposer {

  private final TemplateEngine engine;
  private final MessageSource messages;

  public MessageComposer(MessageSource messages) {
    this.messages = messages;
    SpringTemplateEngine templates = new SpringTemplateEngine();
    templates.setTemplateEngineMessageSource(messages);
    templates.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    templates.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    this.engine = templates;
  }

  public EmailMessage email(String template, String to, Locale locale, Map<String, Object> model) {
    Context context = new Context(locale, model);
    String subject = messages.getMessage("mail." + template + ".subject", new Object[] {model.get("ticketId")},
        locale);
    return new EmailMessage(to, subject, engine.process("mail/" + template + ".txt", context),
        engine.process("mail/" + template + ".html", context));
  }

  public SmsMessage sms(String template, String to, Locale locale, Map<String, Object> model) {
    String body = SmsAlphabet.fit(engine.process("sms/" + template + ".txt", new Context(locale, model)).strip());
    return new SmsMessage(to, body);
  }

  /** A plain-text template under {@code templates/} (e.g. {@code calendar/summary}), stripped. */
  public String text(String template, Locale locale, Map<String, Object> model) {
    return engine.process(template + ".txt", new Context(locale, model)).strip();
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setResolvablePatterns(Set.of(pattern));
    resolver.setCheckExistence(true);
    resolver.setOrder(order);
    return resolver;
  }
}
