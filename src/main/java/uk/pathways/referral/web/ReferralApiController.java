package uk.pathways.referral.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.pathways.agency.Actors;
import uk.pathways.calendar.Now;
import uk.pathways.referral.NewReferral;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.referral.ReferralValidator;
import uk.pathways.referral.Referrals;

/** {@code POST /api/referrals} (contract section 6). */
@RestController
@RequestMapping("/api/referrals")
@Tag(name = "Referrals", description = "Refer a child at risk of sexual exploitation (contract section 6)")
class ReferralApiController {

    private final ReferralValidator validator;
    private final Referrals referrals;
    private final Actors actors;

    ReferralApiController(ReferralValidator validator, Referrals referrals, Actors actors) {
        this.validator = validator;
        this.referrals = referrals;
        this.actors = actors;
    }

    @Operation(
            summary = "Make a referral",
            description = """
            Starts the CSE referral pathway. A referral for a child who already has a case (same first name, last name \
            and date of birth, ignoring case and spaces) joins that case, but does not make the caller's agency involved \
            in it. `referrer.agency` must be the caller's own agency.""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = ReferralRequest.class))))
    @ApiResponse(
            responseCode = "201",
            description = "Received; `Location` is the case (`/api/cases/{caseId}`)",
            content = @Content(schema = @Schema(implementation = ReferralAnswer.class)))
    @ApiResponse(
            responseCode = "400",
            description = "Bad input (each bad field named, `child.dateOfBirth`, "
                    + "`referrer.agency`, ...) or not JSON; nothing is created",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/InvalidInput")))
    @PostMapping(consumes = "application/json", produces = "application/json")
    ResponseEntity<Map<String, Object>> refer(@RequestBody JsonNode body, Principal principal) {
        NewReferral referral = validator.validate(body, Now.today());
        ReferralAccepted accepted = referrals.receive(
                referral,
                actors.of(principal.getName(), java.util.List.of(referral.referrerAgency())),
                Referrals.SOURCE_API);
        return ResponseEntity.created(URI.create("/api/cases/" + accepted.caseId()))
                .body(Map.of(
                        "reference",
                        accepted.reference(),
                        "caseId",
                        accepted.caseId(),
                        "processInstanceId",
                        accepted.processInstanceId()));
    }

    @Schema(name = "ReferralRequest", description = "A referral (contract section 6); codes as in docs/api.md")
    record ReferralRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            ReferralChild child,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Referrer referrer,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = 10_000,
                    description = "What the referrer is worried about")
            String concerns,

            @Schema(
                    description = "Indicator codes from the catalogue (docs/indicators.md)",
                    example = "[\"OLDER_PARTNER\"]")
            java.util.List<String> indicators) {}

    @Schema(name = "ReferralChild", description = "The child of a referral or a missing report")
    record ReferralChild(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100, example = "Kit")
            String firstName,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100, example = "Example")
            String lastName,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    format = "date",
                    description = "Real, in the past, under 18 on the day")
            String dateOfBirth,

            @Schema(allowableValues = {"FEMALE", "MALE", "NON_BINARY", "OTHER", "NOT_KNOWN"})
            String gender,

            @Schema(description = "An ONS 2021 ethnic group code (docs/api.md)", example = "WHITE_BRITISH")
            String ethnicity,

            @Schema(description = "One of pathways.child.districts", example = "Kettering")
            String district,

            Boolean lookedAfter,

            @Schema(maxLength = 150, description = "Needed for a looked-after child")
            String placingAuthority,

            @Schema(
                    description = "NHS number: 10 digits, spaces allowed, with its Modulus 11 check digit; an exact"
                            + " match joins the child's case",
                    example = "943 476 5919")
            String nhsNumber,

            @Schema(
                    maxLength = 50,
                    description = "The local authority's child id; an exact match joins the child's case",
                    example = "LA-000123")
            String localAuthorityChildId,

            @Schema(
                    description = "Unique pupil number: 13 characters, the DfE check letter first; an exact match joins"
                            + " the child's case",
                    example = "H801200001001")
            String upn,

            @Schema(
                    maxLength = 50,
                    description = "The police person id; an exact match joins the child's case",
                    example = "PPI-000042")
            String policePersonId,

            @Schema(description = "Other names the child is known by (at most 10); either part may be left out")
            java.util.List<KnownAsName> knownAs) {}

    @Schema(name = "KnownAs", description = "A name the child is known by")
    record KnownAsName(
            @Schema(maxLength = 100, example = "Robyn") String firstName,
            @Schema(maxLength = 100, example = "Sample") String lastName) {}

    @Schema(name = "Referrer")
    record Referrer(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The caller's own agency id (contract section 1)",
                    example = "health")
            String agency,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100)
            String name,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "email")
            String email) {}

    @Schema(name = "ReferralAccepted")
    record ReferralAnswer(
            @Schema(example = "REF-2025-000123") String reference,
            @Schema(example = "CASE-2025-000045") String caseId,
            String processInstanceId) {}
}
