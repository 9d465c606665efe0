package uk.pathways.sharing.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The subject access export as a PDF for a data protection officer to read and redact: every section of the JSON
 * export in the same order, each item as a table of its fields (a case record entry's recorded fields one per row),
 * and each entry (or consent position) to review for third parties' information marked "REVIEW BEFORE DISCLOSURE". Nothing of the JSON is
 * left out: the PDF is laid out from the same export.
 */
@Component
class SubjectAccessPdf {

    static final String REVIEW_MARK = "REVIEW BEFORE DISCLOSURE";

    private static final Map<String, String> SECTIONS = Map.ofEntries(
            Map.entry("child", "The child"),
            Map.entry("involvedAgencies", "Agencies involved"),
            Map.entry("referrals", "Referrals"),
            Map.entry("decisions", "Decisions"),
            Map.entry("record", "The case record: what agencies recorded"),
            Map.entry("chronology", "Chronology"),
            Map.entry("sharingLog", "Sharing log"),
            Map.entry("consentInForce", "Consent to share: the position in force"),
            Map.entry("consent", "Consent to share: every position recorded"),
            Map.entry("audit", "Who read or changed the case (audit)"),
            Map.entry("reviewBeforeDisclosure", "To review before disclosure"));

    private final ObjectMapper json;

    SubjectAccessPdf(ObjectMapper json) {
        this.json = json;
    }

    ResponseEntity<byte[]> answer(String caseId, Map<String, Object> export) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("subject-access-" + caseId + ".pdf")
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(render(export));
    }

    byte[] render(Map<String, Object> export) {
        JsonNode root = json.valueToTree(export);
        Set<String> review = new HashSet<>();
        root.path("reviewBeforeDisclosure").path("entries").forEach(id -> review.add(id.asText()));
        Set<String> reviewConsent = new HashSet<>();
        root.path("reviewBeforeDisclosure").path("consent").forEach(id -> reviewConsent.add(id.asText()));
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 8);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
        Font mark = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9, new java.awt.Color(0xd4, 0x35, 0x1c));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle("Subject access export " + root.path("caseId").asText());
        document.addCreator("Pathways");
        document.open();
        document.add(new Paragraph(
                "Subject access export: case " + root.path("caseId").asText(), title));
        document.add(new Paragraph(
                "Generated " + root.path("generatedAt").asText() + " by "
                        + root.path("generatedBy").asText()
                        + ". Case status: " + root.path("status").asText()
                        + ". OFFICIAL-SENSITIVE: for the data protection officer; review before any disclosure.",
                body));
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> section = it.next();
            if (!SECTIONS.containsKey(section.getKey())) {
                continue;
            }
            document.add(new Paragraph(" ", body));
            document.add(new Paragraph(SECTIONS.get(section.getKey()), heading));
            JsonNode value = section.getValue();
            if (value.isArray() && value.isEmpty()) {
                document.add(new Paragraph("None.", body));
            } else if (value.isArray() && !value.get(0).isObject()) {
                document.add(new Paragraph(text(value), body));
            } else if (value.isArray()) {
                for (JsonNode item : value) {
                    if ("record".equals(section.getKey())
                            && review.contains(item.path("id").asText())) {
                        document.add(new Paragraph(
                                REVIEW_MARK + ": entry " + item.path("id").asText(), mark));
                    }
                    if ("consent".equals(section.getKey())
                            && reviewConsent.contains(item.path("id").asText())) {
                        document.add(new Paragraph(
                                REVIEW_MARK + ": consent position "
                                        + item.path("id").asText(),
                                mark));
                    }
                    document.add(table(item, body, bold));
                }
            } else {
                document.add(table(value, body, bold));
            }
        }
        document.close();
        return out.toByteArray();
    }

    private PdfPTable table(JsonNode item, Font body, Font bold) {
        PdfPTable table = new PdfPTable(new float[] {2.2f, 7.8f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(3);
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if ("content".equals(field.getKey()) && field.getValue().isTextual()) {
                JsonNode recorded = parse(field.getValue().asText());
                if (recorded != null && recorded.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> f = recorded.fields(); f.hasNext(); ) {
                        Map.Entry<String, JsonNode> r = f.next();
                        row(table, "recorded: " + r.getKey(), text(r.getValue()), body, bold);
                    }
                    continue;
                }
            }
            row(table, field.getKey(), text(field.getValue()), body, bold);
        }
        return table;
    }

    private static void row(PdfPTable table, String name, String value, Font body, Font bold) {
        table.addCell(new PdfPCell(new Phrase(name, bold)));
        table.addCell(new PdfPCell(new Phrase(value, body)));
    }

    private JsonNode parse(String text) {
        try {
            return text.startsWith("{") ? json.readTree(text) : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isArray()) {
            StringBuilder s = new StringBuilder();
            for (JsonNode v : value) {
                s.append(s.length() == 0 ? "" : ", ").append(text(v));
            }
            return s.toString();
        }
        StringBuilder s = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            s.append(s.length() == 0 ? "" : "; ")
                    .append(f.getKey())
                    .append(": ")
                    .append(text(f.getValue()));
        }
        return s.toString();
    }
}
