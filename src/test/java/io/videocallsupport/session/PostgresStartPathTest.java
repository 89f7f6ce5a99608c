package io.videocallsupport.session;

import io.videocallsupport.support.PostgresSpringTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresSpringTest
class PostgresStartPathTest extends StartPathScenarios {

  @Autowired EmbeddedPostgres postgres;

  @Override
  DataSource emptyDatabase() throws Exception {
    String name = "migration_" + UUID.randomUUID().toString().replace("-", "");
    execute(postgres.getPostgresDatabase(), "CREATE DATABASE " + name);
    return postgres.getDatabase("postgres", name);
  }
}
