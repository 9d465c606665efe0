package uk.pathways.casefile.web;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseAccess;
import uk.pathways.casefile.CaseExported;
import uk.pathways.casefile.CaseView;
import uk.pathways.casefile.CaseViews;
import uk.pathways.casefile.ChronologyEntry;
import uk.pathways.web.Display;
import uk.pathways.web.PathwaysPage;

/**
 * The case's chronology as a printable PDF ({@code /cases/{caseId}/chronology.pdf}, OpenPDF) for child protection
 * conferences and court: the child, the case, when it was printed and by whom, then every row of the practitioners'
 * chronology (no e-mail deliveries), oldest first, with when it happened, what, who and for which agency. Read as
 * the case page is: for an agency involved, audited.
 */
@Controller
@PathwaysPage
class ChronologyPdf {

    private final CaseAccess access;
    private final CaseViews views;
    private final Display display;
    private final uk.pathways.agency.Actors actors;

    private final org.springframework.context.ApplicationEventPublisher events;

    ChronologyPdf(
            CaseAccess access,
            CaseViews views,
            Display display,
            uk.pathways.agency.Actors actors,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.actors = actors;
        this.access = access;
        this.views = views;
        this.display = display;
    }

    @GetMapping("/cases/{caseId}/chronology.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String caseId, Principal principal) {
        access.checkRead(principal.getName(), caseId, "PAGE", "chronology PDF");
        CaseView view = views.view(caseId, principal.getName()).orElseThrow();
        List<ChronologyEntry> rows = view.chronology().stream()
                .filter(ChronologyEntry::forPractitioners)
                .sorted(java.util.Comparator.comparing(ChronologyEntry::occurredAt)
                        .thenComparing(ChronologyEntry::id))
                .toList();
        List<String> ids = new java.util.ArrayList<>(
                rows.stream().map(ChronologyEntry::actor).toList());
        ids.add(principal.getName());
        Map<String, String> people = actors.namesOf(ids);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle("Chronology " + caseId);
        document.addCreator("Pathways");
        document.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);
        Font head = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
        CaseView.Child child = view.child();
        document.add(new Paragraph(
                "Chronology: " + child.firstName() + " " + child.lastName() + " (" + caseId + ")", title));
        document.add(new Paragraph(
                "Born " + display.date(child.dateOfBirth()) + ". Printed " + display.dateTime(Now.instant())
                        + " by " + people.getOrDefault(principal.getName(), principal.getName())
                        + ". OFFICIAL-SENSITIVE: for the agencies involved; do not copy further.",
                body));
        document.add(new Paragraph(" ", body));
        PdfPTable table = new PdfPTable(new float[] {2.2f, 7f, 2.6f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : List.of("When", "What happened", "Who")) {
            PdfPCell cell = new PdfPCell(new Phrase(h, head));
            cell.setHorizontalAlignment(Element.ALIGN_LEFT);
            table.addCell(cell);
        }
        for (ChronologyEntry e : rows) {
            table.addCell(new Phrase(display.dateTime(e.occurredAt()), body));
            table.addCell(new Phrase(e.summary(), body));
            table.addCell(new Phrase(
                    people.getOrDefault(e.actor(), e.actor())
                            + (e.agency() == null ? "" : ", " + display.agency(e.agency())),
                    body));
        }
        document.add(table);
        document.close();
        events.publishEvent(new CaseExported(
                caseId,
                "The chronology, printed (" + rows.size() + " rows)",
                actors.of(principal.getName(), List.of()),
                Now.instant()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("chronology-" + caseId + ".pdf")
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out.toByteArray());
    }
}
