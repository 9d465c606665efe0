#!/usr/bin/env bash
# B8's disruption register rows (V19) for cases BENCH-FROM..BENCH-TO, run by b8.sh after each load with $DB in the
# environment: for every 10th case one entry, set-based like b8.sh's load(). Every 20th case's entry is on the police-only
# person b8.sh records for it (CAWN, SRO or SHPO, with an expiry), the others' on its location (LICENSING, HOTELS,
# TAXIS or OTHER); served the day after the case's referral (b8.sh's WHEN, never after today), so the halves of the
# last two years hold the same entries at 10k and at 1M cases. Every 30th case's entry has a breach 14 days after
# serving (every 90th a second at 40 days), every 40th's has ended 60 days after serving (the four outcomes in turn);
# each entry protects its case (pw_disruption_case).
# Usage (by b8.sh): DB=pathways_reports bash bench/cluster/b8_disruption.sh FROM TO
from=$1 to=$2
db=${DB:-pathways_reports}
source "$(dirname "$0")/lib.sh"
DB=$db
SMALL=${B8_SMALL:-10000}
# b8.sh's WHEN: the moment case g was referred
WHEN="case when g <= $SMALL then now() - ((g % 730) * interval '1 day') - ((g % 9) * interval '1 hour')
           else now() - interval '731 days' - (((g * 37) % 8400) * interval '1 day') end"
# case g's entry: its subject, tactic and serving day
ENTRIES="select g, served,
           case when g % 20 = 0 then 'SUB-' || lpad((200000 + g / 10)::text, 6, '0')
                else 'SUB-' || lpad((g / 5)::text, 6, '0') end as subject_id,
           case when g % 20 = 0 then (array['CAWN','SRO','SHPO'])[1 + (g / 20) % 3]
                else (array['LICENSING','HOTELS','TAXIS','OTHER'])[1 + (g / 20) % 4] end as tactic
         from (select g, least($WHEN + interval '1 day', now())::date as served
               from generate_series($from, $to) g where g % 10 = 0) s"
ID="'DIS-' || to_char(served, 'YYYY') || '-' || lpad((g / 10)::text, 6, '0')"

sql "insert into pw_disruption (disruption_id, tactic, subject_id, district, served_by, served_on, expires_on, review_on,
       outcome, outcome_on, outcome_by, recorded_by, recorded_agency, recorded_at)
     select $ID, tactic, subject_id,
       (array['Corby','Daventry','East Northamptonshire','Kettering','Northampton','South Northamptonshire','Wellingborough'])[1 + g % 7],
       (array['police','police','childrens-services','Northamptonshire Hotels Watch'])[1 + (g / 30) % 4], served,
       case when tactic in ('CAWN','SRO','SHPO') then served + interval '2 years' end::date,
       (served + case when tactic in ('CAWN','LICENSING','OTHER') then interval '3 months' else interval '6 months' end)::date,
       case when g % 40 = 0 then (array['COMPLIED','BREACHED_AND_CHARGED','LAPSED','REVOKED'])[1 + (g / 40) % 4] end,
       case when g % 40 = 0 then least(served + 60, current_date) end,
       case when g % 40 = 0 then 'bench' end,
       'bench', 'police', served + interval '10 hours'
     from ($ENTRIES) e"
sql "insert into pw_disruption_case (disruption_id, case_id)
     select $ID, 'BENCH-' || g from ($ENTRIES) e"
sql "insert into pw_disruption_breach (disruption_id, breached_on, note, recorded_by, recorded_agency, recorded_at)
     select $ID, least(served + 14, current_date), 'Synthetic breach (bench)', 'bench', 'police',
       least(served + 14, current_date) + interval '12 hours'
     from ($ENTRIES) e where g % 30 = 0
     union all
     select $ID, least(served + 40, current_date), 'Synthetic second breach (bench)', 'bench', 'police',
       least(served + 40, current_date) + interval '12 hours'
     from ($ENTRIES) e where g % 90 = 0"
sql "analyze pw_disruption, pw_disruption_case, pw_disruption_breach"
