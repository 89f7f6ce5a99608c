package io.videocallsupport.session;

import io.videocallsupport.support.H2SpringTest;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

@H2SpringTest
class H2StartPathTest extends StartPathScenarios {

  @Override
  DataSource emptyDatabase() {
    return new DriverManagerDataSource("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }
}
