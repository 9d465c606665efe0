package uk.pathways.referral.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.casefile.process.MessagePayload;
import uk.pathways.referral.NewReferral;
import uk.pathways.referral.ReferralValidator;
import uk.pathways.referral.Referrals;

/**
 * {@code ${registerMessageReferral}}: a partner system may start the pathway with message
 * {@code CseReferralReceived} carrying a variable {@code referral}, the same JSON as {@code POST /api/referrals}.
 * It is validated and recorded exactly like an API referral (bad input fails the correlation and
 * creates nothing); then the {@code referral} variable, which holds the concerns, is removed so the
 * engine keeps only ids, display name and age.
 */
@Component("registerMessageReferral")
class RegisterMessageReferral implements ExecutionListener {

    static final String REFERRAL = "referral";

    private final ReferralValidator validator;
    private final Referrals referrals;
    private final Actors actors;
    private final ObjectMapper json;

    RegisterMessageReferral(ReferralValidator validator, Referrals referrals, Actors actors, ObjectMapper json) {
        this.validator = validator;
        this.referrals = referrals;
        this.actors = actors;
        this.json = json;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getVariable(CaseVariables.CASE_ID) != null) {
            return;
        }
        MessagePayload payload = new MessagePayload(execution, "CseReferralReceived", REFERRAL);
        JsonNode body = payload.json(json);
        NewReferral referral = payload.valid("referral", () -> validator.validate(body, Now.today()));
        Referrals.RecordedReferral recorded = payload.valid(
                "referral",
                () -> referrals.record(
                        referral, actors.current(List.of(referral.referrerAgency())), Referrals.SOURCE_MESSAGE));
        payload.recorded(recorded.reference(), recorded.variables());
        referrals.linkProcess(recorded.reference(), execution.getProcessInstanceId());
    }
}
