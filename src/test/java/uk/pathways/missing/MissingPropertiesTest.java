package uk.pathways.missing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import uk.pathways.calendar.ClockDuration;

/** The repeat-missing threshold and the missing clocks are configuration: application.yml ships the contract's values. */
class MissingPropertiesTest {

    private static List<ConfigurationPropertySource> applicationYml() throws Exception {
        List<PropertySource<?>> loaded =
                new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        ConfigurationPropertySources.from(loaded).forEach(sources::add);
        return sources;
    }

    @Test
    void theShippedThresholdIsThreeEpisodesIn90Days() throws Exception {
        MissingProperties properties = new Binder(applicationYml())
                .bind("pathways.missing", MissingProperties.class)
                .get();

        assertThat(properties.repeat()).isEqualTo(new MissingProperties.Repeat(3, 90));
        assertThat(properties.isOtherAuthority("Leicestershire")).isTrue();
        assertThat(properties.isOtherAuthority(" northamptonshire ")).isFalse();
    }

    @Test
    void theThresholdChangesWithoutACodeChange() throws Exception {
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        sources.add(new MapConfigurationPropertySource(
                Map.of("pathways.missing.repeat.episodes", "4", "pathways.missing.repeat.days", "60")));
        sources.addAll(applicationYml());

        MissingProperties properties = new Binder(sources)
                .bind("pathways.missing", MissingProperties.class)
                .get();

        assertThat(properties.repeat()).isEqualTo(new MissingProperties.Repeat(4, 60));
        assertThatThrownBy(() -> new MissingProperties(new MissingProperties.Repeat(1, 90), List.of(), null))
                .hasMessageContaining("pathways.missing.repeat.episodes");
    }

    @Test
    void theMissingClocksShipWithTheContractsLengths() throws Exception {
        Binder binder = new Binder(applicationYml());

        assertThat(ClockDuration.parse(binder.bind("pathways.clocks.missing-strategy-meeting", String.class)
                        .get()))
                .isEqualTo(new ClockDuration(24, ClockDuration.Unit.HOURS));
        assertThat(ClockDuration.parse(binder.bind("pathways.clocks.return-home-interview", String.class)
                        .get()))
                .isEqualTo(new ClockDuration(72, ClockDuration.Unit.HOURS));
        assertThat(ClockDuration.parse(binder.bind("pathways.clocks.return-home-interview-reminder", String.class)
                        .get()))
                .isEqualTo(new ClockDuration(48, ClockDuration.Unit.HOURS));
    }
}
