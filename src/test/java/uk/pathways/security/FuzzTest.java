package uk.pathways.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import uk.pathways.calendar.Now;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.support.Pathway;

/**
 * A bounded fuzz of the write doors (a fixed seed, a few hundred requests): task completions through
 * {@code /engine-rest} with every form field and some that are not, each given values of every shape; and bodies of
 * {@code POST /api/referrals} and {@code POST /api/missing-episodes} with one field broken at a time. No answer is a
 * 5xx, and none shows SQL, a class name or a stack trace.
 */
@org.junit.jupiter.api.Tag("app")
@org.junit.jupiter.api.Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class FuzzTest {

    private static final long SEED = 20261202L;
    private static final List<String> NAMES = List.of(
            "indicators",
            "disclosure",
            "learningDisability",
            "screeningNotes",
            "agencyInformation",
            "meetingAt",
            "meetingPlace",
            "riseAccepted",
            "age",
            "caseId",
            "reference",
            "screeningScore",
            "riskLevel",
            "unknownField",
            "restricted",
            "${x}",
            "",
            "a".repeat(300));

    @LocalServerPort
    int port;

    @Autowired
    Pathway pathway;

    @Autowired
    TaskService taskService;

    private final Random random = new Random(SEED);

    private String value() {
        return switch (random.nextInt(16)) {
            case 0 -> "{\"value\": true}";
            case 1 -> "{\"value\": \"true\"}";
            case 2 -> "{\"value\": " + (random.nextInt(2000) - 1000) + "}";
            case 3 -> "{\"value\": 1.5e300}";
            case 4 -> "{\"value\": null}";
            case 5 -> "{\"value\": [\"OLDER_PARTNER\", \"NOT_A_CODE\"]}";
            case 6 -> "{\"value\": {\"a\": {\"b\": [1, 2]}}}";
            case 7 -> "{\"value\": \"[\\\"OLDER_PARTNER\\\"]\", \"type\": \"Json\"}";
            case 8 -> "{\"value\": \"not json\", \"type\": \"Json\"}";
            case 9 -> "{\"value\": \"2026-13-45T99:00\", \"type\": \"Date\"}";
            case 10 ->
                "{\"value\": \"x\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.util.ArrayList\","
                        + " \"serializationDataFormat\": \"application/x-java-serialized-object\"}}";
            case 11 -> "{\"value\": \"" + "x".repeat(5000) + "\"}";
            case 12 -> "{\"value\": \"\\u0000\\ud83d\\ude00 ' OR 1=1 --\"}";
            case 13 -> "{\"value\": \"-999999999-01-01T00:00:00Z\"}";
            case 14 -> "{\"value\": 12, \"type\": \"NoSuchType\"}";
            default -> "{\"value\": \"Synthetic text\"}";
        };
    }

    private static void noServerErrorNorInternals(Doors.Answer answer, String request) {
        assertThat(answer.status()).as("%s answered %s", request, answer.body()).isLessThan(500);
        assertThat(answer.body())
                .as(request)
                .doesNotContain(
                        "org.camunda",
                        "java.lang",
                        "Exception",
                        "### ",
                        "SELECT ",
                        "select ",
                        "\tat ",
                        "ACT_RU_",
                        "ACT_HI_");
    }

    @Test
    void fuzzedTaskCompletionsNeverAnswer5xxNorShowInternals() {
        Doors doors = new Doors(port);
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ReferralAccepted referral = pathway.refer(15, List.of());
            tasks.add(pathway.task(referral.caseId(), "screening"));
        }
        ReferralAccepted meeting = pathway.refer(15, List.of());
        pathway.complete(
                meeting.caseId(),
                "screening",
                "mash-worker",
                Map.of(
                        "indicators",
                        List.of("OLDER_PARTNER", "CONTROLLED_BY_OTHERS", "UNEXPLAINED_GIFTS"),
                        "disclosure",
                        false,
                        "learningDisability",
                        false));
        tasks.add(pathway.task(meeting.caseId(), "schedule-strategy-meeting"));
        for (int round = 0; round < 200; round++) {
            Task task = tasks.get(random.nextInt(tasks.size()));
            StringBuilder variables = new StringBuilder("{");
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                variables
                        .append(i == 0 ? "" : ",")
                        .append(Doors.JSON
                                .valueToTree(NAMES.get(random.nextInt(NAMES.size())))
                                .toString())
                        .append(": ")
                        .append(value());
            }
            variables.append("}");
            String user = task.getTaskDefinitionKey().equals("screening") ? "mash-worker" : "childrens-services-worker";
            String action = random.nextBoolean() ? "complete" : "submit-form";
            String body = random.nextInt(10) == 0 ? "{\"variables\": [1, 2" : "{\"variables\": " + variables + "}";
            Doors.Answer answer = doors.basic(user, "POST", "/engine-rest/task/" + task.getId() + "/" + action, body);
            noServerErrorNorInternals(answer, action + " " + body.substring(0, Math.min(200, body.length())));
            if (answer.status() == 204) {
                tasks.remove(task);
                if (tasks.isEmpty()) {
                    break;
                }
            }
        }
    }

    @Test
    void fuzzedReferralsAndMissingReportsNeverAnswer5xxNorShowInternals() throws Exception {
        Doors doors = new Doors(port);
        String referral = """
                {"child": {"firstName": "Robin", "lastName": "Fuzzchild", "dateOfBirth": "2012-03-14", "gender": "FEMALE",
                 "district": "Corby", "lookedAfter": false}, "referrer": {"agency": "education", "name": "Sam Teacher",
                 "email": "sam@school.example"}, "concerns": "Synthetic concern", "indicators": ["OLDER_PARTNER"]}""";
        String report = """
                {"child": {"firstName": "Robin", "lastName": "Fuzzmissing", "dateOfBirth": "2012-03-14", "gender": "FEMALE",
                 "district": "Corby", "lookedAfter": false}, "missingSince": "%s", "policeReference": "NP-9",
                 "policeRisk": "LOW", "episodeType": "MISSING_FROM_HOME"}""".formatted(Now.instant().minus(Duration.ofHours(2)));
        for (int round = 0; round < 120; round++) {
            boolean missing = round % 2 == 1;
            ObjectNode body = (ObjectNode) Doors.JSON.readTree(missing ? report : referral);
            List<String> paths = new ArrayList<>();
            collect(body, "", paths);
            String path = paths.get(random.nextInt(paths.size()));
            set(body, path, Doors.JSON.readTree(value()).get("value"));
            String sent = body.toString();
            Doors.Answer answer = doors.basic(
                    missing ? "police-worker" : "education-worker",
                    "POST",
                    missing ? "/api/missing-episodes" : "/api/referrals",
                    sent);
            noServerErrorNorInternals(answer, path + " in " + sent.substring(0, Math.min(200, sent.length())));
        }
    }

    private static void collect(JsonNode node, String prefix, List<String> paths) {
        node.fields().forEachRemaining(f -> {
            String path = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
            paths.add(path);
            if (f.getValue().isObject()) {
                collect(f.getValue(), path, paths);
            }
        });
    }

    private static void set(ObjectNode body, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode parent = body;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        parent.set(parts[parts.length - 1], value);
    }
}
