package uk.pathways.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.agency.Actor;
import uk.pathways.casefile.PathwayEvent;
import uk.pathways.web.FormWording;

/**
 * The onward referrals of a child's RISE support, tracked as entries with a status: made at an outreach contact (at the
 * contact's real time), then accepted, waiting, declined or with its outcome recorded, as later contacts or the
 * follow-up task of its own say. Each change is a line of the case's chronology.
 */
@Service
@Transactional
public class OnwardReferrals {

    /** The outreach contact form and its field whose options name the services. */
    static final String FORM = "outreach-contact";

    static final String SERVICES = "onwardReferrals";

    private final OnwardReferralRepository referrals;
    private final ApplicationEventPublisher events;
    private final FormWording wording;

    OnwardReferrals(OnwardReferralRepository referrals, ApplicationEventPublisher events, FormWording wording) {
        this.referrals = referrals;
        this.events = events;
        this.wording = wording;
    }

    /** New referrals to these services, made at {@code at}; their ids, in the order given. */
    public List<Long> made(
            String caseId, String reference, List<String> services, Instant at, Actor by, String taskId) {
        List<Long> ids = new ArrayList<>();
        for (String service : services) {
            ids.add(referrals.insert(caseId, reference, service, at, by.userId(), taskId));
            events.publishEvent(new PathwayEvent(
                    caseId,
                    reference,
                    "ONWARD_REFERRAL_MADE",
                    "Onward referral made: " + serviceName(service) + ".",
                    by,
                    at,
                    taskId));
        }
        return ids;
    }

    /** The referral's new status, at {@code at}; chronicled. */
    public void setStatus(OnwardReferral referral, String status, Instant at, Actor by, String taskId) {
        if (!OnwardReferral.STATUSES.contains(status)) {
            throw new IllegalArgumentException("no onward referral status " + status);
        }
        referrals.updateStatus(referral.id(), status, at, by.userId(), taskId);
        events.publishEvent(new PathwayEvent(
                referral.caseId(),
                referral.reference(),
                "ONWARD_REFERRAL_UPDATED",
                "Onward referral to " + serviceName(referral.service()) + ": " + statusWords(status) + ".",
                by,
                at,
                taskId));
    }

    @Transactional(readOnly = true)
    public Optional<OnwardReferral> find(long id) {
        return referrals.find(id);
    }

    /** Every onward referral of the case, oldest first. */
    @Transactional(readOnly = true)
    public List<OnwardReferral> ofCase(String caseId) {
        return referrals.ofCase(caseId);
    }

    /** The latest referral still open for each service (what a later contact's update refers to). */
    @Transactional(readOnly = true)
    public Map<String, OnwardReferral> openByService(String caseId) {
        Map<String, OnwardReferral> open = new LinkedHashMap<>();
        for (OnwardReferral referral : referrals.ofCase(caseId)) {
            if (referral.open()) {
                open.put(referral.service(), referral);
            }
        }
        return open;
    }

    /** The service in the words of the outreach contact form. */
    public String serviceName(String service) {
        return wording.value(FORM, SERVICES, service);
    }

    static String statusWords(String status) {
        return switch (status) {
            case OnwardReferral.MADE -> "made";
            case OnwardReferral.ACCEPTED -> "accepted";
            case OnwardReferral.WAITING -> "waiting";
            case OnwardReferral.DECLINED -> "declined";
            case OnwardReferral.OUTCOME_RECORDED -> "outcome recorded";
            default -> status;
        };
    }
}
