package io.videocallsupport.support;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** The offered languages as application.yaml sets them by default, for tests without a Spring context. */
public final class OfferedLanguages {

  private static final Pattern DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:(.*)}");

  public static List<Locale> fromApplicationYaml() {
    return Arrays.stream(defaultOf("vcs.languages.offered").split(",")).map(String::trim)
        .map(Locale::forLanguageTag).toList();
  }

  /** A setting of application.yaml as it is without environment variables (the default of a placeholder). */
  public static String defaultOf(String property) {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    Properties properties = yaml.getObject();
    String value = properties.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("application.yaml sets no " + property);
    }
    Matcher placeholder = DEFAULT.matcher(value);
    return placeholder.matches() ? placeholder.group(1) : value;
  }

  private OfferedLanguages() {
  }
}
