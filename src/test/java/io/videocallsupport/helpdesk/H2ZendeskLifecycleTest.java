package io.videocallsupport.helpdesk;

import io.videocallsupport.support.H2SpringTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@H2SpringTest
class H2ZendeskLifecycleTest extends ZendeskLifecycleScenarios {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    // A database of its own: the other H2 test contexts' in-memory databases live in the same JVM.
    properties.add("spring.datasource.url", () -> "jdbc:h2:mem:video-call-support-zendesk;DB_CLOSE_DELAY=-1");
  }
}
