package uk.pathways;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Pathways: the multi-agency CSE and missing children referral pathway platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PathwaysApplication {

    public static void main(String[] args) {
        SpringApplication.run(PathwaysApplication.class, args);
    }
}
