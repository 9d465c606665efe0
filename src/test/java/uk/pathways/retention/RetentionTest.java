package uk.pathways.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import uk.pathways.audit.AuditRetention;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.casefile.ChildIdentifiers;
import uk.pathways.casefile.KnownAs;
import uk.pathways.missing.MissingReportAccepted;
import uk.pathways.missing.MissingWalk;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.sharing.SharingConsent;
import uk.pathways.support.DatabaseScan;
import uk.pathways.support.Mailroom;
import uk.pathways.support.Pathway;
import uk.pathways.support.SyntheticIds;
import uk.pathways.web.Pages;

/**
 * Retention on a database of its own (the job looks at every closed case): the dry-run report lists exactly what the
 * erasure then takes, nothing under a legal hold or kept by its rule goes, and afterwards no table, Pathways' or the
 * engine's, holds an erased child's name, date of birth, case id or references. Only a tombstone says what went.
 */
@Tag("app")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = "spring.datasource.url=jdbc:h2:mem:pathways-retention;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"demo", "test"})
class RetentionTest {

    @Autowired
    Pathway pathway;

    @Autowired
    MissingWalk walk;

    @Autowired
    Mailroom mailroom;

    @Autowired
    Retention retention;

    @Autowired
    SharingConsent consent;

    @Autowired
    AuditRetention auditRetention;

    @Autowired
    CaseFile caseFile;

    @Autowired
    uk.pathways.casefile.CaseMerges merges;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    WebApplicationContext context;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        retention.schedule().setErase(false);
        retention.schedule().setAuditRows(Period.ofYears(7));
    }

    /** Letters of this run, so that a run on a database kept from an earlier one meets none of its children. */
    private static final String RUN = new java.util.Random()
            .ints(6, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();

    /** A made-up child with a name and date of birth of its own, so that a scan finds only this child. */
    private static ChildDetails child(String firstName, int age, int days, boolean lookedAfter) {
        return new ChildDetails(
                firstName,
                "Retainford" + firstName + RUN,
                Now.today().minusYears(age).minusDays(days),
                "FEMALE",
                "NOT_STATED",
                "Corby",
                lookedAfter,
                lookedAfter ? "Synthetic County Council" : null);
    }

    /** The child with identifiers and a known-as name (issue 16): personal data, erased with the rest. */
    private static ChildDetails identified(ChildDetails c) {
        return new ChildDetails(
                c.firstName(),
                c.lastName(),
                c.dateOfBirth(),
                c.gender(),
                c.ethnicity(),
                c.district(),
                c.lookedAfter(),
                c.placingAuthority(),
                new ChildIdentifiers(
                        SyntheticIds.nhsNumber(),
                        SyntheticIds.localAuthorityChildId(),
                        SyntheticIds.upn(),
                        SyntheticIds.policePersonId()),
                List.of(new KnownAs("Quill", "Aliasford" + RUN)));
    }

    /** Referred and screened to universal services: the case closes at once. */
    private ReferralAccepted closedReferral(ChildDetails child) {
        ReferralAccepted referral = pathway.refer(child, List.of("CHANGED_BEHAVIOUR"));
        pathway.complete(
                referral.caseId(),
                "screening",
                "mash-worker",
                Map.of(
                        "indicators",
                        List.of("CHANGED_BEHAVIOUR"),
                        "disclosure",
                        false,
                        "learningDisability",
                        false,
                        "exploitationType",
                        "SEXUAL",
                        "screeningNotes",
                        "Synthetic screening notes about " + child.firstName()));
        mailroom.deliver(referral.caseId());
        assertThat(caseFile.find(referral.caseId()).orElseThrow().status()).isEqualTo("CLOSED");
        return referral;
    }

    /** Reported missing, back, interviewed in time: the episode and the case close. */
    private MissingReportAccepted closedEpisode(ChildDetails child) {
        MissingReportAccepted accepted = walk.report(child, Now.instant().minus(Duration.ofHours(2)), "LOW");
        walk.episodes().returned(accepted.reference(), Now.instant());
        Task rhi = pathway.task(accepted.caseId(), "return-home-interview");
        Map<String, Object> interview = new HashMap<>();
        interview.put("rhiOffered", true);
        interview.put("rhiAccepted", true);
        interview.put("cseConcern", false);
        interview.put("whereabouts", "Synthetic: with " + child.firstName() + "'s cousin");
        interview.put("pushFactors", "Synthetic: argument at home");
        interview.put("pullFactors", "Synthetic: older friends");
        interview.put("informationForPolice", "");
        pathway.complete(rhi, "rhi-service-worker", interview);
        mailroom.deliver(accepted.caseId());
        assertThat(walk.caseStatus(accepted.caseId())).isEqualTo("CLOSED");
        return accepted;
    }

    /** Every column of every table (Pathways' and the engine's) that still holds something of the child. */
    private List<String> traces(ChildDetails child, String caseId, List<String> references) {
        List<String> found = new ArrayList<>();
        found.addAll(DatabaseScan.holding(dataSource, DatabaseScan.EVERY_TABLE, child.firstName()));
        found.addAll(DatabaseScan.holding(dataSource, DatabaseScan.EVERY_TABLE, child.lastName()));
        found.addAll(DatabaseScan.holding(dataSource, DatabaseScan.EVERY_TABLE, child.dateOfBirth()));
        found.addAll(DatabaseScan.holding(dataSource, DatabaseScan.EVERY_TABLE, caseId));
        for (String identifier : child.identifiers().given().values()) {
            found.addAll(DatabaseScan.holding(dataSource, DatabaseScan.EVERY_TABLE, identifier));
        }
        for (KnownAs name : child.knownAs()) {
            found.addAll(DatabaseScan.holding(dataSource, DatabaseScan.EVERY_TABLE, name.lastName()));
        }
        for (String reference : references) {
            found.addAll(DatabaseScan.holding(dataSource, DatabaseScan.EVERY_TABLE, reference));
        }
        return found;
    }

    @Test
    void theNightlyRunErasesExactlyWhatTheDryRunReportedAndNothingHeldOrStillKept() throws Exception {
        ChildDetails quillon = identified(child("Quillon", 15, 11, false));
        ChildDetails oriella = child("Oriella", 14, 23, false);
        ReferralAccepted cse = closedReferral(quillon); // closed CSE case: 6 years, and the 25th birthday
        // a second record of the same child, merged into the first by a MASH manager: it goes with it
        ChildDetails quilla = child("Quilla", 15, 13, false);
        ReferralAccepted quillasReferral = closedReferral(quilla);
        merges.merge(cse.caseId(), quillasReferral.caseId(), "Synthetic: the same child", "mash-manager");
        MissingReportAccepted missing = closedEpisode(oriella); // missing episodes only: the same
        ReferralAccepted young = closedReferral(child("Yarrowen", 13, 37, false)); // 25th birthday not reached
        ReferralAccepted lookedAfter = closedReferral(child("Lachlet", 15, 41, true)); // kept to the 75th birthday
        ReferralAccepted held = closedReferral(child("Holloway", 15, 53, false));
        ReferralAccepted open = pathway.refer(child("Opaline", 15, 67, false), List.of()); // still screening
        String policeReference = walk.episode(missing.reference()).policeReference();

        // a search that finds the child, and a read of the case, are in the audit trail
        MockMvc mvc = Pages.mvc(context);
        mvc.perform(get("/api/cases").param("name", quillon.lastName()).with(httpBasic("mash-worker", Pages.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/cases/" + cse.caseId()).with(httpBasic("mash-worker", Pages.PASSWORD)))
                .andExpect(status().isOk());
        assertThat(traces(quillon, cse.caseId(), List.of(cse.reference())))
                .as("before: the child is in the case record, the engine and the audit trail")
                .anyMatch(c -> c.toUpperCase(java.util.Locale.ROOT).startsWith("PW_CASE."))
                .anyMatch(c -> c.toUpperCase(java.util.Locale.ROOT).startsWith("ACT_HI_"))
                .anyMatch(c -> c.toUpperCase(java.util.Locale.ROOT).startsWith("PW_AUDIT."));
        assertThat(DatabaseScan.holding(
                        dataSource,
                        DatabaseScan.EVERY_TABLE,
                        quillon.identifiers().nhsNumber()))
                .as("before: the NHS number is in the case record")
                .isNotEmpty();
        assertThat(DatabaseScan.holding(
                        dataSource,
                        DatabaseScan.EVERY_TABLE,
                        quillon.knownAs().get(0).lastName()))
                .as("before: the known-as name is in the case record")
                .anySatisfy(
                        c -> assertThat(c.toUpperCase(java.util.Locale.ROOT)).startsWith("PW_CHILD_ALIAS."));

        retention.placeHold(held.caseId(), "Synthetic: a civil claim has been notified", "admin", "camunda-admin");
        // the consent position for sharing, naming the child, and a share made under it: erased with the case
        consent.record(
                cse.caseId(),
                new SharingConsent.NewConsent(
                        "NOT_SOUGHT", "PARENT_OR_CARER", Now.today(), "Synthetic: " + quillon.firstName() + " asked"),
                "childrens-services-worker",
                "API");
        mvc.perform(get("/cases/" + cse.caseId() + "/chronology.pdf").session(Pages.signIn(mvc, "mash-worker")))
                .andExpect(status().isOk());
        assertThat(traces(quillon, cse.caseId(), List.of()))
                .anyMatch(c -> c.toUpperCase(java.util.Locale.ROOT).startsWith("PW_SHARING_CONSENT."));

        // eleven years on: Quillon is 26, Oriella 25 and Yarrowen 24; their cases closed eleven years ago
        Pathway.at(Now.instant().plus(Duration.ofDays(365L * 11 + 3)).atZone(Now.UK));
        LocalDate tonight = Now.today();
        RetentionReport report = retention.report(tonight);
        List<String> reported =
                report.due().stream().map(RetentionReport.Item::caseId).toList();
        assertThat(reported)
                .contains(cse.caseId(), missing.caseId())
                .doesNotContain(young.caseId(), lookedAfter.caseId(), held.caseId(), open.caseId());
        assertThat(report.due()).anySatisfy(i -> {
            assertThat(i.caseId()).isEqualTo(cse.caseId());
            assertThat(i.recordClass()).isEqualTo(RecordClass.CSE_CASE);
            assertThat(i.rule()).isEqualTo("Kept 6 years after the case closed and until the child's 25th birthday");
            assertThat(i.dueOn()).isEqualTo(quillon.dateOfBirth().plusYears(25));
        });
        assertThat(report.due())
                .filteredOn(i -> i.caseId().equals(missing.caseId()))
                .singleElement()
                .satisfies(i -> assertThat(i.recordClass()).isEqualTo(RecordClass.MISSING_EPISODES));
        assertThat(report.held()).extracting(RetentionReport.Item::caseId).contains(held.caseId());

        // the dry run (erasure off, as shipped) erases nothing
        RetentionRun dryRun = retention.run(tonight, null, retention.schedule().isErase());
        assertThat(dryRun.mode()).isEqualTo(RetentionRun.DRY_RUN);
        assertThat(dryRun.due()).isEqualTo(reported.size());
        assertThat(dryRun.held()).isEqualTo(report.held().size());
        assertThat(dryRun.erased()).isZero();
        assertThat(caseFile.find(cse.caseId())).isPresent();

        // the next night, with erasure on, exactly the reported cases go
        retention.schedule().setErase(true);
        RetentionRun erasure =
                retention.run(tonight.plusDays(1), null, retention.schedule().isErase());
        assertThat(erasure.mode()).isEqualTo(RetentionRun.ERASE);
        assertThat(erasure.erased()).isEqualTo(reported.size());
        assertThat(erasure.failed()).isZero();
        assertThat(reported)
                .allSatisfy(id -> assertThat(caseFile.find(id)).as(id).isEmpty());
        assertThat(traces(quillon, cse.caseId(), List.of(cse.reference())))
                .as("nothing of Quillon is left anywhere")
                .isEmpty();
        assertThat(traces(quilla, quillasReferral.caseId(), List.of(quillasReferral.reference())))
                .as("nothing of the case merged into Quillon's is left anywhere")
                .isEmpty();
        assertThat(traces(oriella, missing.caseId(), List.of(missing.reference(), policeReference)))
                .as("nothing of Oriella is left anywhere")
                .isEmpty();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(cse.reference())
                        .count())
                .isZero();

        // what was kept is whole
        for (ReferralAccepted kept : List.of(young, lookedAfter, held, open)) {
            assertThat(caseFile.find(kept.caseId())).as(kept.caseId()).isPresent();
            assertThat(caseFile.chronology(kept.caseId())).as(kept.caseId()).isNotEmpty();
            assertThat(history.createHistoricProcessInstanceQuery()
                            .processInstanceId(kept.processInstanceId())
                            .count())
                    .as(kept.caseId())
                    .isOne();
        }
        assertThat(retention.report(tonight.plusDays(1)).due()).isEmpty();

        // the scheduled run takes its night: a second node finds it taken and does nothing
        retention.schedule().setErase(false);
        LocalDate night = tonight.plusDays(2 + new java.util.Random().nextInt(100_000));
        assertThat(retention.runNight(night)).isPresent();
        assertThat(retention.runNight(night))
                .as("a second node finds the night taken")
                .isEmpty();

        // the tombstones say what went, when and under which rule, and nothing of whom
        List<Tombstone> tombstones = retention.tombstones(reported.size());
        assertThat(tombstones)
                .extracting(Tombstone::recordClass)
                .containsExactlyInAnyOrderElementsOf(report.due().stream()
                        .map(RetentionReport.Item::recordClass)
                        .toList())
                .contains(RecordClass.CSE_CASE, RecordClass.MISSING_EPISODES);
        assertThat(tombstones).allSatisfy(t -> {
            assertThat(t.rule()).startsWith("Kept 6 years after the case closed");
            assertThat(t.caseRows()).isPositive();
            assertThat(t.engineInstances()).isPositive();
            assertThat(t.auditRows()).isPositive();
        });
        String page = mvc.perform(get("/data-protection").session(Pages.signIn(mvc, "admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Erased records")
                .contains("A closed CSE case")
                .contains("A case of missing episodes only")
                .contains(held.caseId())
                .doesNotContain(cse.caseId());
    }

    @Test
    void aLegalHoldIsForTheDataProtectionOfficerNeedsAReasonAndIsAudited() throws Exception {
        // an open case (a closed one would fall due in the other test's twelve years)
        ReferralAccepted referral = pathway.refer(child("Heldric", 15, 71, false), List.of());
        String hold = "/api/cases/" + referral.caseId() + "/legal-hold";
        MockMvc mvc = Pages.mvc(context);

        mvc.perform(put(hold)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Synthetic: a claim\"}")
                        .with(httpBasic("mash-manager", Pages.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(put(hold)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .with(httpBasic("admin", Pages.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(retention.hold(referral.caseId())).isEmpty();

        mvc.perform(put(hold)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Synthetic: a civil claim\"}")
                        .with(httpBasic("admin", Pages.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reason").value("Synthetic: a civil claim"));
        mvc.perform(get(hold).with(httpBasic("admin", Pages.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.placedBy").value("admin"));
        mvc.perform(get("/data-protection").session(Pages.signIn(mvc, "mash-manager")))
                .andExpect(status().isForbidden());
        String page = mvc.perform(get("/data-protection").session(Pages.signIn(mvc, "admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Retention schedule")
                .contains("Kept until the child&#39;s 75th birthday")
                .contains("data-case=\"" + referral.caseId() + "\"")
                .contains("Synthetic: a civil claim");

        mvc.perform(delete(hold).with(httpBasic("admin", Pages.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(delete(hold)
                        .param("reason", "Synthetic: the claim was withdrawn")
                        .with(httpBasic("admin", Pages.PASSWORD)))
                .andExpect(status().isNoContent());
        mvc.perform(get(hold).with(httpBasic("admin", Pages.PASSWORD))).andExpect(status().isNotFound());
        assertThat(jdbc.queryForList(
                        "select detail from pw_audit where case_id = ? and resource = 'legal hold' order by id",
                        String.class,
                        referral.caseId()))
                .containsExactly("placed", "lifted");
        mvc.perform(get("/api/retention/report").param("asOf", "next tuesday").with(httpBasic("admin", Pages.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    @Test
    void auditRowsGoAfterTheirOwnPeriodNeverSoonerThanAYearAndOtherwiseStayAppendOnly() {
        Instant real = Instant.now();
        String old = "retention-old-" + real.toEpochMilli();
        String recent = "retention-recent-" + real.toEpochMilli();
        insertAudit(old, real.minus(Duration.ofDays(365L * 8)));
        insertAudit(recent, real.minus(Duration.ofDays(365L * 6)));
        assertThat(retention.report(Now.today()).auditRowsDue()).isPositive();

        retention.schedule().setErase(true);
        RetentionRun run = retention.run(Now.today(), null, true);

        assertThat(run.auditRowsExpired()).isPositive();
        assertThat(auditOf(old)).isZero();
        assertThat(auditOf(recent)).isOne();
        assertThatThrownBy(() -> auditRetention.expire(Period.ofMonths(6))).hasMessageContaining("at least a year");
        assertThatThrownBy(() -> jdbc.update("delete from pw_audit where user_id = ?", recent))
                .as("outside retention the trail is append-only as before")
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(auditOf(recent)).isOne();
    }

    private void insertAudit(String user, Instant at) {
        jdbc.update(
                "insert into pw_audit (at, user_id, action, door, resource) values (?, ?, 'READ', 'API', 'probe')",
                at.atOffset(ZoneOffset.UTC),
                user);
    }

    private int auditOf(String user) {
        return jdbc.queryForObject("select count(*) from pw_audit where user_id = ?", Integer.class, user);
    }
}
