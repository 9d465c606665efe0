-- Possible duplicate children are looked for among the cases with a date of birth near the child's (issue 16).
create index ix_pw_case_date_of_birth on pw_case (date_of_birth);
