package io.videocallsupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class VideoCallSupportApplication {

  public static void main(String[] args) {
    SpringApplication.run(VideoCallSupportApplication.class, args);
  }
}
