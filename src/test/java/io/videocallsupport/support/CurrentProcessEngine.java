package io.videocallsupport.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Makes the engine of the test's own Spring context the one the engine REST API and the webapps find.
 * They look engines up by name ("default") in Camunda's JVM-wide registry, and every cached test
 * context registers an engine under that name: without this, a request in one context could reach
 * the engine, and the database, of the context started last. Registered for all Spring tests in
 * {@code META-INF/spring.factories}.
 */
public class CurrentProcessEngine extends AbstractTestExecutionListener {

  @Override
  public void beforeTestClass(TestContext testContext) {
    register(testContext);
  }

  @Override
  public void prepareTestInstance(TestContext testContext) {
    register(testContext);
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    register(testContext);
  }

  private static void register(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return;
    }
    ApplicationContext context = testContext.getApplicationContext();
    context.getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
  }
}
