package uk.pathways.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** The indicator catalogue (screening/indicator-catalogue.csv) and the screening score it gives. */
@Component
public class IndicatorCatalogue {

    private final Map<String, Indicator> indicators;

    IndicatorCatalogue(
            @Value("${pathways.screening.indicator-catalogue:classpath:screening/indicator-catalogue.csv}")
                    Resource csv) {
        this.indicators = load(csv);
    }

    public List<Indicator> all() {
        return List.copyOf(indicators.values());
    }

    public Optional<Indicator> find(String code) {
        return Optional.ofNullable(indicators.get(code));
    }

    public boolean isKnown(String code) {
        return indicators.containsKey(code);
    }

    /** The sum of the weights of the distinct indicators recorded. Unknown codes are refused. */
    public int score(Collection<String> codes) {
        Set<String> distinct = new LinkedHashSet<>(codes);
        List<String> unknown = distinct.stream().filter(c -> !isKnown(c)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown screening indicator(s): " + String.join(", ", unknown));
        }
        return distinct.stream().mapToInt(c -> indicators.get(c).weight()).sum();
    }

    private static Map<String, Indicator> load(Resource csv) {
        Map<String, Indicator> result = new LinkedHashMap<>();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("code,")) {
                    continue;
                }
                List<String> cells = splitCsv(line);
                if (cells.size() != 3) {
                    throw new IllegalStateException("indicator catalogue: expected code,weight,wording in: " + line);
                }
                Indicator indicator = new Indicator(
                        cells.get(0).strip(),
                        Integer.parseInt(cells.get(1).strip()),
                        cells.get(2).strip());
                if (indicator.weight() < 0) {
                    throw new IllegalStateException("indicator catalogue: negative weight for " + indicator.code());
                }
                result.put(indicator.code(), indicator);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
