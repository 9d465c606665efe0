package uk.pathways.screening;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/** Builds the {@link IndicatorCatalogue} outside Spring, for plain unit tests in other packages. */
public final class TestCatalogue {

    public static final String CSV = "screening/indicator-catalogue.csv";

    private TestCatalogue() {}

    /** The real catalogue shipped in src/main/resources. */
    public static IndicatorCatalogue real() {
        return from(new ClassPathResource(CSV));
    }

    public static IndicatorCatalogue from(Resource csv) {
        return new IndicatorCatalogue(csv);
    }
}
