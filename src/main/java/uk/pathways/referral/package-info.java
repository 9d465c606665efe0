/** Referrals: validate, find or open the child's case, record the referral and start the cse-referral pathway. */
package uk.pathways.referral;
