package uk.pathways.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every task form that names the case also links to the case page (checked in a browser by PractitionersBrowserTest). */
class FormsLinkToTheCaseTest {

    @Test
    void everyFormHeaderLinksToTheCasePage() throws IOException {
        List<Path> forms;
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            forms = files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
        }
        assertThat(forms).isNotEmpty();
        for (Path form : forms) {
            String text = Files.readString(form);
            if (text.contains("{{caseId}}")) {
                assertThat(text).as(form.toString()).contains("[Open the case](/cases/{{caseId}})");
            }
        }
    }
}
