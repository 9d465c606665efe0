package uk.pathways.support.process;

import static uk.pathways.referral.process.CseReferralProcess.SAFETY_PLAN_REVIEW_AT;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.process.Dates;
import uk.pathways.gate.TaskInputRefused;

/**
 * {@code ${recordSafetyPlan}}: the safety plan task is named "Review the safety plan" once a plan exists; a safety plan (first or revised) names the day it is next reviewed, after today and
 * within a year; the review task comes at 9:00 UK time that day ({@code safetyPlanReviewAt}).
 */
@Component("recordSafetyPlan")
class RecordSafetyPlan implements TaskListener {

    static final String REVIEW_DATE = "reviewDate";
    static final LocalTime REVIEW_TIME = LocalTime.of(9, 0);

    static final String REVIEW_NAME = "Review the safety plan";

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            // a plan was made before: this round reviews it
            if (task.getVariable(SAFETY_PLAN_REVIEW_AT) != null) {
                task.setName(REVIEW_NAME);
            }
            return;
        }
        Object given = task.getVariable(REVIEW_DATE);
        if (given == null || given.toString().isBlank()) {
            throw TaskInputRefused.of(REVIEW_DATE, "Enter the date the plan is to be reviewed");
        }
        LocalDate day;
        try {
            String text = given.toString().strip();
            day = text.length() <= 10
                    ? LocalDate.parse(text)
                    : LocalDate.ofInstant(Dates.parse(text).orElseThrow(), Now.UK);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw TaskInputRefused.of(REVIEW_DATE, "must be a date like 2027-01-15");
        }
        LocalDate today = Now.today();
        if (!day.isAfter(today)) {
            throw TaskInputRefused.of(REVIEW_DATE, "The review date must be after today");
        }
        if (day.isAfter(today.plusYears(1))) {
            throw TaskInputRefused.of(REVIEW_DATE, "The review date must be within a year");
        }
        task.setVariable(
                SAFETY_PLAN_REVIEW_AT,
                Date.from(day.atTime(REVIEW_TIME).atZone(Now.UK).toInstant()));
    }
}
