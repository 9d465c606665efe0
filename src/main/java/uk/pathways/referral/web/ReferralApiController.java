package uk.pathways.referral.web;

import java.net.URI;
import java.security.Principal;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import uk.pathways.agency.Actors;
import uk.pathways.calendar.Now;
import uk.pathways.referral.NewReferral;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.referral.ReferralValidator;
import uk.pathways.referral.Referrals;

/** {@code POST /api/referrals} (contract section 6). */
@RestController
@RequestMapping("/api/referrals")
class ReferralApiController {

    private final ReferralValidator validator;
    private final Referrals referrals;
    private final Actors actors;

    ReferralApiController(ReferralValidator validator, Referrals referrals, Actors actors) {
        this.validator = validator;
        this.referrals = referrals;
        this.actors = actors;
    }

    @PostMapping(consumes = "application/json", produces = "application/json")
    ResponseEntity<Map<String, Object>> refer(@RequestBody JsonNode body, Principal principal) {
        NewReferral referral = validator.validate(body, Now.today());
        ReferralAccepted accepted = referrals.receive(referral,
                actors.of(principal.getName(), java.util.List.of(referral.referrerAgency())), Referrals.SOURCE_API);
        return ResponseEntity.created(URI.create("/api/cases/" + accepted.caseId()))
                .body(Map.of("reference", accepted.reference(), "caseId", accepted.caseId(),
                        "processInstanceId", accepted.processInstanceId()));
    }
}
