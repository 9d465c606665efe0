package bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bare Camunda 7.24 Spring Boot application: the baseline for Pathways' start-up time and memory (B5). */
@SpringBootApplication
public class BareApplication {
    public static void main(String[] args) {
        SpringApplication.run(BareApplication.class, args);
    }
}
