package uk.pathways.sharing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The lawful basis recorded with each kind of share ({@code pathways.sharing.lawful-basis.<KIND>}) and the consent
 * position recorded where none was sought ({@code pathways.sharing.consent}). The defaults are those of safeguarding
 * children in England (UK GDPR Articles 6(1)(e) and 9(2)(g); Data Protection Act 2018, Schedule 1, paragraph 18);
 * a local authority's data protection officer sets its own.
 */
@ConfigurationProperties("pathways.sharing")
public record SharingProperties(Map<String, String> lawfulBasis, String consent) {

    static final String SAFEGUARDING = "UK GDPR Art. 6(1)(e) public task and Art. 9(2)(g) substantial public interest; "
            + "DPA 2018 Sch. 1 para. 18, safeguarding of children and individuals at risk";

    public SharingProperties {
        Map<String, String> bases = new LinkedHashMap<>();
        bases.put(
                Share.ACCESS_BY_DECISION,
                SAFEGUARDING + "; Working Together 2023: agencies involved by a pathway decision");
        bases.put(
                Share.ACCESS_BY_MANAGER, SAFEGUARDING + "; access agreed by the case's agency manager, with a reason");
        bases.put(
                Share.MEETING_INFORMATION,
                SAFEGUARDING + "; information shared for a strategy meeting (Children Act 1989 s.47)");
        bases.put(Share.EMAIL, SAFEGUARDING + "; a notice of work to do, with references and a link, no case detail");
        bases.put(
                Share.PLACING_AUTHORITY,
                SAFEGUARDING + "; statutory guidance on children who run away or go missing from home or care (2014)");
        bases.put(
                Share.INTELLIGENCE_TO_POLICE,
                SAFEGUARDING + "; DPA 2018 s.31 / Sch. 2 para. 2, prevention and detection of crime");
        bases.put(
                Share.EXPORT,
                SAFEGUARDING + "; a printed chronology for a conference or court, marked OFFICIAL-SENSITIVE");
        if (lawfulBasis != null) {
            bases.putAll(lawfulBasis);
        }
        lawfulBasis = Map.copyOf(bases);
        consent = consent == null || consent.isBlank()
                ? "Not sought: sharing without consent to protect a child (DPA 2018 Sch. 1 para. 18(2)(b))"
                : consent;
    }

    String basisFor(String kind) {
        return lawfulBasis.getOrDefault(kind, SAFEGUARDING);
    }
}
